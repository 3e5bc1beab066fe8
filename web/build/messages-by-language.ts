import path from 'node:path';
import { type Plugin, runnerImport } from 'vite';

const PREFIX = 'virtual:pd-desk-messages/';
const RESOLVED = `\0${PREFIX}`;
const NAMESPACES_MODULE = path.resolve(import.meta.dirname, '../src/lib/i18n-namespaces.ts');

type Namespaces = Record<string, Record<string, Record<string, unknown>>>;

/**
 * `virtual:pd-desk-messages/ru` (or `/en`): all namespaces' strings of one language as plain data. Each feature keeps
 * its Russian and English side by side in one file (easy to keep in step); the browser downloads one language only,
 * and the other when the user switches.
 */
export function messagesByLanguage(): Plugin {
  return {
    name: 'pd-desk-messages-by-language',
    resolveId(id) {
      return id.startsWith(PREFIX) ? `\0${id}` : undefined;
    },
    async load(id) {
      if (!id.startsWith(RESOLVED)) return undefined;
      const language = id.slice(RESOLVED.length);
      const { module, dependencies } = await runnerImport<{ namespaces: Namespaces }>(NAMESPACES_MODULE, {
        configFile: false,
        logLevel: 'silent',
      });
      for (const file of dependencies) this.addWatchFile(file);
      const messages = Object.fromEntries(
        Object.entries(module.namespaces).map(([namespace, byLanguage]) => {
          const strings = byLanguage[language];
          if (!strings) throw new Error(`namespace ${namespace} has no «${language}» strings`);
          return [namespace, strings];
        }),
      );
      return `export default ${JSON.stringify(messages)};`;
    },
  };
}

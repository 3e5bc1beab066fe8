import path from 'node:path';
import { type Plugin, runnerImport } from 'vite';

const CATALOGUE = 'virtual:pd-desk-messages';
const PREFIX = `${CATALOGUE}/`;
const NAMESPACES_MODULE = path.resolve(import.meta.dirname, '../src/lib/i18n-namespaces.ts');

type Namespaces = Record<string, Record<string, Record<string, unknown>>>;

/**
 * `virtual:pd-desk-messages/ru/triage` (any language, any namespace): one namespace's strings in one language, as
 * plain data; `virtual:pd-desk-messages` maps language → namespace → a loader of that module. Each feature keeps its
 * Russian and English side by side in one file (easy to keep in step); the browser downloads the strings of the
 * language in use and of the screens it shows, nothing else (ADR 0030).
 */
export function messagesByLanguage(): Plugin {
  let namespaces: Promise<{ module: { namespaces: Namespaces }; dependencies: string[] }> | undefined;
  const read = () => {
    namespaces ??= runnerImport<{ namespaces: Namespaces }>(NAMESPACES_MODULE, {
      configFile: false,
      logLevel: 'silent',
    });
    return namespaces;
  };
  return {
    name: 'pd-desk-messages-by-language',
    watchChange() {
      namespaces = undefined;
    },
    resolveId(id) {
      return id === CATALOGUE || id.startsWith(PREFIX) ? `\0${id}` : undefined;
    },
    async load(id) {
      if (!id.startsWith(`\0${CATALOGUE}`)) return undefined;
      const { module, dependencies } = await read();
      for (const file of dependencies) this.addWatchFile(file);
      if (id === `\0${CATALOGUE}`) return catalogue(module.namespaces);
      const [language, namespace] = id.slice(`\0${PREFIX}`.length).split('/');
      const strings = module.namespaces[namespace ?? '']?.[language ?? ''];
      if (!strings) throw new Error(`no «${language}» strings for the namespace ${namespace}`);
      return `export default ${JSON.stringify(strings)};`;
    },
  };
}

/** `export const namespaceLoaders = { ru: { shell: () => import('virtual:pd-desk-messages/ru/shell'), … }, en: … }`. */
function catalogue(namespaces: Namespaces): string {
  const languages = [...new Set(Object.values(namespaces).flatMap((byLanguage) => Object.keys(byLanguage)))];
  const loaders = languages.map((language) => {
    const entries = Object.keys(namespaces).map(
      (namespace) =>
        `${JSON.stringify(namespace)}: () => import(${JSON.stringify(`${PREFIX}${language}/${namespace}`)})`,
    );
    return `${JSON.stringify(language)}: { ${entries.join(', ')} }`;
  });
  return `export const namespaceLoaders = { ${loaders.join(', ')} };`;
}

import { gzipSync } from 'node:zlib';
import type { Plugin, Rollup } from 'vite';
import { bytesByOwner } from './first-screen-breakdown.ts';

type OutputBundle = Rollup.OutputBundle;
type OutputChunk = Rollup.OutputChunk;

type Options = {
  /** The module of the screen a signed-in user lands on, relative to the web package. */
  screen: string;
  /** Modules loaded dynamically before the first paint (the language's strings), matched by their id's end. */
  beforePaint: string[];
  /** gzip bytes the entry, the screen and everything they import statically may weigh together. */
  budgetBytes: number;
};

/** Chunks the browser must fetch before the screen paints: the entry, the screen, and their static imports. */
function firstScreenChunks(bundle: OutputBundle, rootModules: string[]): OutputChunk[] {
  const chunks = Object.values(bundle).filter((item): item is OutputChunk => item.type === 'chunk');
  const byFile = new Map(chunks.map((chunk) => [chunk.fileName, chunk]));
  const roots = chunks.filter((chunk) => chunk.isEntry);
  for (const id of rootModules) {
    const chunk = chunks.find((candidate) => candidate.facadeModuleId?.endsWith(id));
    if (!chunk) throw new Error(`first-screen budget: no chunk for ${id}`);
    roots.push(chunk);
  }
  const seen = new Set<string>();
  const visit = (chunk: OutputChunk) => {
    if (seen.has(chunk.fileName)) return;
    seen.add(chunk.fileName);
    for (const file of chunk.imports) {
      const imported = byFile.get(file);
      if (imported) visit(imported);
    }
  };
  roots.forEach(visit);
  return [...seen].map((file) => byFile.get(file) as OutputChunk);
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

/**
 * Prints what the first screen after sign-in costs in gzip bytes and fails the build past the budget,
 * so a heavy import on the queue's path shows up in CI the day it lands, not in a later profile.
 * `PD_DESK_BUNDLE_REPORT=1` (`pnpm --filter @pd-desk/web size`) also lists its chunks and its gzip bytes by package,
 * by folder of our code and by strings' namespace.
 */
export function firstScreenBudget({ screen, beforePaint, budgetBytes }: Options): Plugin {
  return {
    name: 'pd-desk-first-screen-budget',
    apply: 'build',
    generateBundle(_options, bundle) {
      const chunks = firstScreenChunks(bundle, [screen, ...beforePaint]);
      const sized = chunks.map((chunk) => ({ chunk, gzip: gzipSync(chunk.code, { level: 9 }).length }));
      const total = sized.reduce((sum, { gzip }) => sum + gzip, 0);
      const verdict = total <= budgetBytes ? 'within' : 'OVER';
      this.info(
        `first screen (${screen}): ${kb(total)} gzip in ${chunks.length} files — ${verdict} the budget of ${kb(budgetBytes)}`,
      );
      if (process.env.PD_DESK_BUNDLE_REPORT === '1') {
        for (const { chunk, gzip } of sized.sort((a, b) => b.gzip - a.gzip))
          this.info(`  ${kb(gzip).padStart(9)}  ${chunk.fileName}`);
        const owners = [...bytesByOwner(chunks)].sort((a, b) => b[1] - a[1]);
        const sumOf = (test: (owner: string) => boolean) =>
          owners.filter(([owner]) => test(owner)).reduce((sum, [, bytes]) => sum + bytes, 0);
        this.info(
          `by owner: packages ${kb(sumOf((owner) => !/^(ours|strings|\(bundler\)) /.test(owner)))}, our code ${kb(sumOf((owner) => owner.startsWith('ours ')))}, strings ${kb(sumOf((owner) => owner.startsWith('strings ')))}`,
        );
        for (const [owner, bytes] of owners) this.info(`  ${kb(bytes).padStart(9)}  ${owner}`);
      }
      if (total > budgetBytes) {
        this.error(`first screen is ${kb(total)} gzip, over its budget of ${kb(budgetBytes)} (web/vite.config.ts)`);
      }
    },
  };
}

import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Rollup } from 'vite';

const REPO_ROOT = path.resolve(import.meta.dirname, '../..');

/** Who a module belongs to: an npm package, a folder of ours (a feature, the shell, a shared domain), or a language's strings. */
export function ownerOf(id: string): string {
  const clean = id.replace(/^\0/, '');
  const inPackage = clean.lastIndexOf('node_modules/');
  if (inPackage >= 0) {
    const [first, second, ...rest] = clean.slice(inPackage + 'node_modules/'.length).split('/');
    // PD_DESK_BUNDLE_DETAIL=@mantine/core breaks one package down by its folders (components/Menu, core/Box…).
    if (process.env.PD_DESK_BUNDLE_DETAIL === `${first}/${second}`)
      return `${first}/${second} ${rest.slice(1, 3).join('/')}`;
    return first?.startsWith('@') ? `${first}/${second}` : (first ?? clean);
  }
  if (clean.startsWith('virtual:pd-desk-messages/'))
    return `strings ${clean.slice('virtual:pd-desk-messages/'.length)}`;
  if (!clean.startsWith(REPO_ROOT)) return `(bundler) ${clean}`;
  const segments = path.relative(REPO_ROOT, clean).split(path.sep);
  const depth = segments[2] === 'features' ? 4 : 3;
  return `ours ${segments.slice(0, Math.min(depth, segments.length - 1)).join('/')}`;
}

const gzip = (text: string) => gzipSync(text, { level: 9 }).length;

/**
 * The first screen's gzip bytes by owner. A chunk is gzipped whole (what the browser receives), and its bytes are
 * shared among the owners of its modules in proportion to what each owner's code gzips to on its own; the shares add
 * up to the measured total.
 */
export function bytesByOwner(chunks: Rollup.OutputChunk[]): Map<string, number> {
  const byOwner = new Map<string, number>();
  for (const chunk of chunks) {
    const code = new Map<string, string>();
    for (const [id, info] of Object.entries(chunk.modules)) {
      const owner = ownerOf(id);
      code.set(owner, (code.get(owner) ?? '') + (info.code ?? ''));
    }
    const alone = [...code].map(([owner, text]) => [owner, gzip(text)] as const);
    const sum = alone.reduce((total, [, bytes]) => total + bytes, 0);
    const chunkBytes = gzip(chunk.code);
    for (const [owner, bytes] of alone) {
      byOwner.set(owner, (byOwner.get(owner) ?? 0) + (sum === 0 ? 0 : (chunkBytes * bytes) / sum));
    }
  }
  return byOwner;
}

import fs from 'node:fs';
import path from 'node:path';
import type { Config } from '../../env';
import type { AuditHead } from './audit-chain';

/**
 * An anchor is the chain's head recorded where someone who can rewrite the database cannot reach:
 * a file on another disk and/or a webhook. `audit verify --expect-head <hash>` then proves that no
 * entry up to that head was removed or rewritten since.
 */
export type AnchorRecord = { at: string; seq: number; hash: string };

type AnchorConfig = Pick<Config, 'auditAnchorFile' | 'auditAnchorUrl'>;

export function anchorsConfigured(config: AnchorConfig): boolean {
  return Boolean(config.auditAnchorFile || config.auditAnchorUrl);
}

/** One JSON line appended and fsynced to the file; the same record POSTed to the webhook. */
export async function writeAnchor(config: AnchorConfig, head: AuditHead, now: Date): Promise<AnchorRecord> {
  const record: AnchorRecord = { at: now.toISOString(), seq: head.seq, hash: head.hash };
  if (config.auditAnchorFile) appendLine(config.auditAnchorFile, JSON.stringify(record));
  if (config.auditAnchorUrl) {
    const response = await fetch(config.auditAnchorUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ source: 'pd-desk', kind: 'audit-anchor', ...record }),
      signal: AbortSignal.timeout(15_000),
    });
    if (!response.ok) throw new Error(`anchor webhook answered ${response.status}`);
  }
  return record;
}

/** When the file got its last anchor (to keep "daily" across restarts); null without a file or a line. */
export function lastAnchorAt(config: AnchorConfig): Date | null {
  if (!config.auditAnchorFile || !fs.existsSync(config.auditAnchorFile)) return null;
  const lines = fs.readFileSync(config.auditAnchorFile, 'utf8').trim().split('\n');
  try {
    const at = new Date((JSON.parse(lines.at(-1) ?? '') as AnchorRecord).at);
    return Number.isNaN(at.getTime()) ? null : at;
  } catch {
    return null;
  }
}

function appendLine(file: string, line: string): void {
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  const fd = fs.openSync(file, 'a', 0o600);
  try {
    fs.writeSync(fd, `${line}\n`);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

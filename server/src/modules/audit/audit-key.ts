import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Config } from '../../env';

/**
 * The secret that keys the audit chain (HMAC-SHA256). It lives outside the database and outside the
 * data folder, so someone who can write the database — or holds a copy of the data folder or a
 * backup — cannot recompute valid hashes after rewriting an entry (ADR 0009).
 */
export class AuditKeyError extends Error {}

const KEY_BYTES = 32;

let current: Buffer | null = null;

/** Set once per process (server start, CLI, test setup) before anything appends to the chain. */
export function useAuditKey(key: Buffer): void {
  if (key.length < KEY_BYTES) throw new AuditKeyError(`Ключ журнала аудита короче ${KEY_BYTES} байт`);
  current = key;
}

export function auditKey(): Buffer {
  if (!current) throw new AuditKeyError('Ключ журнала аудита не загружен (useAuditKey не вызван)');
  return current;
}

/**
 * PD_DESK_AUDIT_KEY if set; otherwise the key file (by default beside the data folder, in its parent),
 * generated on first use with owner-only permissions. A file readable by others is refused.
 */
export function loadAuditKey(config: Pick<Config, 'auditKeyHex' | 'auditKeyFile'>): Buffer {
  if (config.auditKeyHex) return Buffer.from(config.auditKeyHex, 'hex');
  const file = config.auditKeyFile;
  if (!fs.existsSync(file)) {
    try {
      createKeyFile(file);
    } catch (error) {
      throw new AuditKeyError(`Не удалось создать файл ключа журнала аудита ${file}: ${(error as Error).message}`);
    }
  }
  const mode = fs.statSync(file).mode & 0o777;
  if (mode & 0o077) {
    throw new AuditKeyError(
      `Файл ключа журнала аудита ${file} доступен не только владельцу (права ${mode.toString(8)}): выполните chmod 600 "${file}"`,
    );
  }
  const hex = fs.readFileSync(file, 'utf8').trim();
  if (!/^[0-9a-f]{64,}$/i.test(hex)) {
    throw new AuditKeyError(
      `Файл ключа журнала аудита ${file} повреждён: ожидается не меньше 64 шестнадцатеричных символов`,
    );
  }
  return Buffer.from(hex, 'hex');
}

/** Where the key came from, for messages (never the key itself). */
export function auditKeySource(config: Pick<Config, 'auditKeyHex' | 'auditKeyFile'>): string {
  return config.auditKeyHex ? 'PD_DESK_AUDIT_KEY' : `файл ${config.auditKeyFile}`;
}

/**
 * Written aside and hard-linked into place: link() fails if the name exists, so two processes starting
 * at once end up with the same, complete key instead of one overwriting the other's.
 */
function createKeyFile(file: string): void {
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  const aside = `${file}.${process.pid}.tmp`;
  const fd = fs.openSync(aside, 'wx', 0o600);
  try {
    fs.writeSync(fd, `${randomBytes(KEY_BYTES).toString('hex')}\n`);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  try {
    fs.linkSync(aside, file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  } finally {
    fs.rmSync(aside, { force: true });
  }
}

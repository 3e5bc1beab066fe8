import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { type FileKind, FileKindSniffer } from './file-kind';

/**
 * Content-addressed files outside the database (ADR 0012): `<root>/ab/cd/<sha256>`. File bytes never
 * pass through the one embedded database connection, so an upload does not stall other requests.
 * A file is durable (written, fsynced, renamed into place, directory fsynced) before `putFile`
 * resolves — callers commit the row that references it only afterwards.
 */

export type StoredFile = { sha256: string; size: number; kind: FileKind | null };

export type PutOptions = {
  /** More bytes than this: refused, nothing kept. */
  maxBytes?: number;
  /** Decided on the detected kind before the file enters the store. */
  accept?: (kind: FileKind | null) => boolean;
};

export type FileRejection = 'too_large' | 'empty' | 'type';

/** The caller words the message for people; the store only says why. */
export class FileRejectedError extends Error {
  constructor(readonly reason: FileRejection) {
    super(`file rejected: ${reason}`);
  }
}

export class FileMissingError extends Error {
  constructor(readonly sha256: string) {
    super(`file ${sha256} is not in the store`);
  }
}

const SHA256 = /^[0-9a-f]{64}$/;
const TEMP_DIR = 'tmp';
/** The orphan clean-up moves a file aside under this suffix before deciding (see file-gc.ts). */
export const SET_ASIDE_SUFFIX = '.gc';
const SET_ASIDE = /^[0-9a-f]{64}\.gc$/;

export class FileStore {
  constructor(readonly root: string) {}

  pathOf(sha256: string): string {
    if (!SHA256.test(sha256)) throw new FileMissingError(sha256);
    return path.join(this.root, sha256.slice(0, 2), sha256.slice(2, 4), sha256);
  }

  async putFile(source: Readable | AsyncIterable<Uint8Array> | Uint8Array, options: PutOptions = {}) {
    const tempDir = path.join(this.root, TEMP_DIR);
    await ensureDir(this.root);
    await ensureDir(tempDir);
    const temp = path.join(tempDir, `${randomUUID()}.part`);
    const file = await fsp.open(temp, 'wx', 0o600);
    const hash = createHash('sha256');
    const sniffer = new FileKindSniffer();
    let size = 0;
    try {
      for await (const chunk of chunksOf(source)) {
        size += chunk.length;
        if (options.maxBytes !== undefined && size > options.maxBytes) throw new FileRejectedError('too_large');
        hash.update(chunk);
        sniffer.feed(chunk);
        await writeAll(file, chunk);
      }
      if (size === 0) throw new FileRejectedError('empty');
      if (options.accept && !options.accept(sniffer.kind())) throw new FileRejectedError('type');
      await file.sync();
    } catch (error) {
      await file.close();
      await fsp.rm(temp, { force: true });
      throw error;
    }
    await file.close();
    const stored: StoredFile = { sha256: hash.digest('hex'), size, kind: sniffer.kind() };
    const target = this.pathOf(stored.sha256);
    await ensureDir(path.dirname(path.dirname(target)));
    await ensureDir(path.dirname(target));
    // Same name means same bytes: replacing an existing copy is harmless and refreshes its age for the
    // orphan clean-up, which must not take a file a row is about to reference.
    await fsp.rename(temp, target);
    await fsyncDir(path.dirname(target));
    return stored;
  }

  async openFile(sha256: string): Promise<{ stream: Readable; size: number }> {
    let file: fsp.FileHandle;
    try {
      file = await fsp.open(this.pathOf(sha256), 'r');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new FileMissingError(sha256);
      throw error;
    }
    const { size } = await file.stat();
    return { stream: file.createReadStream(), size };
  }

  /** Every stored file and every left-over temporary file, with its age, for the orphan clean-up. */
  async *entries(): AsyncGenerator<{ path: string; sha256: string | null; mtimeMs: number }> {
    for (const top of await listDir(this.root)) {
      const topPath = path.join(this.root, top);
      if (top === TEMP_DIR) {
        for (const name of await listDir(topPath)) yield await entry(path.join(topPath, name), null);
        continue;
      }
      if (!/^[0-9a-f]{2}$/.test(top)) continue;
      for (const sub of await listDir(topPath)) {
        for (const name of await listDir(path.join(topPath, sub))) {
          const file = path.join(topPath, sub, name);
          if (SHA256.test(name)) yield await entry(file, name);
          else if (SET_ASIDE.test(name)) await putBack(file);
        }
      }
    }
  }
}

/**
 * A `<sha256>.gc` file is one the orphan clean-up set aside when it was interrupted: it may be the only
 * copy of a referenced file, so it goes back under its name (or away, if a copy is there again).
 */
async function putBack(aside: string): Promise<void> {
  try {
    await fsp.link(aside, aside.slice(0, -SET_ASIDE_SUFFIX.length));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  await fsp.rm(aside, { force: true });
}

async function entry(file: string, sha256: string | null) {
  return { path: file, sha256, mtimeMs: (await fsp.stat(file)).mtimeMs };
}

async function listDir(dir: string): Promise<string[]> {
  try {
    return await fsp.readdir(dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT' || (error as NodeJS.ErrnoException).code === 'ENOTDIR')
      return [];
    throw error;
  }
}

async function* chunksOf(source: Readable | AsyncIterable<Uint8Array> | Uint8Array): AsyncIterable<Uint8Array> {
  if (source instanceof Uint8Array) {
    yield source;
    return;
  }
  yield* source as AsyncIterable<Uint8Array>;
}

async function writeAll(file: fsp.FileHandle, chunk: Uint8Array): Promise<void> {
  let offset = 0;
  while (offset < chunk.length) {
    const { bytesWritten } = await file.write(chunk, offset);
    offset += bytesWritten;
  }
}

/** Owner-only (the files hold personal data); a new directory's entry is made durable in its parent. */
async function ensureDir(dir: string): Promise<void> {
  try {
    await fsp.mkdir(dir, { mode: 0o700 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return;
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      await fsp.mkdir(dir, { recursive: true, mode: 0o700 });
    } else throw error;
  }
  await fsyncDir(path.dirname(dir));
}

/** A rename or a new entry survives a power loss only once its directory is fsynced. */
async function fsyncDir(dir: string): Promise<void> {
  const handle = await fsp.open(dir, fs.constants.O_RDONLY);
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

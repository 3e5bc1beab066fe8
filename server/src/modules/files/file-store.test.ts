import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { text } from 'node:stream/consumers';
import { describe, expect, it } from 'vitest';
import { testTempDir } from '../../test/test-db';
import { FileMissingError, FileRejectedError, FileStore } from './file-store';

const sha = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
const leftovers = (root: string) =>
  fs.existsSync(path.join(root, 'tmp')) ? fs.readdirSync(path.join(root, 'tmp')) : [];

describe('file store', () => {
  it('stores a stream under ab/cd/<sha256>, owner-only, and opens it again', async () => {
    const store = new FileStore(testTempDir('store'));
    const bytes = Buffer.from('%PDF-1.7\nпервая страница\n');
    const stored = await store.putFile(Readable.from([bytes.subarray(0, 5), bytes.subarray(5)]));
    expect(stored).toEqual({ sha256: sha(bytes), size: bytes.length, kind: 'pdf' });
    const file = path.join(store.root, stored.sha256.slice(0, 2), stored.sha256.slice(2, 4), stored.sha256);
    expect(fs.readFileSync(file)).toEqual(bytes);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(fs.statSync(store.root).mode & 0o777).toBe(0o700);
    expect(leftovers(store.root)).toEqual([]);
    const opened = await store.openFile(stored.sha256);
    expect(opened.size).toBe(bytes.length);
    expect(await text(opened.stream)).toBe(bytes.toString());
  });

  it('keeps one copy of the same bytes', async () => {
    const store = new FileStore(testTempDir('store'));
    const first = await store.putFile(Buffer.from('%PDF-1.7 same'));
    const second = await store.putFile(Buffer.from('%PDF-1.7 same'));
    expect(second.sha256).toBe(first.sha256);
    expect(fs.readdirSync(path.dirname(store.pathOf(first.sha256)))).toEqual([first.sha256]);
  });

  it.each([
    ['too_large', Buffer.alloc(101, 0x41), { maxBytes: 100 }],
    ['empty', Buffer.alloc(0), {}],
    ['type', Buffer.from('MZ\x90\x00 not a pdf'), { accept: (kind: unknown) => kind === 'pdf' }],
  ] as const)('refuses a file (%s) and keeps nothing of it', async (reason, bytes, options) => {
    const store = new FileStore(testTempDir('store'));
    const error = await store.putFile(Readable.from([bytes]), options).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FileRejectedError);
    expect((error as FileRejectedError).reason).toBe(reason);
    expect(fs.readdirSync(store.root)).toEqual(['tmp']);
    expect(leftovers(store.root)).toEqual([]);
  });

  it('removes the temporary file when the source fails mid-way', async () => {
    const store = new FileStore(testTempDir('store'));
    const broken = new Readable({
      read() {
        this.push(Buffer.from('%PDF-1.7 part'));
        this.destroy(new Error('client went away'));
      },
    });
    await expect(store.putFile(broken)).rejects.toThrow('client went away');
    expect(leftovers(store.root)).toEqual([]);
  });

  it('says which file is missing, and never reads outside the store', async () => {
    const store = new FileStore(testTempDir('store'));
    await expect(store.openFile('a'.repeat(64))).rejects.toBeInstanceOf(FileMissingError);
    await expect(store.openFile('../../etc/passwd')).rejects.toBeInstanceOf(FileMissingError);
  });
});

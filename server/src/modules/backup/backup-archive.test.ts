import { describe, expect, test } from 'vitest';
import { BackupArchiveError, buildArchive, openArchive } from './backup-archive';
import { writeTar } from './tar';

const HEAD = { seq: 7, hash: 'cd'.repeat(32) };
const PAYLOAD = Buffer.from('pretend this is a gzipped PGlite data directory '.repeat(40));

describe('backup archive', () => {
  const { archive, manifest } = buildArchive(PAYLOAD, HEAD, new Date('2026-12-01T00:00:00Z'));

  test('round-trips the payload and the manifest', () => {
    expect(manifest).toMatchObject({ format: 'pd-desk-backup', formatVersion: 2, auditHead: HEAD });
    const opened = openArchive(archive);
    expect(opened.manifest).toEqual(manifest);
    expect(opened.payload.equals(PAYLOAD)).toBe(true);
    expect(opened.files).toBeNull();
  });

  test('carries the file store as a third part, checked by its own checksum', () => {
    const files = {
      tar: writeTar([{ name: `ab/cd/${'ab'.repeat(32)}`, data: Buffer.from('x') }], new Date()),
      count: 1,
    };
    const withFiles = buildArchive(PAYLOAD, HEAD, new Date('2026-12-01T00:00:00Z'), files);
    expect(withFiles.manifest.files).toMatchObject({ name: 'files.tar', size: files.tar.length, count: 1 });
    expect(openArchive(withFiles.archive).files?.equals(files.tar)).toBe(true);
    const damaged = Buffer.from(withFiles.archive);
    const at = damaged.length - 1024 - 100;
    damaged[at] = (damaged[at] ?? 0) ^ 0xff;
    expect(() => openArchive(damaged)).toThrow(/архива файлов не совпадает/);
  });

  test.each([
    ['an empty file', Buffer.alloc(0), 'файл пуст'],
    ['an old-format gzip dump', Buffer.from([0x1f, 0x8b, 8, 0, 0, 0]), /старого формата/],
    [
      'a newer format',
      writeTar(
        [{ name: 'manifest.json', data: Buffer.from(JSON.stringify({ ...manifest, formatVersion: 3 })) }],
        new Date(),
      ),
      'копия сделана более новой версией PD Desk (формат 3); эта версия понимает формат 2',
    ],
    [
      'a manifest that is not JSON',
      writeTar([{ name: 'manifest.json', data: Buffer.from('{oops') }], new Date()),
      'опись manifest.json повреждена (не читается как JSON)',
    ],
    ['a lost tail', archive.subarray(0, archive.length - 1024 - 1), /копия обрезана/],
  ])('%s is refused with a reason', (_name, bytes, reason) => {
    expect(() => openArchive(bytes)).toThrow(BackupArchiveError);
    expect(() => openArchive(bytes)).toThrow(reason);
  });
});

import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { CLI_SUITE_TIMEOUT, runCli } from '../test/cli';
import { createTestDataFolder, testTempDir } from '../test/test-db';

/**
 * Issue 9, item 9: restoring a truncated backup printed a raw Node stack, exited 1 and left an empty
 * pgdata behind. A damaged archive must be refused before anything is written, with a Russian message
 * naming what is wrong, a non-zero exit and no stack trace; the target data folder stays as it was.
 */
describe('restore refuses a damaged backup and leaves nothing behind', { timeout: CLI_SUITE_TIMEOUT }, () => {
  let good: Buffer;
  let workDir: string;

  beforeAll(async () => {
    const dataDir = createTestDataFolder();
    workDir = path.dirname(dataDir);
    const out = path.join(testTempDir('backups'), 'copy.tar');
    const backup = await runCli(['backup', '--out', out], { PD_DESK_DATA: dataDir });
    expect(backup.code, backup.stderr).toBe(0);
    good = fs.readFileSync(out);
  }, CLI_SUITE_TIMEOUT);

  function damaged(name: string, bytes: Buffer): string {
    const file = path.join(workDir, name);
    fs.writeFileSync(file, bytes);
    return file;
  }

  /** Everything under a folder, with sizes: "untouched" means exactly this stays the same. */
  function listing(dir: string): string[] {
    if (!fs.existsSync(dir)) return [];
    return fs
      .readdirSync(dir, { recursive: true, encoding: 'utf8' })
      .sort()
      .map((entry) => `${entry}:${fs.statSync(path.join(dir, entry)).size}`);
  }

  function flipped(bytes: Buffer, at: number): Buffer {
    const copy = Buffer.from(bytes);
    copy[at] = (copy[at] ?? 0) ^ 0xff;
    return copy;
  }

  test.each([
    ['truncated to half', () => good.subarray(0, Math.floor(good.length / 2)), /копия обрезана: ожидалось/],
    ['truncated inside its first block', () => good.subarray(0, 300), /копия обрезана: ожидалось 512 байт/],
    ['corrupted in the middle', () => flipped(good, Math.floor(good.length / 2)), /контрольная сумма SHA-256/],
    ['not a backup at all', () => Buffer.from('привет, это не копия\n'.repeat(100)), /не резервная копия PD Desk/],
  ])('%s: a Russian message, exit 1, no stack, no data folder created', async (name, bytes, reason) => {
    const file = damaged(`${name.replace(/\W+/g, '-')}.tar`, bytes());
    const target = path.join(testTempDir('restore'), 'data');
    const result = await runCli(['restore', '--from', file], { PD_DESK_DATA: target });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^Ошибка: Копия не восстановлена: /);
    expect(result.stderr).toMatch(reason);
    expect(result.stderr).toMatch(/Папка данных не изменена\.\n$/);
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(fs.existsSync(target)).toBe(false);
  });

  test('an existing data folder with an empty pgdata is left exactly as it was', async () => {
    const target = path.join(testTempDir('restore'), 'data');
    fs.mkdirSync(path.join(target, 'pgdata'), { recursive: true, mode: 0o700 });
    fs.writeFileSync(path.join(target, 'calendar-snapshot.json'), '{}');
    const before = listing(target);
    const file = damaged('half-again.tar', good.subarray(0, good.length - 4096));
    const result = await runCli(['restore', '--from', file], { PD_DESK_DATA: target });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/копия обрезана/);
    expect(listing(target)).toEqual(before);
  });

  test('the intact archive restores', async () => {
    const target = path.join(testTempDir('restore'), 'data');
    const result = await runCli(['restore', '--from', damaged('good.tar', good)], { PD_DESK_DATA: target });
    expect(result.code, result.stderr).toBe(0);
    expect(fs.readdirSync(target).sort()).toEqual(['pgdata']);
  });
});

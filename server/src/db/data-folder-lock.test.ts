import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { CLI_SUITE_TIMEOUT, runCli } from '../test/cli';
import { createTestDataFolder, testTempDir } from '../test/test-db';
import { type DatabaseHandle, openDatabase } from './client';
import { DataFolderBusyError, lockDataFolder } from './data-folder-lock';

const BUSY =
  /^Папка данных .* уже открыта другим процессом PD Desk \(pid \d+, server, с .*\)\. Встроенная база допускает только один процесс/;

const lockFile = (dataDir: string) => path.join(dataDir, 'pd-desk.lock');
const readLock = (dataDir: string) => JSON.parse(fs.readFileSync(lockFile(dataDir), 'utf8'));

describe('PGlite data folder lock', { timeout: CLI_SUITE_TIMEOUT }, () => {
  let dataDir: string;
  let held: DatabaseHandle | null = null;

  beforeAll(async () => {
    dataDir = createTestDataFolder();
    held = await openDatabase({ dataDir, command: 'server' });
  });

  afterAll(async () => {
    await held?.close();
  });

  test('the open folder is private and its lock names this process', () => {
    expect(fs.statSync(dataDir).mode & 0o777).toBe(0o700);
    expect(fs.statSync(lockFile(dataDir)).mode & 0o777).toBe(0o600);
    expect(readLock(dataDir)).toMatchObject({ pid: process.pid, hostname: os.hostname(), command: 'server' });
  });

  test('a second open in the same process is refused with DataFolderBusyError', async () => {
    const second = openDatabase({ dataDir, command: 'cli migrate' });
    await expect(second).rejects.toBeInstanceOf(DataFolderBusyError);
    await expect(second).rejects.toThrow(BUSY);
    expect(readLock(dataDir)).toMatchObject({ pid: process.pid, command: 'server' });
  });

  test('the CLI in another process is refused with the Russian message and exit code 1', async () => {
    const result = await runCli(['migrate'], { PD_DESK_DATA: dataDir });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`pid ${process.pid}, server`);
    expect(result.stderr.replace(/^Ошибка: /, '')).toMatch(BUSY);
    expect(result.stderr).not.toMatch(/\n\s+at /); // a message for people, not a stack trace
  });

  test('once the holder closes, the lock is gone and the CLI runs', async () => {
    await held?.close();
    held = null;
    expect(fs.existsSync(lockFile(dataDir))).toBe(false);
    const result = await runCli(['migrate'], { PD_DESK_DATA: dataDir });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Миграции применены');
    expect(fs.existsSync(lockFile(dataDir))).toBe(false);
  });
});

describe('lockDataFolder', () => {
  test('takes over a lock left by a process that no longer runs', () => {
    const dir = testTempDir('stale-lock');
    const dead = spawnSync(process.execPath, ['-e', '']).pid;
    fs.writeFileSync(
      lockFile(dir),
      JSON.stringify({ pid: dead, hostname: os.hostname(), startedAt: '2026-01-01T00:00:00Z', command: 'server' }),
    );
    const lock = lockDataFolder(dir, 'cli seed');
    expect(readLock(dir)).toMatchObject({ pid: process.pid, command: 'cli seed' });
    lock.release();
    expect(fs.existsSync(lockFile(dir))).toBe(false);
  });

  test('treats a lock from another host as held (a shared folder cannot be probed)', () => {
    const dir = testTempDir('foreign-lock');
    const foreign = {
      pid: 1,
      hostname: `${os.hostname()}-other`,
      startedAt: '2026-01-01T00:00:00Z',
      command: 'server',
    };
    fs.writeFileSync(lockFile(dir), JSON.stringify(foreign));
    expect(() => lockDataFolder(dir, 'cli seed')).toThrow(DataFolderBusyError);
    expect(readLock(dir)).toEqual(foreign);
  });

  test('release leaves a lock that another process took meanwhile', () => {
    const dir = testTempDir('taken-lock');
    const lock = lockDataFolder(dir, 'server');
    const other = { pid: process.pid + 1, hostname: os.hostname(), startedAt: '2026-01-01T00:00:00Z', command: 'x' };
    fs.writeFileSync(lockFile(dir), JSON.stringify(other));
    lock.release();
    expect(readLock(dir)).toEqual(other);
  });
});

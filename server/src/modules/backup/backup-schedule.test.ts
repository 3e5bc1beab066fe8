import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { testTempDir } from '../../test/test-db';
import { backupFileName, DAY_MS, listBackups, nextRunDelay, rotateBackups } from './backup-schedule';

describe('daily backups', () => {
  const now = new Date('2026-12-01T10:00:00Z');

  test('the next run is a day after the last one, or soon when overdue or never run', () => {
    expect(nextRunDelay(new Date(now.getTime() - 2 * 60 * 60 * 1000), now)).toBe(DAY_MS - 2 * 60 * 60 * 1000);
    expect(nextRunDelay(new Date(now.getTime() - 3 * DAY_MS), now)).toBe(60_000);
    expect(nextRunDelay(null, now)).toBe(60_000);
  });

  test('rotation keeps the newest copies and never touches other files', () => {
    const dir = testTempDir('rotation');
    const names = [0, 1, 2, 3].map((day) => backupFileName(new Date(now.getTime() + day * DAY_MS)));
    for (const name of names) fs.writeFileSync(path.join(dir, name), 'x');
    fs.writeFileSync(path.join(dir, 'notes.txt'), 'mine');
    fs.writeFileSync(path.join(dir, 'pd-desk-backup-old.tar'), 'not ours by name');

    expect(rotateBackups(dir, 2)).toEqual([names[1], names[0]]);
    expect(listBackups(dir).map((b) => b.name)).toEqual([names[3], names[2]]);
    expect(fs.readdirSync(dir).sort()).toEqual([names[2], names[3], 'notes.txt', 'pd-desk-backup-old.tar'].sort());
  });
});

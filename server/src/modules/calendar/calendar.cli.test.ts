import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { bundledCalendarYears } from '@pd-desk/shared/calendar/production-calendar';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../test/cli';
import { createTestDataFolder, testTempDir } from '../../test/test-db';

/** The real CLI in a child process, on the embedded database in dataDir. */
const cli = (args: string[], dataDir: string) => runCli(args, { PD_DESK_DATA: dataDir });

// Each run is a new process compiling TypeScript: seconds when idle, far more on a busy machine.
describe('pd-desk due', { timeout: 120_000 }, () => {
  it('prints the due date, and a provisional-year note on stderr', async () => {
    const run = await cli(['due', '--rule', 'access', '--from', '2026-12-30'], testTempDir('no-db'));
    expect(run).toMatchObject({ code: 0, stdout: '2027-01-22\n' });
    expect(run.stderr).toContain('предварительному календарю (2027)');
  });

  it('--batch answers line for line, marks failures with "error:" and exits 1', async () => {
    const dir = testTempDir('batch');
    const file = path.join(dir, 'requests.jsonl');
    fs.writeFileSync(
      file,
      [
        '{"rule":"access","from":"2025-12-10","extended":true}',
        '{"rule":"rectify","from":"2025-04-30"}',
        '{"rule":"rectify","from":"2026-03-06","extended":true}',
        '{"rule":"nope","from":"2026-03-06"}',
        '{"rule":"access","from":"2023-12-20"}',
        '{"rule":"withdrawal","from":"2025-12-06"}',
      ].join('\n'),
    );
    const run = await cli(['due', '--batch', file], dir);
    expect(run.code).toBe(1);
    const lines = run.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(6);
    expect(lines[0]).toBe('2026-01-12');
    expect(lines[1]).toBe('2025-05-15');
    expect(lines[2]).toMatch(/^error: строка 3: .*продлению не подлежит/);
    expect(lines[3]).toMatch(/^error: строка 4: rule «nope»: Неизвестное правило срока; допустимые: /);
    expect(lines[4]).toMatch(/^error: строка 5: .*на 2023 год не загружен/);
    expect(lines[5]).toBe('2026-01-05');
    expect(run.stderr).toContain('строка 6: внимание: 2026-01-05 (понедельник) — нерабочий день');
  });

  it("answers the breach clocks in hours, as instants in the operator's zone", async () => {
    const dir = testTempDir('hours');
    const env = { PD_DESK_DATA: dir, PD_DESK_TIME_ZONE: 'Asia/Yekaterinburg' };
    const single = await runCli(['due', '--rule', 'breach-notice', '--from', '2026-12-31T23:30'], env);
    expect(single).toMatchObject({ code: 0, stdout: '2027-01-01T23:30+05:00\n' });
    expect(single.stderr).toBe('');

    const file = path.join(dir, 'requests.jsonl');
    fs.writeFileSync(
      file,
      [
        '{"rule":"breach-report","from":"2026-12-31T23:30"}',
        '{"rule":"breach-notice","from":"2026-12-31T23:30","extended":true}',
        '{"rule":"access","from":"2026-12-31T23:30"}',
        '{"rule":"breach-notice","from":"2026-12-31T18:30Z"}',
      ].join('\n'),
    );
    const batch = await runCli(['due', '--batch', file], env);
    expect(batch.code).toBe(1);
    expect(batch.stdout.trimEnd().split('\n')).toEqual([
      '2027-01-03T23:30+05:00',
      expect.stringMatching(/^error: строка 2: .*продлению не подлежит/),
      expect.stringMatching(/^error: строка 3: from «2026-12-31T23:30»: /),
      '2027-01-01T23:30+05:00',
    ]);
  });

  it('honours a year the admin imported into the database', async () => {
    const dataDir = createTestDataFolder();
    const dir = testTempDir('import');
    const base = bundledCalendarYears.find((y) => y.year === 2027);
    if (!base) throw new Error('2027 is bundled');
    // The decree, say, also gives Monday 11.01.2027 off.
    const file = path.join(dir, 'ru-2027.json');
    fs.writeFileSync(
      file,
      JSON.stringify({
        year: 2027,
        status: 'provisional: test',
        source: 'test',
        holidays: [...base.holidays, '2027-01-11'].sort(),
        workingWeekends: base.workingWeekends,
        shortened: base.shortened,
      }),
    );
    const imported = await cli(['calendar', 'import', file, '--verified'], dataDir);
    expect(imported).toMatchObject({ code: 0 });
    expect(imported.stdout).toContain('Календарь на 2027 год загружен (сверен)');
    const run = await cli(['due', '--rule', 'access', '--from', '2026-12-30'], dataDir);
    expect(run).toMatchObject({ code: 0, stdout: '2027-01-25\n', stderr: '' });

    // While a server holds the folder, the snapshot beside it still carries the imported year.
    const lock = { pid: process.pid, hostname: os.hostname(), startedAt: new Date().toISOString(), command: 'server' };
    fs.writeFileSync(path.join(dataDir, 'pd-desk.lock'), JSON.stringify(lock));
    const busy = await cli(['due', '--rule', 'access', '--from', '2026-12-30'], dataDir);
    expect(busy).toMatchObject({ code: 0, stdout: '2027-01-25\n', stderr: '' });
    fs.rmSync(path.join(dataDir, 'calendar-years.json'));
    const noSnapshot = await cli(['due', '--rule', 'access', '--from', '2026-12-30'], dataDir);
    expect(noSnapshot).toMatchObject({ code: 0, stdout: '2027-01-22\n' });
    expect(noSnapshot.stderr).toContain('использован встроенный календарь');
  }, 300_000);
});

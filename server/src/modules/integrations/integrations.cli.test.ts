import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { CLI_SUITE_TIMEOUT, runCli } from '../../test/cli';
import {
  createTestDatabase,
  createTestDataFolder,
  type TestDatabase,
  testDatabaseKind,
  testTempDir,
} from '../../test/test-db';

describe('pnpm pd-desk api-key and import records', { timeout: CLI_SUITE_TIMEOUT * 3 }, () => {
  let env: Record<string, string>;
  let postgres: TestDatabase | null = null;

  beforeAll(async () => {
    if (testDatabaseKind() === 'postgres') {
      postgres = await createTestDatabase();
      env = { DATABASE_URL: postgres.url ?? '', PD_DESK_DATA: testTempDir('unused'), PD_DESK_DEMO: 'false' };
    } else {
      env = { PD_DESK_DATA: createTestDataFolder(), PD_DESK_DEMO: 'false' };
    }
  });
  afterAll(async () => {
    await postgres?.close();
  });

  test('create prints the key once on the last line; list shows it without the key; revoke by system', async () => {
    const created = await runCli(
      [
        'api-key',
        'create',
        '--system',
        'booking_site',
        '--scope',
        'permissions:read',
        '--scope',
        'records:write',
        '--rate-limit',
        '0',
      ],
      env,
    );
    expect(created.code, created.stderr).toBe(0);
    const key = created.stdout.trim().split('\n').at(-1) ?? '';
    expect(key).toMatch(/^pdd_[A-Za-z0-9_-]{43}$/);
    const again = await runCli(['api-key', 'create', '--system', 'booking_site', '--scope', 'permissions:read'], env);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/уже есть действующий ключ/);
    const badScope = await runCli(['api-key', 'create', '--system', 'mis', '--scope', 'everything'], env);
    expect([badScope.code, badScope.stderr]).toEqual([1, expect.stringMatching(/область доступа/)]);

    const list = await runCli(['api-key', 'list'], env);
    expect(list.stdout).toMatch(/booking_site\tpdd_.{6}…\tpermissions:read,records:write\t∞\/мин\tбессрочный/);
    expect(list.stdout).not.toContain(key);
    const revoked = await runCli(['api-key', 'revoke', '--system', 'booking_site'], env);
    expect([revoked.code, revoked.stdout]).toEqual([0, expect.stringMatching(/отозван/)]);
  });

  test('import records: rows written in batches, bad rows reported by line and skipped', async () => {
    const dir = testTempDir('records-csv');
    const file = path.join(dir, 'records.csv');
    fs.writeFileSync(
      file,
      [
        'system,external_id,purpose,legal_basis,fields,last_name,first_name,birth_date,phone,email',
        'booking_site,B-1,online_booking,consent,full_name;phone,Иванова,Мария,1985-02-03,+7 912 111-22-33,',
        'booking_site,B-2,online_booking,consent,full_name;phone,Петров,Олег,,89121112234,',
        'booking_site,B-3,no_such_purpose,consent,phone,Сидоров,Иван,,89121112235,',
        'booking_site,B-4,online_booking,maybe,phone,Сидоров,Иван,,89121112235,',
        'booking_site,B-5,online_booking,consent,phone,,,,12,',
        'booking_site,B-1,online_booking,consent,full_name;phone;email,Иванова,Мария,1985-02-03,+7 912 111-22-33,m@example.ru',
      ].join('\n'),
    );
    const run = await runCli(['import', 'records', file], env);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/Создано записей: 2, обновлено: 1, ошибок: 3/);
    expect(run.stderr).toMatch(/строка 4: .*no_such_purpose/);
    expect(run.stderr).toMatch(/строка 5: legalBasis: /);
    expect(run.stderr).toMatch(/строка 6: .*телефон/i);
  });
});

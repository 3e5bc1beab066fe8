import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, test } from 'vitest';
import { openDatabase } from '../db/client';
import { CLI_SUITE_TIMEOUT, type CliResult, runCli } from '../test/cli';
import { auditEntries } from '../test/factories';
import { createTestDataFolder } from '../test/test-db';

/** The CLI as an operator runs it, against its own PD_DESK_DATA; the test looks inside between commands. */
describe('pd-desk CLI', { timeout: CLI_SUITE_TIMEOUT }, () => {
  let dataDir: string;
  const cli = (args: string[], stdin?: string): Promise<CliResult> => runCli(args, { PD_DESK_DATA: dataDir }, stdin);

  async function withFolderDatabase<T>(fn: (db: Awaited<ReturnType<typeof openDatabase>>['db']) => Promise<T>) {
    const database = await openDatabase({ dataDir, command: 'test' });
    try {
      return await fn(database.db);
    } finally {
      await database.close();
    }
  }

  beforeAll(() => {
    dataDir = createTestDataFolder();
  });

  test('user add reads the password from stdin and creates the user, audited as the system', async () => {
    const result = await cli(['user', 'add', '--login', 'Clerk.One', '--role', 'officer'], 'a-long-passphrase\n');
    expect(result.stderr).toBe('');
    expect(result.stdout).toMatch(/^Пользователь clerk\.one \(officer\) создан, id \d+\n$/);
    expect(result.code).toBe(0);

    const entries = await withFolderDatabase((db) => auditEntries(db, 'user.create'));
    expect(entries).toMatchObject([{ actorId: null, actorLogin: 'system', changes: { role: { after: 'officer' } } }]);
  });

  test('a short password ends with exit code 1 and the Russian message, creating nothing', async () => {
    const result = await cli(['user', 'add', '--login', 'clerk.two', '--role', 'officer'], 'short\n');
    expect(result).toMatchObject({ code: 1, stdout: '' });
    expect(result.stderr).toBe('Ошибка: Пароль должен быть не короче 10 символов\n');
  });

  test('a taken login ends with exit code 1 and the service’s message', async () => {
    const result = await cli(['user', 'add', '--login', 'clerk.one', '--role', 'auditor'], 'another-passphrase\n');
    expect(result.code).toBe(1);
    expect(result.stderr).toBe('Ошибка: Пользователь с логином «clerk.one» уже есть\n');
  });

  test('audit verify exits 0 on an intact trail and 1 naming the entry after tampering', async () => {
    const intact = await cli(['audit', 'verify']);
    expect(intact.stdout).toContain('Журнал аудита цел: 1 записей проверено.');
    expect(intact.code).toBe(0);

    await withFolderDatabase(async (db) => {
      await db.execute(sql`alter table audit_log disable trigger audit_log_no_update_delete`);
      await db.execute(sql`update audit_log set actor_login = 'intruder' where seq = 1`);
      await db.execute(sql`alter table audit_log enable trigger audit_log_no_update_delete`);
    });
    const broken = await cli(['audit', 'verify']);
    expect(broken.stdout).toContain(
      'Журнал аудита НАРУШЕН: первая повреждённая запись №1 — подпись записи не совпадает (запись изменена или ключ другой).',
    );
    expect(broken.code).toBe(1);
  });
});

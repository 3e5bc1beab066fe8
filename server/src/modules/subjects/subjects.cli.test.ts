import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestDatabase,
  createTestDataFolder,
  type TestDatabase,
  testDatabaseKind,
  testTempDir,
} from '../../test/test-db';

const SERVER = path.resolve(import.meta.dirname, '../../..');
const TSX = path.join(SERVER, 'node_modules/.bin/tsx');

/** Each run starts tsx and opens the database: seconds apiece on a busy two-core machine. */
const CHILD_PROCESSES_TIMEOUT = 300_000;

type Run = { code: number; stdout: string; stderr: string };

/** Where the child process keeps its data: a PGlite folder, or a PostgreSQL database of its own on PostgreSQL runs. */
let env: Record<string, string>;
let postgres: TestDatabase | null = null;

beforeAll(async () => {
  if (testDatabaseKind() === 'postgres') {
    postgres = await createTestDatabase();
    env = { DATABASE_URL: postgres.url ?? '', PD_DESK_DATA: testTempDir('unused') };
  } else {
    env = { PD_DESK_DATA: createTestDataFolder() };
  }
});

afterAll(async () => {
  await postgres?.close();
});

/** The real CLI in a child process, as `pnpm pd-desk` runs it. */
function cli(...args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    execFile(
      TSX,
      ['src/cli/main.ts', ...args],
      { cwd: SERVER, env: { ...withoutDatabaseUrl(process.env), ...env }, timeout: 180_000 },
      (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

/** A PGlite run must not inherit a DATABASE_URL from the shell. */
function withoutDatabaseUrl(environment: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const { DATABASE_URL: _ignored, ...rest } = environment;
  return rest;
}

const HEADER = 'external_id,last_name,first_name,middle_name,birth_date,phone,email,category';

describe('pd-desk import subjects, search, seed --subjects', () => {
  it(
    'refuses a file with bad rows, printing line, field and reason, and imports nothing',
    async () => {
      const file = path.join(testTempDir('csv'), 'bad.csv');
      fs.writeFileSync(
        file,
        `${HEADER}\r\nX-1,Куликова,Анна,Сергеевна,07.11.1984,+7 912 100-20-30,,patient\r\nX-2,Орлов,Олег,,1984-02-30,,,patient\r\n`,
      );
      const rejected = await cli('import', 'subjects', file);
      expect(rejected.code).toBe(1);
      expect(rejected.stderr).toContain('строка,поле,причина\n3,birth_date,');
      expect(rejected.stderr).toContain('Ничего не импортировано');
      expect(JSON.parse((await cli('search', 'Куликова', '--json')).stdout)).toEqual([]);

      const skipped = await cli('import', 'subjects', file, '--skip-invalid');
      expect(skipped.code).toBe(0);
      expect(skipped.stdout).toContain('создано 1, обновлено 0, без изменений 0, пропущено строк с ошибками 1');
    },
    CHILD_PROCESSES_TIMEOUT,
  );

  it(
    'prints search results as JSON with the documented fields, and a JSON array per line in batch mode',
    async () => {
      expect(await cli('seed', '--subjects', '300')).toMatchObject({ code: 0, stderr: expect.stringContaining('300') });
      const run = await cli('search', 'Куликова Анна 07.11.1984', '--json', '--limit', '3');
      expect(run.code).toBe(0);
      const results = JSON.parse(run.stdout) as Record<string, unknown>[];
      expect(results[0]).toEqual({
        id: expect.any(Number),
        externalId: 'X-1',
        fullName: 'К••••••а А. С.',
        birthDate: '07.11.1984',
        category: 'patient',
        score: expect.any(Number),
        matchedOn: ['last_name', 'first_name', 'birth_date'],
      });
      expect(results.length).toBeLessThanOrEqual(3);

      const batch = path.join(testTempDir('batch'), 'queries.txt');
      fs.writeFileSync(batch, '+7 (912) 100 20 30\n\nDEMO-0000007\nнет такого человека\n');
      const lines = (await cli('search', '--batch', batch, '--limit', '5')).stdout.trimEnd().split('\n');
      expect(lines).toHaveLength(4);
      const [byPhone, empty, byRecord, nobody] = lines.map((l) => JSON.parse(l) as Array<{ externalId: string }>);
      expect(byPhone?.[0]?.externalId).toBe('X-1');
      expect(empty).toEqual([]);
      expect(byRecord?.[0]?.externalId).toBe('DEMO-0000007');
      expect(nobody).toEqual([]);
    },
    CHILD_PROCESSES_TIMEOUT,
  );
});

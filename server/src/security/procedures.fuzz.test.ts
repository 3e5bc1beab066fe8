import { ROLES, type Role } from '@pd-desk/shared/auth/roles';
import { TRPCError } from '@trpc/server';
import { getTableName, isTable, sql } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Db } from '../db/client';
import * as schema from '../db/schema';
import { type Caller, callerFor, clockOn } from '../test/factories';
import { accessRequest, insertSubject } from '../test/fixtures';
import { arbitraryFor } from '../test/input-arbitrary';
import { allProcedures, callByPath } from '../test/router-walk';
import { useTestDatabase } from '../test/test-db';
import { appRouter } from '../trpc/router';

/**
 * Every procedure × every role (and anonymous) with generated input, hostile leaves included.
 * Properties: never a 500; a role outside the procedure's list gets nothing but 401/403; a refused call
 * (any 4xx) writes nothing. Bounded for CI: a fixed seed and a few runs per procedure and caller.
 */

const SEED = 20261201;
const RUNS_ALLOWED = 20;
const RUNS_FORBIDDEN = 2;
const clock = clockOn('2026-11-25');

/** Tables whose rows change on a refusal by design: sign-in attempts are counted before checking. */
const BOOKKEEPING_TABLES = new Set(['sessions', 'login_throttle', 'sign_in_challenges']);
/** A refused sign-in step is audited on purpose (`auth.sign_in_failed`, `auth.second_factor_failed`). */
const AUDITED_REFUSALS = new Set(['auth.signIn', 'auth.verifyCode', 'auth.enrolConfirm']);

const procedures = await allProcedures(appRouter);
const tables = Object.values(schema)
  .filter((value) => isTable(value))
  .map((table) => getTableName(table))
  .filter((name) => !BOOKKEEPING_TABLES.has(name))
  .sort();

/** Row counts of every table and the audit head: cheap, and any insert or delete moves it. */
async function fingerprint(db: Db): Promise<string> {
  const counts = tables.map((name) => sql`(select count(*) from ${sql.identifier(name)})`);
  const result = await db.execute(sql`select ${sql.join(counts, sql`, `)}`);
  const rows = (result as unknown as { rows: unknown[] }).rows ?? (result as unknown as unknown[]);
  return JSON.stringify(rows[0]);
}

type Who = Role | 'anonymous';
const statusCounts = new Map<string, number>();
const violations: string[] = [];

function count(code: string) {
  statusCounts.set(code, (statusCounts.get(code) ?? 0) + 1);
}

const describeInput = (input: unknown) => {
  const text = JSON.stringify(input, (_k, v) =>
    typeof v === 'string' && v.length > 60 ? `${v.slice(0, 20)}…(${v.length})` : v,
  );
  return text === undefined ? 'undefined' : text.slice(0, 300);
};

describe('every procedure, every role, generated input', () => {
  const database = useTestDatabase();

  beforeAll(async () => {
    // Something for the generated ids (mostly 1…4) to find: subjects, a case with a letter and a note.
    const officer = await callerFor(database.db, 'officer', { clock });
    const subjectIds = [];
    for (const [last, first] of [
      ['Иванова', 'Мария'],
      ['Петров', 'Пётр'],
      ['Сидорова', 'Анна'],
    ]) {
      subjectIds.push(await insertSubject(database.db, last as string, first as string));
    }
    const created = await officer.cases.create(accessRequest({ subjectIds }));
    await officer.cases.addNote({ id: created.id, text: 'Первая заметка' });
    await officer.cases.create(accessRequest());
  });

  afterAll(() => {
    const byStatus = Object.fromEntries([...statusCounts].sort(([a], [b]) => a.localeCompare(b)));
    // biome-ignore lint/suspicious/noConsole: the counts by status are the suite's report, read from the CI log.
    console.log(`procedures.fuzz: calls by status ${JSON.stringify(byStatus)}; violations ${violations.length}`);
    // biome-ignore lint/suspicious/noConsole: the first violations, for whoever reads the failing run.
    for (const line of violations.slice(0, 40)) console.log(`  ${line}`);
  });

  test.each(procedures)('$path', async ({ path, roles, inputs }) => {
    const schemaArbitrary = arbitraryFor(inputs[0]);
    const callers: [Who, Caller][] = [['anonymous', await callerFor(database.db, null, { clock })]];
    for (const role of ROLES) callers.push([role, await callerFor(database.db, role, { clock })]);

    for (const [who, caller] of callers) {
      const allowed = roles === 'public' || (who !== 'anonymous' && (roles ?? []).includes(who));
      const samples = fc.sample(schemaArbitrary, { seed: SEED, numRuns: allowed ? RUNS_ALLOWED : RUNS_FORBIDDEN });
      for (const input of samples) {
        const before = await fingerprint(database.db);
        const outcome = await callByPath(caller, path, input).then(
          (data) => ({ code: 'OK' as const, data }),
          (error: unknown) => ({ code: error instanceof TRPCError ? error.code : 'THROWN', data: error }),
        );
        count(outcome.code);
        const where = `${path} as ${who} with ${describeInput(input)}`;
        if (outcome.code === 'INTERNAL_SERVER_ERROR' || outcome.code === 'THROWN') {
          const cause = (outcome.data as { cause?: { cause?: Error } }).cause?.cause;
          violations.push(`500: ${where}: ${String(cause?.message ?? outcome.data).slice(0, 160)}`);
          continue;
        }
        if (!allowed && outcome.code !== 'FORBIDDEN' && outcome.code !== 'UNAUTHORIZED') {
          violations.push(`role leak (${outcome.code}): ${where}`);
        }
        if (outcome.code !== 'OK' && !AUDITED_REFUSALS.has(path) && (await fingerprint(database.db)) !== before) {
          violations.push(`written on ${outcome.code}: ${where}`);
        }
      }
    }
    expect(violations.filter((v) => v.includes(` ${path} as `) || v.startsWith(`500: ${path} `))).toEqual([]);
  });
});

import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { cases } from '../../db/schema/cases';
import { type Caller, callerFor, clockOn, createTestUser, type TestUser } from '../../test/factories';
import { accessRequest } from '../../test/fixtures';
import { useTestDatabase } from '../../test/test-db';
import { selectRows } from '../subjects/sql-arrays';
import { compactCaseCounts } from './case-counts';

const database = useTestDatabase();
const clock = clockOn('2026-11-25');

let officer: Caller;
let me: TestUser;
let colleague: TestUser;

type Key = { status: string; type: string; channel: string; assignee_id: number | null; n: number };

/** What the counter rows add up to per key, and what counting the cases gives: the two must always agree. */
async function countsBothWays() {
  const byKey = (rows: Key[]) =>
    Object.fromEntries(
      rows
        .filter((r) => Number(r.n) !== 0)
        .map((r) => [`${r.status}/${r.type}/${r.channel}/${r.assignee_id ?? '-'}`, Number(r.n)]),
    );
  const kept = await selectRows<Key>(
    database.db,
    sql`select status, type, channel, assignee_id, sum(n)::int as n from case_counts group by 1, 2, 3, 4`,
  );
  const counted = await selectRows<Key>(
    database.db,
    sql`select status, type, channel, assignee_id, count(*)::int as n from cases group by 1, 2, 3, 4`,
  );
  return { kept: byKey(kept), counted: byKey(counted) };
}

const counterRows = async () =>
  (await selectRows<{ n: number }>(database.db, sql`select count(*)::int as n from case_counts`))[0]?.n ?? 0;

beforeAll(async () => {
  me = await createTestUser(database.db, 'officer');
  colleague = await createTestUser(database.db, 'officer');
  officer = await callerFor(database.db, me, { clock });
});

describe('case counts kept by triggers', () => {
  it('follow every registration, change, bulk action and deletion, and give the queue its totals', async () => {
    const created = [];
    for (const [type, channel, assigneeId] of [
      ['access', 'post', null],
      ['access', 'email', me.id],
      ['blocking', 'post', me.id],
      ['destruction', 'in_person', colleague.id],
      ['access', 'post', colleague.id],
      ['rectification', 'web_form', null],
    ] as const) {
      created.push(await officer.cases.create(accessRequest({ type, channel, assigneeId })));
    }
    const [first, second, third, , fifth] = created;
    if (!first || !second || !third || !fifth) throw new Error('cases not created');
    await officer.cases.transition({ id: first.id, version: first.version, to: 'in_work' });
    await officer.cases.assign({ ...(await officer.cases.byId({ id: second.id })), assigneeId: colleague.id });
    await officer.triage.bulkClose({
      items: [third, fifth].map((c) => ({ id: c.id, version: c.version })),
      reason: 'Дубликат',
    });
    // A stale version rolls the whole batch back: its counter rows go with it.
    await expect(
      officer.triage.bulkAssign({ items: [{ id: first.id, version: 1 }], assigneeId: colleague.id }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
    await database.db.delete(cases).where(sql`${cases.id} = ${created[5]?.id ?? 0}`);

    const { kept, counted } = await countsBothWays();
    expect(Object.keys(counted).length).toBeGreaterThan(3);
    expect(kept).toEqual(counted);

    // The queue's totals (summed from the counters) against a plain count of the same cases.
    const total = async (where: string) =>
      (await selectRows<{ n: number }>(database.db, sql.raw(`select count(*)::int as n from cases where ${where}`)))[0]
        ?.n;
    const open = `status in ('new', 'identity_check', 'in_work')`;
    expect((await officer.triage.list({})).total).toBe(await total(open));
    expect((await officer.triage.list({ assignee: 'me' })).total).toBe(
      await total(`${open} and assignee_id = ${me.id}`),
    );
    expect((await officer.triage.list({ assignee: 'none' })).total).toBe(
      await total(`${open} and assignee_id is null`),
    );
    expect((await officer.triage.list({ types: ['access'], channels: ['post', 'email'] })).total).toBe(
      await total(`${open} and type = 'access' and channel in ('post', 'email')`),
    );
    expect((await officer.triage.list({ statuses: ['closed'] })).total).toBe(2);
    expect((await officer.triage.list({ statuses: ['new', 'closed', 'in_work'] })).total).toBe(await total('true'));
  });

  it('add nothing for a change that keeps status, type, channel and assignee', async () => {
    const before = await counterRows();
    await database.db.update(cases).set({ summary: 'Уточнено', version: sql`${cases.version} + 1` });
    expect(await counterRows()).toBe(before);
  });

  it('fold into one row per key without changing any sum, and stay folded', async () => {
    const before = await countsBothWays();
    const folded = await compactCaseCounts(database.db);
    expect(folded.rowsAfter).toBeLessThan(folded.rowsBefore);
    expect(folded.rowsAfter).toBe(Object.keys(before.counted).length);
    expect(await countsBothWays()).toEqual(before);
    expect(await compactCaseCounts(database.db)).toEqual({ rowsBefore: folded.rowsAfter, rowsAfter: folded.rowsAfter });
  });

  it('empty with the cases table', async () => {
    await database.db.execute(sql`truncate cases cascade`);
    expect(await counterRows()).toBe(0);
    expect((await officer.triage.list({})).total).toBe(0);
  });
});

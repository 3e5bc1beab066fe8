import { beforeAll, describe, expect, it } from 'vitest';
import { savedViews } from '../../db/schema/cases';
import { type Caller, callerFor, clockOn, createTestUser, type TestUser } from '../../test/factories';
import { accessRequest, insertSubject } from '../../test/fixtures';
import { useTestDatabase } from '../../test/test-db';

// Today is Wed 25.11.2026. Next working days: Thu 26, Fri 27, Mon 30.11, Tue 01.12 …
const database = useTestDatabase();
const clock = clockOn('2026-11-25');

let officer: Caller;
let me: TestUser;
const ids: Record<string, number> = {};

beforeAll(async () => {
  me = await createTestUser(database.db, 'officer');
  officer = await callerFor(database.db, me, { clock });
  const subjectId = await insertSubject(database.db, 'Соколова', 'Анна', 'Игоревна');
  // Registered by an officer, a case is theirs unless another (or nobody) is chosen: these choose nobody.
  const make = async (key: string, input: Parameters<typeof accessRequest>[0]) => {
    ids[key] = (await officer.cases.create(accessRequest({ assigneeId: null, ...input }))).id;
  };
  // stop-unlawful (blocking, 3 wd): Thu 19.11 → Fri 20, Mon 23, Tue 24 → overdue by one working day.
  await make('overdue', { type: 'blocking', receivedOn: '2026-11-19' });
  // Fri 20.11 → Mon 23, Tue 24, Wed 25: due today.
  await make('today', { type: 'blocking', receivedOn: '2026-11-20', channel: 'email' });
  // Tue 24.11 → Wed 25, Thu 26, Fri 27: 2 working days left.
  await make('soon', { type: 'blocking', receivedOn: '2026-11-24', assigneeId: me.id });
  // Withdrawal 30 days from 27.10 = Thu 26.11: 1 working day left.
  await make('withdrawal', { type: 'consent_withdrawal', receivedOn: '2026-10-27', subjectIds: [subjectId] });
  // Access from 25.11 → 09.12: 10 working days.
  await make('later', { receivedOn: '2026-11-25', channel: 'in_person' });
});

describe('triage queue', () => {
  it('sorts by due date, pages with a total, and flags urgency with working days left', async () => {
    const page = await officer.triage.list({ limit: 3 });
    expect(page.total).toBe(5);
    expect(page.today).toBe('2026-11-25');
    expect(page.items.map((r) => [r.id, r.workingDaysLeft, r.urgency])).toEqual([
      [ids.overdue, -1, 'overdue'],
      [ids.today, 0, 'today'],
      [ids.withdrawal, 1, 'soon'],
    ]);
    const next = await officer.triage.list({ limit: 3, offset: 3 });
    expect(next.items.map((r) => [r.id, r.workingDaysLeft, r.urgency])).toEqual([
      [ids.soon, 2, 'soon'],
      [ids.later, 10, null],
    ]);
  });

  it('filters by urgency, type, channel, assignee and search; names are masked', async () => {
    const idsOf = async (input: Parameters<Caller['triage']['list']>[0]) =>
      (await officer.triage.list(input)).items.map((r) => r.id);
    expect(await idsOf({ urgency: 'overdue' })).toEqual([ids.overdue]);
    expect(await idsOf({ urgency: 'today' })).toEqual([ids.today]);
    expect(await idsOf({ urgency: 'soon' })).toEqual([ids.withdrawal, ids.soon]);
    expect(await idsOf({ types: ['consent_withdrawal', 'access'] })).toEqual([ids.withdrawal, ids.later]);
    expect(await idsOf({ channels: ['email', 'in_person'] })).toEqual([ids.today, ids.later]);
    expect(await idsOf({ assignee: 'me' })).toEqual([ids.soon]);
    expect((await idsOf({ assignee: 'none' })).length).toBe(4);
    expect(await idsOf({ search: 'соколова' })).toEqual([ids.withdrawal]);
    // Through the subject search: another case form of the name finds the same person.
    expect(await idsOf({ search: 'Соколовой Анны' })).toEqual([ids.withdrawal]);
    const [row] = (await officer.triage.list({ search: 'Соколова' })).items;
    expect(row?.subjects).toEqual(['С••••••а А. И.']);
    expect(row?.requester).toBe('И•••••а М. П.');
    const card = await officer.cases.byId({ id: ids.later ?? 0 });
    expect(await idsOf({ search: card.incomingNumber.slice(-4) })).toEqual([ids.later]);
  });

  it('keeps saved views per user', async () => {
    await officer.triage.saveView({ name: 'Мои срочные', filters: { assignee: 'me', urgency: 'soon' } });
    await officer.triage.saveView({ name: 'Мои срочные', filters: { assignee: 'me' } });
    const other = await callerFor(database.db, 'officer', { clock });
    expect(await other.triage.views()).toEqual([]);
    const views = await officer.triage.views();
    expect(views).toEqual([
      expect.objectContaining({ name: 'Мои срочные', filters: expect.objectContaining({ assignee: 'me' }) }),
    ]);
    expect(views[0]?.filters).not.toHaveProperty('urgency');
    await expect(other.triage.deleteView({ id: views[0]?.id ?? 0 })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await officer.triage.deleteView({ id: views[0]?.id ?? 0 });
    expect(await officer.triage.views()).toEqual([]);
  });

  it('returns a view whose stored filters no longer fit the schema without its filters', async () => {
    await database.db
      .insert(savedViews)
      .values({ userId: me.id, name: 'Старый вид', filters: { urgency: 'someday', sort: 42 } });
    const views = await officer.triage.views();
    expect(views).toEqual([expect.objectContaining({ name: 'Старый вид', filters: null })]);
    await officer.triage.deleteView({ id: views[0]?.id ?? 0 });
  });
});

describe('dashboard', () => {
  it('counts what is due and spreads the next 10 working days', async () => {
    const summary = await officer.dashboard.summary();
    expect(summary.counts).toMatchObject({ open: 5, overdue: 1, dueToday: 1, dueSoon: 2, mine: 1, unassigned: 4 });
    // This week: Wed 25 (today) … Sun 29.11: today, 26 (withdrawal), 27 (soon).
    expect(summary.counts.dueThisWeek).toBe(3);
    expect(summary.workload).toHaveLength(10);
    expect(summary.workload.slice(0, 3)).toEqual([
      { date: '2026-11-25', due: 1 },
      { date: '2026-11-26', due: 1 },
      { date: '2026-11-27', due: 1 },
    ]);
    expect(summary.workload.at(-1)).toEqual({ date: '2026-12-08', due: 0 });
    expect(summary.runningClocks[0]).toMatchObject({ rule: 'stop-unlawful', open: 3, overdue: 1 });
  });
});

describe('bulk actions', () => {
  it('are all or nothing: one stale version rolls back the whole batch', async () => {
    const page = await officer.triage.list({});
    const items = page.items.map((r) => ({ id: r.id, version: r.version }));
    const colleague = await createTestUser(database.db, 'officer');
    const stale = items.map((item, i) => (i === 2 ? { ...item, version: item.version + 7 } : item));
    await expect(officer.triage.bulkAssign({ items: stale, assigneeId: colleague.id })).rejects.toMatchObject({
      code: 'CONFLICT',
      message: expect.stringContaining('Ни одно из выбранных обращений не изменено'),
    });
    expect((await officer.triage.list({ assignee: colleague.id })).total).toBe(0);

    const assigned = await officer.triage.bulkAssign({ items, assigneeId: colleague.id });
    expect(assigned.updated).toBe(5);
    expect((await officer.triage.list({ assignee: colleague.id })).total).toBe(5);
  });

  it('closes with a reason, each case audited on its own timeline', async () => {
    const page = await officer.triage.list({ urgency: 'soon' });
    const items = page.items.map((r) => ({ id: r.id, version: r.version }));
    await officer.triage.bulkClose({ items, reason: 'Дубликаты обращения, ответ дан по основному' });
    expect((await officer.triage.list({})).total).toBe(3);
    const closed = await officer.triage.list({ statuses: ['closed'] });
    expect(closed.items.map((r) => [r.status, r.urgency])).toEqual([
      ['closed', null],
      ['closed', null],
    ]);
    const card = await officer.cases.byId({ id: items[0]?.id ?? 0 });
    expect(card.statusReason).toBe('Дубликаты обращения, ответ дан по основному');
  });
});

import { describe, expect, it } from 'vitest';
import { fixedClock } from '../../clock';
import { auditEntries, callerFor } from '../../test/factories';
import { breachIncident as incident } from '../../test/fixtures';
import { useTestDatabase } from '../../test/test-db';

const ZONE = 'Asia/Yekaterinburg';
/** 01.01.2027 10:00 local: the notice clock (due 01.01 23:30) has 13 h 30 min left. */
const NOW = fixedClock('2027-01-01T05:00:00Z', ZONE);

describe('breaches', () => {
  const database = useTestDatabase();

  it('counts both clocks in hours from the establishing instant, to the minute, across the year end', async () => {
    const officer = await callerFor(database.db, 'officer', { clock: NOW });
    const { id } = await officer.breaches.create(incident());
    const page = await officer.breaches.byId({ id });
    expect(page.clocks.map((c) => [c.kind, c.due, c.overdue, c.hours, c.minutes])).toEqual([
      ['notice', '2027-01-01T23:30+05:00', false, 13, 30],
      ['report', '2027-01-03T23:30+05:00', false, 61, 30],
    ]);
    const late = await callerFor(database.db, 'officer', { clock: fixedClock('2027-01-01T18:31:00Z', ZONE) });
    const [notice] = (await late.breaches.byId({ id })).clocks;
    expect(notice).toMatchObject({ overdue: true, urgent: true, totalMinutes: 1 });
  });

  it('files the notice then the report; filed texts are frozen and stop the clocks', async () => {
    const officer = await callerFor(database.db, 'officer', { clock: NOW });
    const { id, version } = await officer.breaches.create(incident());
    await expect(
      officer.breaches.file({ id, version, kind: 'report', filedAt: '2027-01-01T09:00', portalReference: 'R-1' }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    const filed = await officer.breaches.file({
      id,
      version,
      kind: 'notice',
      filedAt: '2027-01-01T09:00',
      portalReference: 'RKN-77',
    });
    const edited = await officer.breaches.update({ id, version: filed.version, measures: 'Новые меры' });
    const notice = await officer.breaches.notice({ id, kind: 'notice' });
    expect(notice).toMatchObject({ frozen: true, portalReference: 'RKN-77' });
    expect(notice.fields.find((f) => f.key === 'measures')?.value).toBe('Письмо отозвано');
    const draft = await officer.breaches.notice({ id, kind: 'report' });
    expect(draft.frozen).toBe(false);
    expect(draft.fields.find((f) => f.key === 'noticeReference')?.value).toBe('RKN-77');
    const page = await officer.breaches.byId({ id });
    expect(page.status).toBe('notified');
    expect(page.clocks[0]?.filed).toEqual({ at: '2027-01-01T09:00+05:00', portalReference: 'RKN-77', late: false });
    expect(edited.version).toBe(page.version);

    // The report comes after the notice; a late filing says so; closing stops the incident's changes.
    const reported = await officer.breaches.file({
      id,
      version: page.version,
      kind: 'report',
      filedAt: '2027-01-01T09:30',
      portalReference: 'RKN-78',
    });
    await expect(
      officer.breaches.file({
        id,
        version: reported.version,
        kind: 'report',
        filedAt: '2027-01-01T09:40',
        portalReference: 'X',
      }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    const closed = await officer.breaches.close({ id, version: reported.version, note: '' });
    const final = await officer.breaches.byId({ id });
    expect(final.status).toBe('closed');
    expect(final.clocks.map((c) => c.filed?.portalReference)).toEqual(['RKN-77', 'RKN-78']);
    await expect(officer.breaches.update({ id, version: closed.version, harm: 'x' })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
    });
  });

  it('roles: the registrar sees nothing, the auditor reads but cannot change', async () => {
    const officer = await callerFor(database.db, 'officer', { clock: NOW });
    const { id } = await officer.breaches.create(incident({ description: 'Видно аудитору' }));
    const auditor = await callerFor(database.db, 'auditor', { clock: NOW });
    const registrar = await callerFor(database.db, 'registrar', { clock: NOW });
    const list = await auditor.breaches.list({});
    expect(list.rows.map((r) => r.id)).toContain(id);
    expect((await auditor.breaches.byId({ id })).description).toBe('Видно аудитору');
    await expect(auditor.breaches.create(incident())).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(registrar.breaches.list({})).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(registrar.breaches.byId({ id })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(registrar.breaches.clocks()).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const admin = await callerFor(database.db, 'admin', { clock: NOW });
    expect((await admin.breaches.byId({ id })).id).toBe(id);
  });

  it('refuses NUL bytes and an instant that does not exist, nothing written', async () => {
    const officer = await callerFor(database.db, 'officer', { clock: NOW });
    const before = (await officer.breaches.list({})).total;
    await expect(officer.breaches.create(incident({ description: 'a\u0000b' }))).rejects.toMatchObject({
      code: 'BAD_REQUEST',
    });
    await expect(officer.breaches.create(incident({ establishedAt: '2026-02-30T10:00' }))).rejects.toMatchObject({
      code: 'BAD_REQUEST',
    });
    expect((await officer.breaches.list({})).total).toBe(before);
  });

  it('audit entries of a new incident reference it without copying its free text', async () => {
    const officer = await callerFor(database.db, 'officer', { clock: NOW });
    const { id } = await officer.breaches.create(incident({ description: 'Секретное описание' }));
    const entries = await auditEntries(database.db, 'breach.created');
    const mine = entries.find((e) => e.objectId === String(id));
    expect(mine).toBeDefined();
    expect(JSON.stringify(mine)).not.toContain('Секретное описание');
    expect(JSON.stringify(mine)).not.toContain('Иванова');
  });

  it('the register filters by category and period; the chart counts by month in the operator zone', async () => {
    const officer = await callerFor(database.db, 'officer', { clock: NOW });
    // 03:00 on 01.01 local is 22:00 on 31.12 UTC: the month is the operator's.
    await officer.breaches.create(incident({ category: 'hacking', establishedAt: '2027-01-01T03:00' }));
    const january = await officer.breaches.list({ category: 'hacking', from: '2027-01-01', to: '2027-01-31' });
    expect(january.rows.map((r) => r.established)).toEqual(['2027-01-01T03:00+05:00']);
    const chart = await officer.breaches.chart({ category: 'hacking' });
    expect(chart).toEqual([{ month: '2027-01', category: 'hacking', count: 1 }]);
  });

  it('running clocks for the queue and dashboard, soonest first', async () => {
    const officer = await callerFor(database.db, 'officer', { clock: NOW });
    await officer.breaches.create(incident({ establishedAt: '2026-12-31T12:00' }));
    const { clocks } = await officer.breaches.clocks();
    expect(clocks.length).toBeGreaterThan(0);
    const dues = clocks.map((c) => c.dueAt.getTime());
    expect(dues).toEqual([...dues].sort((a, b) => a - b));
    expect(clocks[0]).toMatchObject({
      kind: 'notice',
      due: '2027-01-01T12:00+05:00',
      hours: 2,
      minutes: 0,
      urgent: true,
    });
  });
});

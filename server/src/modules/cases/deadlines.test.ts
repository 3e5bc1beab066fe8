import { bundledCalendarYears } from '@pd-desk/shared/calendar/production-calendar';
import { describe, expect, it } from 'vitest';
import { auditEntries, callerFor, clockOn } from '../../test/factories';
import { accessRequest } from '../../test/fixtures';
import { useTestDatabase } from '../../test/test-db';

// Expected dates are worked out by hand from shared/src/calendar/data (weekdays in the comments).
const database = useTestDatabase();
const bundled2027 = bundledCalendarYears.find((y) => y.year === 2027);
if (!bundled2027) throw new Error('2027 is bundled');
const { verified: _verified, statusNote: _note, ...ru2027 } = bundled2027;

const clock = clockOn('2026-11-25');
// A letter cannot be received after today, so the year-end cases are registered on the last working day of 2026.
const yearEnd = clockOn('2026-12-30');

describe('due dates through the API', () => {
  it('access received Wed 30.12.2026 → Fri 22.01.2027, provisional while 2027 is not verified', async () => {
    // 31.12 and 01–08.01 off, 02–03 and 09–10 weekends; Mon 11.01 = 1 … Fri 22.01 = 10.
    const officer = await callerFor(database.db, 'officer', { clock: yearEnd });
    const created = await officer.cases.create(accessRequest({ receivedOn: '2026-12-30' }));
    expect(created).toMatchObject({ dueOn: '2027-01-22', dueProvisional: true, incomingNumber: 'ВХ-2026-0001' });
    const page = await officer.triage.list({ search: created.incomingNumber });
    expect(page.items).toEqual([
      expect.objectContaining({ id: created.id, dueOn: '2027-01-22', dueProvisional: true, urgency: null }),
    ]);
    // From Wed 30.12.2026: 31.12 and 01–08.01 off, so January 11–22 = 10.
    expect(page.items[0]?.workingDaysLeft).toBe(10);
  });

  it('May holidays 2026: access received Thu 30.04 → Mon 18.05', async () => {
    // 01.05 (Fri) off, 09.05 is a Saturday so Mon 11.05 is off: Mon 04 = 1 … Fri 08 = 5, Tue 12 = 6 … Mon 18 = 10.
    const officer = await callerFor(database.db, 'officer', { clock });
    const created = await officer.cases.create(accessRequest({ receivedOn: '2026-04-30' }));
    expect(created).toMatchObject({ dueOn: '2026-05-18', dueProvisional: false });
  });

  it('a request received on a holiday counts from the next day: 01.01.2026 → 23.01.2026', async () => {
    const officer = await callerFor(database.db, 'officer', { clock });
    const created = await officer.cases.create(accessRequest({ receivedOn: '2026-01-01' }));
    expect(created.dueOn).toBe('2026-01-23');
  });

  it('a withdrawal (30 calendar days) that ends on a day off keeps its date and says so', async () => {
    // 06.12.2025 + 30 days = Mon 05.01.2026, a New Year day off: not moved.
    const officer = await callerFor(database.db, 'officer', { clock });
    const created = await officer.cases.create(
      accessRequest({ type: 'consent_withdrawal', channel: 'email', receivedOn: '2025-12-06' }),
    );
    expect(created).toMatchObject({ dueOn: '2026-01-05', dueOnDayOff: true, dueProvisional: false });
  });

  it('each type starts its own clock: stop processing 10 wd, blocking 3 wd, medical records 30 days', async () => {
    const officer = await callerFor(database.db, 'officer', { clock });
    const preview = (type: 'stop_processing' | 'blocking' | 'medical_records_copy') =>
      officer.cases.deadlinePreview({ type, receivedOn: '2026-02-20' });
    // Fri 20.02.2026; 23.02 (Mon) off. Tue 24 = 1 … Mon 02.03 = 5 … Fri 06.03 = 9; 09.03 off (8 March on Sunday); Tue 10 = 10.
    expect((await preview('stop_processing')).dueOn).toBe('2026-03-10');
    expect((await preview('blocking')).dueOn).toBe('2026-02-26');
    expect((await preview('medical_records_copy')).dueOn).toBe('2026-03-22');
  });

  it('refuses a working-day deadline that needs a year no calendar is loaded for', async () => {
    const officer = await callerFor(database.db, 'officer', { clock });
    await expect(officer.cases.create(accessRequest({ receivedOn: '2023-12-20' }))).rejects.toMatchObject({
      code: 'PRECONDITION_FAILED',
      message: expect.stringContaining('Производственный календарь на 2023 год не загружен'),
    });
  });

  it('only type "other" lets the officer choose the rule', async () => {
    const officer = await callerFor(database.db, 'officer', { clock });
    await expect(officer.cases.create(accessRequest({ type: 'access', rule: 'withdrawal' }))).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message: expect.stringContaining('установлен законом'),
    });
    const other = await officer.cases.create(accessRequest({ type: 'other', rule: 'purpose-achieved' }));
    expect(other.dueOn).toBe('2026-12-20');
  });
});

describe('calendar years from the database', () => {
  it('verifying 2027 clears the provisional flag of open cases, with a timeline entry', async () => {
    const officer = await callerFor(database.db, 'officer', { clock: yearEnd });
    const admin = await callerFor(database.db, 'admin', { clock: yearEnd });
    const created = await officer.cases.create(accessRequest({ receivedOn: '2026-12-29' }));
    expect(created.dueProvisional).toBe(true);

    await expect(officer.calendar.setVerified({ year: 2027, verified: true })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    const result = await admin.calendar.setVerified({ year: 2027, verified: true });
    expect(result.changedCases).toBeGreaterThanOrEqual(1);

    const card = await officer.cases.byId({ id: created.id });
    expect(card.dueProvisional).toBe(false);
    expect(card.events.map((e) => e.kind)).toContain('due_recomputed');
    const years = await officer.calendar.years();
    expect(years.find((y) => y.year === 2027)).toMatchObject({ verified: true, origin: 'imported' });
    expect(await auditEntries(database.db, 'calendar.verify')).toHaveLength(1);
  });

  it('an imported year replaces the bundled one and moves open due dates', async () => {
    const officer = await callerFor(database.db, 'officer', { clock: yearEnd });
    const admin = await callerFor(database.db, 'admin', { clock: yearEnd });
    const created = await officer.cases.create(accessRequest({ receivedOn: '2026-12-28' }));
    // Mon 28.12.2026: Tue 29 = 1, Wed 30 = 2; Mon 11.01.2027 = 3 … Wed 20.01 = 10.
    expect(created.dueOn).toBe('2027-01-20');

    // Suppose the decree also gives Monday 11.01.2027 off: the case moves one working day.
    const changed = {
      ...ru2027,
      status: 'verified',
      holidays: [...ru2027.holidays, '2027-01-11'].sort(),
      stats: undefined,
    };
    await admin.calendar.import({ format: 'json', year: changed });
    expect((await officer.cases.byId({ id: created.id })).dueOn).toBe('2027-01-21');
    expect((await officer.calendar.due({ rule: 'access', receivedOn: '2026-12-28' })).dueOn).toBe('2027-01-21');
  });

  it('rejects a malformed year with the field at fault', async () => {
    const admin = await callerFor(database.db, 'admin', { clock });
    await expect(
      admin.calendar.import({ format: 'json', year: { ...ru2027, status: 'verified', holidays: ['2027-01-02'] } }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST', message: expect.stringContaining('holidays.0') });
    await expect(admin.calendar.import({ format: 'xml', xml: '<calendar year="2028">' })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
    });
  });
});

import { eq, inArray, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { integrationOutbox } from '../../../db/schema/integrations';
import { consents, pdRecords, processingPurposes } from '../../../db/schema/subject-records';
import { destructionActs, withdrawalPlans } from '../../../db/schema/withdrawals';
import { auditEntries, callerFor, clockOn } from '../../../test/factories';
import { insertSubjectWithRecords, registerWithdrawal } from '../../../test/mail-fixtures';
import { useTestDatabase } from '../../../test/test-db';

const clock = clockOn('2026-11-25');

describe('withdrawal action plan', () => {
  const database = useTestDatabase();

  /** A letter received after the test's today is registered on its own day: a future receipt is refused. */
  async function setUp(receivedOn?: string) {
    const today = receivedOn && receivedOn > clock.today() ? clockOn(receivedOn) : clock;
    const officer = await callerFor(database.db, 'officer', { clock: today });
    const people = await insertSubjectWithRecords(database.db);
    const created = await registerWithdrawal(officer, people.subjectId, receivedOn);
    return { officer, ...people, caseId: created.id };
  }

  it('proposes from the legal basis: consent → destroy, law and contract → keep with the catalogue text', async () => {
    const { officer, caseId } = await setUp();
    const made = await officer.mail.plan.create({ caseId });
    expect(made).toMatchObject({ lines: 4, dueOn: '2026-12-20' });
    const { plan } = await officer.mail.plan.byCase({ caseId });
    const byPurpose = Object.fromEntries(plan?.lines.map((l) => [l.purposeCode, l]) ?? []);
    expect(byPurpose.newsletter).toMatchObject({
      proposedAction: 'destroy',
      systemName: 'Новостная рассылка',
      externalId: expect.stringMatching(/^nl-/),
    });
    expect(byPurpose.advertising?.proposedAction).toBe('destroy');
    expect(byPurpose.medical_care).toMatchObject({ proposedAction: 'keep', legalBasis: 'law' });
    expect(byPurpose.medical_care?.basisText).toContain('приказ Минздрава России № 408 от 03.08.2023');
    expect(byPurpose.medical_care?.basisText).toContain('152-ФЗ, ст. 10 ч. 2 п. 4');
    expect(byPurpose.payment_tax?.basisText).toContain('5 лет (402-ФЗ, ст. 29)');
    // The subject's name is masked on the plan page; opening the plan is audited by ids.
    expect(plan?.subjectName).toBe('И•••••а М. П.');
    expect(await auditEntries(database.db, 'mail.plan_view')).toHaveLength(1);
  });

  it('a listed scope narrows the plan; already stopped records are shown as such', async () => {
    const officer = await callerFor(database.db, 'officer', { clock });
    const { subjectId } = await insertSubjectWithRecords(database.db, [
      { system: 'newsletter', purpose: 'newsletter', legalBasis: 'consent', fields: ['email'] },
      { system: 'ad_mailings', purpose: 'advertising', legalBasis: 'consent', fields: ['phone'] },
      {
        system: 'feedback_form',
        purpose: 'feedback',
        legalBasis: 'consent',
        fields: ['email'],
        state: 'processing_stopped',
      },
    ]);
    const { id: caseId } = await registerWithdrawal(officer, subjectId);
    const [newsletter] = await database.db
      .select({ id: processingPurposes.id })
      .from(processingPurposes)
      .where(eq(processingPurposes.code, 'newsletter'));
    await officer.mail.plan.create({ caseId, purposeIds: [newsletter?.id as number] });
    const { plan } = await officer.mail.plan.byCase({ caseId });
    expect(plan?.lines.map((l) => [l.purposeCode, l.proposedAction])).toEqual([
      ['newsletter', 'destroy'],
      ['advertising', 'continue'],
      ['feedback', 'already_stopped'],
    ]);
    // A draft is made again when the scope read from the letter is corrected: now every consent.
    await officer.mail.plan.create({ caseId });
    const again = await officer.mail.plan.byCase({ caseId });
    expect(again.plan?.lines.map((l) => l.proposedAction)).toEqual(['destroy', 'destroy', 'already_stopped']);
  });

  it("a plan for a case from a letter takes the letter's scope; a letter withdrawing everything leaves it whole", async () => {
    const officer = await callerFor(database.db, 'officer', { clock });
    const { subjectId } = await insertSubjectWithRecords(database.db);
    const letter = (scope: { scopeAll: boolean; scopePurposes?: string[] }) =>
      officer.mail.intake.create({
        receivedOn: '2026-11-25',
        senderName: 'Иванова Мария Петровна',
        signed: true,
        representative: false,
        kind: 'consent_withdrawal',
        ...scope,
      });
    const listed = await letter({ scopeAll: false, scopePurposes: ['newsletter'] });
    await officer.mail.match.confirm({ itemId: listed.id, subjectId });
    await officer.mail.plan.create({ caseId: listed.caseId });
    const narrowed = await officer.mail.plan.byCase({ caseId: listed.caseId });
    const [newsletter] = await database.db
      .select({ id: processingPurposes.id })
      .from(processingPurposes)
      .where(eq(processingPurposes.code, 'newsletter'));
    expect(narrowed.plan?.scopePurposeIds).toEqual([newsletter?.id]);
    expect(Object.fromEntries(narrowed.plan?.lines.map((l) => [l.purposeCode, l.proposedAction]) ?? [])).toEqual({
      newsletter: 'destroy',
      advertising: 'continue',
      medical_care: 'continue',
      payment_tax: 'continue',
    });
    const whole = await letter({ scopeAll: true });
    await officer.mail.match.confirm({ itemId: whole.id, subjectId });
    await officer.mail.plan.create({ caseId: whole.caseId });
    const all = await officer.mail.plan.byCase({ caseId: whole.caseId });
    expect(all.plan?.scopePurposeIds).toBeNull();
    expect(all.plan?.lines.find((l) => l.purposeCode === 'advertising')?.proposedAction).toBe('destroy');
    // The page offers the letter's scope; the officer may still widen it to every consent.
    expect(narrowed.letterScope).toEqual([newsletter?.id]);
    await officer.mail.plan.create({ caseId: listed.caseId, allPurposes: true });
    expect((await officer.mail.plan.byCase({ caseId: listed.caseId })).plan?.scopePurposeIds).toBeNull();
  });

  it('the officer changes a line with a reason; destroying what the law keeps is refused', async () => {
    const { officer, caseId } = await setUp();
    const { planId } = await officer.mail.plan.create({ caseId });
    const { plan } = await officer.mail.plan.byCase({ caseId });
    const line = (code: string) => plan?.lines.find((l) => l.purposeCode === code)?.id as number;
    await expect(
      officer.mail.plan.setLine({ lineId: line('medical_care'), action: 'destroy', note: 'просит' }),
    ).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message: expect.stringContaining('федерального закона'),
    });
    await expect(officer.mail.plan.setLine({ lineId: line('advertising'), action: 'keep' })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message: 'Укажите, почему действие отличается от предложенного',
    });
    await officer.mail.plan.setLine({
      lineId: line('advertising'),
      action: 'continue',
      note: 'Письмо называет только рассылку',
    });
    await officer.mail.plan.setLine({ lineId: line('newsletter'), action: 'destroy' });
    const after = await officer.mail.plan.byCase({ caseId });
    expect(after.plan?.lines.find((l) => l.purposeCode === 'advertising')).toMatchObject({
      action: 'continue',
      confirmed: true,
    });
    expect(after.plan?.lines.find((l) => l.purposeCode === 'medical_care')).toMatchObject({
      action: 'keep',
      confirmed: false,
    });
    await officer.mail.plan.confirm({ planId });
    const confirmed = await officer.mail.plan.byCase({ caseId });
    expect(confirmed.plan).toMatchObject({ status: 'confirmed' });
    expect(confirmed.plan?.lines.every((l) => l.confirmed)).toBe(true);
    await expect(officer.mail.plan.complete({ planId: planId + 999 })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('the 30-day clock on real dates: received 05.12.2026 ends 04.01.2027, a New Year holiday — work by 30.12', async () => {
    const { officer, caseId } = await setUp('2026-12-05');
    await officer.mail.plan.create({ caseId });
    const { plan } = await officer.mail.plan.byCase({ caseId });
    expect(plan).toMatchObject({ dueOn: '2027-01-04', dueOnDayOff: true, workBy: '2026-12-30' });
    const ordinary = await setUp('2026-11-02');
    await ordinary.officer.mail.plan.create({ caseId: ordinary.caseId });
    const second = await ordinary.officer.mail.plan.byCase({ caseId: ordinary.caseId });
    expect(second.plan).toMatchObject({ dueOn: '2026-12-02', dueOnDayOff: false, workBy: '2026-12-02' });
  });

  it('completing changes the states, withdraws the consents and tells other systems, in one go', async () => {
    const { officer, caseId, recordIds, consentIds } = await setUp();
    const { planId } = await officer.mail.plan.create({ caseId });
    await officer.mail.plan.confirm({ planId });
    const done = await officer.mail.plan.complete({ planId, destructionTool: 'СЗИ «Secret Net Studio 8»' });
    expect(done).toMatchObject({ status: 'done', done: 4, consentsWithdrawn: 2, act: { number: 'АУ-2026-0001' } });

    const states = await database.db
      .select({ id: pdRecords.id, state: pdRecords.state, reason: pdRecords.stateReason })
      .from(pdRecords)
      .where(inArray(pdRecords.id, Object.values(recordIds)));
    const stateOf = (purpose: string) => states.find((s) => s.id === recordIds[purpose]);
    expect(stateOf('newsletter')?.state).toBe('destroyed');
    expect(stateOf('advertising')?.state).toBe('destroyed');
    expect(stateOf('medical_care')?.state).toBe('processing_stopped');
    expect(stateOf('medical_care')?.reason).toContain('приказ Минздрава России № 408');
    expect(stateOf('payment_tax')?.state).toBe('processing_stopped');

    const withdrawn = await database.db
      .select({ at: consents.withdrawnAt, channel: consents.withdrawalChannel, on: consents.withdrawalReceivedOn })
      .from(consents)
      .where(inArray(consents.id, Object.values(consentIds)));
    expect(withdrawn).toHaveLength(2);
    expect(withdrawn.every((c) => c.at !== null && c.channel === 'post' && c.on === '2026-11-20')).toBe(true);

    const { case: registered, plan } = await officer.mail.plan.byCase({ caseId });
    const events = (await database.db.select().from(integrationOutbox).orderBy(integrationOutbox.id)).filter(
      (e) => e.payload.caseNumber === registered.incomingNumber,
    );
    expect(events.map((e) => e.type)).toEqual(['consent.withdrawn', 'processing.stopped', 'record.destroyed']);
    const destroyedEvent = events[2]?.payload;
    expect(destroyedEvent).toMatchObject({
      caseNumber: expect.any(String),
      records: [
        { system: 'newsletter', externalId: expect.stringMatching(/^nl-/), purpose: 'newsletter' },
        { system: 'ad_mailings', externalId: null, purpose: 'advertising' },
      ],
      contacts: { phones: ['79123456789'], emails: ['maria.ivanova@mail.ru'] },
    });
    expect(events[1]?.payload.records.map((r) => r.system)).toEqual(['newsletter', 'ad_mailings', 'mis', 'payments']);

    const [act] = await database.db.select().from(destructionActs);
    expect(act).toMatchObject({
      keepUntil: '2029-11-25',
      destroyedOn: '2026-11-25',
      destructionTool: 'СЗИ «Secret Net Studio 8»',
    });
    expect(act?.entries.map((e) => e.categories)).toEqual([
      ['full_name', 'email'],
      ['full_name', 'phone'],
    ]);
    expect(await auditEntries(database.db, 'mail.record_destroyed')).toHaveLength(2);
    await expect(officer.mail.plan.complete({ planId })).rejects.toMatchObject({ code: 'CONFLICT' });
    await expect(
      officer.mail.plan.setLine({ lineId: plan?.lines[0]?.id as number, action: 'keep', note: 'поздно' }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
  });

  it('a failure in the middle leaves nothing half-written', async () => {
    const { officer, caseId, recordIds, consentIds } = await setUp();
    const { planId } = await officer.mail.plan.create({ caseId });
    await officer.mail.plan.confirm({ planId });
    // The outbox refuses the last event of the transaction: states, consents, the act and the other events roll back.
    await database.db.execute(sql`
      create function refuse_destroyed() returns trigger language plpgsql as $$
      begin if new.type = 'record.destroyed' then raise exception 'outbox down'; end if; return new; end $$`);
    await database.db.execute(sql`
      create trigger refuse_destroyed before insert on integration_outbox for each row execute function refuse_destroyed()`);
    try {
      await expect(officer.mail.plan.complete({ planId })).rejects.toBeTruthy();
    } finally {
      await database.db.execute(sql`drop trigger refuse_destroyed on integration_outbox`);
      await database.db.execute(sql`drop function refuse_destroyed()`);
    }
    const states = await database.db
      .select({ state: pdRecords.state })
      .from(pdRecords)
      .where(inArray(pdRecords.id, Object.values(recordIds)));
    expect(states.every((s) => s.state === 'active')).toBe(true);
    const open = await database.db
      .select({ at: consents.withdrawnAt })
      .from(consents)
      .where(inArray(consents.id, Object.values(consentIds)));
    expect(open.every((c) => c.at === null)).toBe(true);
    const [plan] = await database.db.select().from(withdrawalPlans).where(eq(withdrawalPlans.id, planId));
    expect(plan?.status).toBe('confirmed');
    expect(await database.db.select().from(destructionActs).where(eq(destructionActs.planId, planId))).toHaveLength(0);
    // And it goes through once the outbox is back.
    expect(await officer.mail.plan.complete({ planId })).toMatchObject({ status: 'done' });
  });

  it('only a matched consent withdrawal gets a plan; the auditor reads it, the registrar does not', async () => {
    const officer = await callerFor(database.db, 'officer', { clock });
    const { id: unmatched } = await officer.cases.create({
      type: 'consent_withdrawal',
      channel: 'post',
      requester: { kind: 'subject', name: 'Неизвестный Отправитель' },
      receivedOn: '2026-11-20',
      subjectIds: [],
    });
    await expect(officer.mail.plan.create({ caseId: unmatched })).rejects.toMatchObject({
      code: 'PRECONDITION_FAILED',
      message: expect.stringContaining('сопоставьте письмо'),
    });
    const { caseId } = await setUp();
    await officer.mail.plan.create({ caseId });
    const auditor = await callerFor(database.db, 'auditor', { clock });
    expect((await auditor.mail.plan.byCase({ caseId })).plan?.lines).toHaveLength(4);
    await expect(auditor.mail.plan.confirm({ planId: 1 })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const registrar = await callerFor(database.db, 'registrar', { clock });
    await expect(registrar.mail.plan.byCase({ caseId })).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });
});

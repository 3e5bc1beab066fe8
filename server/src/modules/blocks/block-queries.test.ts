import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { blocks, cases, integrationOutbox, pdRecords } from '../../db/schema';
import { patientWithRecords, phoneBlock } from '../../test/block-fixtures';
import { type Caller, callerFor, clockOn } from '../../test/factories';
import { useTestDatabase } from '../../test/test-db';
import { activeBlocksForContact, blockedContactsForPurpose } from './block-queries';

const PHONE = '79123456789';
const EMAIL = 'maria.ivanova@mail.ru';

describe('what a block takes out of use', () => {
  const database = useTestDatabase();
  let officer: Caller;

  beforeAll(async () => {
    officer = await callerFor(database.db, 'officer', { clock: clockOn('2026-12-29') });
  });

  it('blocks only the booking record’s phone for online booking; everything else stays usable', async () => {
    const { subjectId, booking, chart } = await patientWithRecords(database.db, officer);
    const block = await officer.blocks.create(phoneBlock(subjectId, booking));
    expect(block.state).toBe('active');

    const db = database.db;
    expect(await activeBlocksForContact(db, { phoneNormalised: PHONE, purposeCode: 'online_booking' })).toEqual({
      blocked: true,
      blocks: [{ id: block.id, caseNumber: block.caseNumber }],
    });
    expect((await activeBlocksForContact(db, { phoneNormalised: PHONE, purposeCode: 'medical_care' })).blocked).toBe(
      false,
    );
    expect((await activeBlocksForContact(db, { emailNormalised: EMAIL, purposeCode: 'online_booking' })).blocked).toBe(
      false,
    );
    expect((await activeBlocksForContact(db, { phoneNormalised: PHONE, purposeCode: 'no_such_purpose' })).blocked).toBe(
      false,
    );
    expect(await blockedContactsForPurpose(db, 'online_booking')).toEqual({ phones: [PHONE], emails: [] });
    expect(await blockedContactsForPurpose(db, 'newsletter')).toEqual({ phones: [], emails: [] });

    // Field-level: the record stays active (its other fields in use), the field is held.
    const states = await db
      .select({ id: pdRecords.id, state: pdRecords.state })
      .from(pdRecords)
      .where(eq(pdRecords.subjectId, subjectId));
    expect(states.every((r) => r.state === 'active')).toBe(true);
    const page = await officer.subjects.byId({ subjectId });
    expect(page.records.find((r) => r.id === booking)?.blockedFields).toEqual(['phone']);
    expect(page.records.find((r) => r.id === chart)?.blockedFields).toBeNull();
    expect(page.blocks).toHaveLength(1);
    expect(page.blocks[0]?.nextStep).toMatchObject({ step: 'verify' });
  });

  it('a whole-subject block suppresses every contact for every purpose and blocks the records', async () => {
    const { subjectId } = await patientWithRecords(database.db, officer, {
      phone: '+7 912 000-11-22',
      email: 'whole@mail.ru',
    });
    await officer.blocks.create(
      phoneBlock(subjectId, 0, { reason: 'unlawful', noHarmConfirmed: undefined, scope: { wholeSubject: true } }),
    );
    for (const purposeCode of ['online_booking', 'newsletter', 'advertising']) {
      expect(
        (await activeBlocksForContact(database.db, { emailNormalised: 'whole@mail.ru', purposeCode })).blocked,
      ).toBe(true);
    }
    expect((await blockedContactsForPurpose(database.db, 'advertising')).phones).toContain('79120001122');
    const states = await database.db
      .select({ state: pdRecords.state })
      .from(pdRecords)
      .where(eq(pdRecords.subjectId, subjectId));
    expect(states.map((s) => s.state)).toEqual(['blocked', 'blocked', 'blocked']);
  });

  it('writes block.created in the same transaction: a refused block leaves no case, block or event', async () => {
    const { subjectId, newsletter } = await patientWithRecords(database.db, officer, {
      phone: '+7 912 000-33-44',
      email: 'tx@mail.ru',
    });
    const count = async () => ({
      cases: await database.db.$count(cases),
      blocks: await database.db.$count(blocks),
      events: await database.db.$count(integrationOutbox),
    });
    const before = await count();
    // The newsletter record holds no phone: the scope is refused after the case was already registered.
    await expect(officer.blocks.create(phoneBlock(subjectId, newsletter))).rejects.toThrow(
      'В этой записи нет такого поля',
    );
    expect(await count()).toEqual(before);

    const block = await officer.blocks.create(
      phoneBlock(subjectId, newsletter, { scope: { fields: [{ recordId: newsletter, field: 'email' }] } }),
    );
    expect(await count()).toEqual({ cases: before.cases + 1, blocks: before.blocks + 1, events: before.events + 1 });
    const [event] = await database.db
      .select()
      .from(integrationOutbox)
      .orderBy(integrationOutbox.id)
      .offset(before.events);
    expect(event).toMatchObject({
      type: 'block.created',
      payload: {
        subjectId,
        caseNumber: block.caseNumber,
        records: [{ system: 'newsletter', externalId: null, purpose: 'newsletter' }],
        purposes: ['newsletter'],
        fields: ['email'],
        contacts: { phones: [], emails: ['tx@mail.ru'] },
      },
    });
  });

  it('registers the blocking case with its clock and an inaccuracy block that would harm nobody… or records why not', async () => {
    const { subjectId, booking } = await patientWithRecords(database.db, officer, {
      phone: '+7 912 000-55-66',
      email: 'harm@mail.ru',
    });
    const created = await officer.blocks.create(phoneBlock(subjectId, booking));
    const page = await officer.cases.byId({ id: created.caseId });
    expect(page.type).toBe('blocking');
    // Received Tue 29.12.2026: 30.12, then the New Year holidays (31.12, 1–10.01), 11.01, 12.01 → 12.01.2027.
    expect(page.dueOn).toBe('2027-01-12');

    const notBlocked = await officer.blocks.create(
      phoneBlock(subjectId, booking, {
        caseId: created.caseId,
        newCase: undefined,
        noHarmConfirmed: false,
        notBlockedReason: 'Номер нужен для связи по назначенному лечению',
      }),
    );
    expect(notBlocked.state).toBe('not_blocked');
    const list = await officer.blocks.list({ view: 'history' });
    expect(list.items.find((b) => b.id === notBlocked.id)).toMatchObject({ state: 'not_blocked', nextStep: null });
  });
});

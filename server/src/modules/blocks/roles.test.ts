import { beforeAll, describe, expect, it } from 'vitest';
import { patientWithRecords, phoneBlock } from '../../test/block-fixtures';
import { auditEntries, type Caller, callerFor, clockOn } from '../../test/factories';
import { useTestDatabase } from '../../test/test-db';

describe('who may see and change blocks', () => {
  const database = useTestDatabase();
  const clock = clockOn('2026-12-29');
  let officer: Caller;
  let admin: Caller;
  let auditor: Caller;
  let registrar: Caller;
  let blockId: number;

  beforeAll(async () => {
    officer = await callerFor(database.db, 'officer', { clock });
    admin = await callerFor(database.db, 'admin', { clock });
    auditor = await callerFor(database.db, 'auditor', { clock });
    registrar = await callerFor(database.db, 'registrar', { clock });
    const { subjectId, booking } = await patientWithRecords(database.db, officer);
    blockId = (await officer.blocks.create(phoneBlock(subjectId, booking))).id;
  });

  it('lists people masked for every reader and opens one block in clear, audited', async () => {
    for (const reader of [officer, admin, auditor]) {
      const list = await reader.blocks.list({ view: 'active' });
      const item = list.items.find((b) => b.id === blockId);
      expect(item).toMatchObject({ subject: 'И•••••а М. П.', requester: 'И•••••а М. П.', reason: 'inaccurate' });
      expect(item?.scope).toEqual([
        expect.objectContaining({ kind: 'field', field: 'phone', system: 'Онлайн-запись на сайте' }),
      ]);
      expect(JSON.stringify(list)).not.toContain('Иванова');
    }
    const opened = await auditor.blocks.byId({ id: blockId });
    expect(opened.subjectName).toBe('Иванова Мария Петровна');
    expect(opened.contacts).toEqual([
      { channel: 'phone', value: '+7 912 345-67-89', purpose: expect.stringContaining('онлайн-запис') },
    ]);
    const [view] = (await auditEntries(database.db, 'block.view')).slice(-1);
    expect(view).toMatchObject({ objectId: String(blockId), actorLogin: expect.stringContaining('auditor') });
    expect(JSON.stringify(view)).not.toContain('345-67-89');
    expect((await auditEntries(database.db, 'block.list')).length).toBeGreaterThanOrEqual(3);
  });

  it('the auditor reads but cannot act; the registrar gets nothing; the admin acts', async () => {
    const { subjectId, booking } = await patientWithRecords(database.db, officer, {
      phone: '+7 914 000-00-01',
      email: 'r@mail.ru',
    });
    await expect(auditor.blocks.create(phoneBlock(subjectId, booking))).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(
      auditor.blocks.decide({ id: blockId, version: 1, outcome: 'not_confirmed', note: 'Проверено' }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(registrar.blocks.list({ view: 'active' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(registrar.blocks.byId({ id: blockId })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(registrar.blocks.create(phoneBlock(subjectId, booking))).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const byAdmin = await admin.blocks.create(phoneBlock(subjectId, booking));
    expect(byAdmin.state).toBe('active');
  });

  it('the registrar’s search shows the badge but nothing more about the block', async () => {
    const { results: found } = await registrar.subjects.search({ query: 'Иванова Мария' });
    expect(found.length).toBeGreaterThan(0);
    expect(found.every((f) => f.blocked)).toBe(true);
  });

  it('refuses bad input in Russian without writing anything', async () => {
    const { subjectId, booking } = await patientWithRecords(database.db, officer, {
      phone: '+7 914 000-00-02',
      email: 'bad@mail.ru',
    });
    await expect(officer.blocks.create({ ...phoneBlock(subjectId, booking), noHarmConfirmed: false })).rejects.toThrow(
      'Подтвердите, что блокирование',
    );
    await expect(officer.blocks.create({ ...phoneBlock(subjectId, booking), scope: {} })).rejects.toThrow(
      'Отметьте, что блокировать',
    );
    await expect(officer.blocks.create({ ...phoneBlock(subjectId, booking), caseId: 1 })).rejects.toThrow(
      'Укажите обращение или зарегистрируйте новое',
    );
    await expect(officer.blocks.create(phoneBlock(subjectId, 999_999))).rejects.toThrow(
      'Запись не принадлежит этому субъекту',
    );
  });
});

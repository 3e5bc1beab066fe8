import fs from 'node:fs';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { extractText, getDocumentProxy } from 'unpdf';
import { describe, expect, it } from 'vitest';
import { fixedClock } from '../../clock';
import { breachSubjects } from '../../db/schema/breaches';
import { SYSTEM_ACTOR } from '../../service-context';
import { callerFor, serviceContext } from '../../test/factories';
import { breachIncident, insertPatientsInNewSystem } from '../../test/fixtures';
import { testTempDir, useTestDatabase } from '../../test/test-db';
import { BreachJobRunner } from './breach-jobs';
import { letterBundle } from './letters.service';
import { createMailer, type Mailer } from './mailer';
import { SUBJECT_LETTER_TITLE } from './subject-letter';

const clock = fixedClock('2027-01-01T05:00:00Z', 'Asia/Yekaterinburg');

async function pdfText(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  const pdf = await getDocumentProxy(new Uint8Array(Buffer.concat(chunks)));
  const { text } = await extractText(pdf, { mergePages: true });
  return text;
}

const count = (text: string, needle: string) => text.split(needle).length - 1;

function recordSend(sent: string[], id: string): 'emailed' {
  sent.push(id);
  return 'emailed';
}

describe('affected subjects and their notification', () => {
  const database = useTestDatabase();

  it('adds 1,000 by criteria, two exceptions, notifies 998, the bundle holds 998 letters, never twice', async () => {
    const { systemId, subjectIds } = await insertPatientsInNewSystem(database.db, 1000, 'crit');
    const officer = await callerFor(database.db, 'officer', { clock });
    const { id } = await officer.breaches.create(breachIncident({ systemIds: [systemId] }));
    const outboxDir = testTempDir('outbox');
    const mailer = createMailer({ smtpUrl: undefined, mailFrom: undefined, outboxDir });
    const runner = new BreachJobRunner({ db: database.db, clock }, mailer, (e) => {
      throw e;
    });

    const job = await officer.breaches.affected.addByCriteria({ breachId: id, criteria: { kind: 'system', systemId } });
    await runner.kick();
    expect(await officer.breaches.affected.job({ id: job.id })).toMatchObject({
      state: 'done',
      total: 1000,
      added: 1000,
      processed: 1000,
    });
    const [first, second] = subjectIds as [number, number];
    await officer.breaches.affected.setException({
      breachId: id,
      subjectId: first,
      exception: 'public_before',
      reason: 'Опубликовано им самим',
    });
    await officer.breaches.affected.setException({
      breachId: id,
      subjectId: second,
      exception: 'disclosed_with_consent',
      reason: 'Согласие от 01.02',
    });

    const list = await officer.breaches.affected.list({ breachId: id, limit: 3 });
    expect(list.total).toBe(1000);
    expect(list.rows[0]).toMatchObject({ name: 'П••••••••а А. И.', state: 'excluded', exception: 'public_before' });

    await officer.breaches.affected.notify({ breachId: id });
    await runner.kick();
    const page = await officer.breaches.byId({ id });
    const withEmail = subjectIds.slice(2).filter((sid) => sid % 2 === 0).length;
    expect(page.affected.byState).toEqual({ excluded: 2, letter: 998 - withEmail, outbox: withEmail });
    expect(fs.readdirSync(outboxDir)).toHaveLength(withEmail);
    const eml = fs.readFileSync(path.join(outboxDir, fs.readdirSync(outboxDir)[0] as string), 'utf8');
    expect(eml).toContain('Subject:');

    const bundle = await letterBundle({ db: database.db, actor: SYSTEM_ACTOR, clock }, id);
    expect(bundle.letters).toBe(998);
    expect(count(await pdfText(bundle.stream), SUBJECT_LETTER_TITLE)).toBe(998);

    // A second run finds nobody pending: nothing is sent again.
    const sent: string[] = [];
    const spy: Mailer = { send: async (m) => recordSend(sent, m.id) };
    await officer.breaches.affected.notify({ breachId: id });
    await new BreachJobRunner({ db: database.db, clock }, spy).kick();
    expect(sent).toEqual([]);
  }, 120_000);

  it('a notification interrupted after its chunk was marked is not sent again on resume', async () => {
    const { systemId } = await insertPatientsInNewSystem(database.db, 4, 'resume');
    const officer = await callerFor(database.db, 'officer', { clock });
    const { id } = await officer.breaches.create(breachIncident({ systemIds: [systemId] }));
    await officer.breaches.affected.addByCriteria({ breachId: id, criteria: { kind: 'system', systemId } });
    await new BreachJobRunner(
      { db: database.db, clock },
      createMailer({ smtpUrl: undefined, mailFrom: undefined, outboxDir: testTempDir('o') }),
    ).kick();
    await officer.breaches.affected.notify({ breachId: id });
    // The process dies on the first e-mail: the chunk is committed as `sending`.
    const dying: Mailer = {
      send: async () => {
        throw new Error('killed');
      },
    };
    await new BreachJobRunner({ db: database.db, clock }, dying).kick();
    const states = await database.db
      .select({ state: breachSubjects.state })
      .from(breachSubjects)
      .where(eq(breachSubjects.breachId, id));
    expect(states.map((s) => s.state).sort()).toEqual(['failed', 'failed', 'letter', 'letter']);
    const sent: string[] = [];
    await officer.breaches.affected.notify({ breachId: id });
    await new BreachJobRunner({ db: database.db, clock }, { send: async (m) => recordSend(sent, m.id) }).kick();
    expect(sent).toEqual([]);
  });

  it('adds from a CSV of phones, e-mails and external ids and reports, masked, what matched nobody', async () => {
    const { subjectIds } = await insertPatientsInNewSystem(database.db, 3, 'csv');
    const [a, b, c] = subjectIds as [number, number, number];
    const officer = await callerFor(database.db, 'officer', { clock });
    const { id } = await officer.breaches.create(breachIncident());
    const phoneOf = (sid: number) => `8 9${String(sid % 1_000_000_000).padStart(9, '0')}`;
    const csv = ['phone', phoneOf(a), `p${b}@EXAMPLE.ru`, 'csv-3', '+7 999 000-00-00', 'nobody@example.ru'].join('\n');
    const job = await officer.breaches.affected.addFromCsv({ breachId: id, csv });
    await new BreachJobRunner(
      serviceContext(database.db, { clock }),
      createMailer({ smtpUrl: undefined, mailFrom: undefined, outboxDir: testTempDir('x') }),
    ).kick();
    const done = await officer.breaches.affected.job({ id: job.id });
    expect(done).toMatchObject({ state: 'done', added: b % 2 === 0 ? 3 : 2, problemCount: b % 2 === 0 ? 2 : 3 });
    expect(done.problems.join('\n')).toContain('строка 5: +7 ••• •••-00-00 — не найден');
    expect(done.problems.join('\n')).not.toContain('nobody@');
    expect(c).toBeGreaterThan(0);
  });
});

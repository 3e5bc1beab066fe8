import type { CreateBreachInput } from '@pd-desk/shared/breaches/breaches.schemas';
import type { CreateCaseInput } from '@pd-desk/shared/cases/cases.schemas';
import type { LegalBasis, PdField } from '@pd-desk/shared/subjects/pd-records';
import { sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { caseSubjects, cases } from '../db/schema/cases';
import { subjects } from '../db/schema/subjects';
import { indexSubjectNames, subjectNameStems } from '../modules/subjects/search-index';
import { list, selectRows } from '../modules/subjects/sql-arrays';

/** Case and subject rows for tests (time comes from clockOn in factories.ts). */

export function accessRequest(overrides: Partial<CreateCaseInput> = {}): CreateCaseInput {
  return {
    type: 'access',
    channel: 'post',
    requester: {
      kind: 'subject',
      name: 'Иванова Мария Петровна',
      address: '620000, г. Екатеринбург, ул. Ленина, д. 1',
    },
    receivedOn: '2026-11-20',
    subjectIds: [],
    ...overrides,
  };
}

/** A subject with just a name, indexed the way the subjects module indexes it. */
export async function insertSubject(db: Db, lastName: string, firstName: string, middleName: string | null = null) {
  const [row] = await db
    .insert(subjects)
    .values({
      lastName,
      firstName,
      middleName,
      category: 'patient',
      ...subjectNameStems({ lastName, firstName, middleName }),
    })
    .returning({ id: subjects.id });
  if (!row) throw new Error('subject insert returned nothing');
  // Registers the name words, so the subject search (used by the queue search) finds the person.
  await indexSubjectNames(db, row.id);
  return row.id;
}

/** A subject as the officer enters one by hand, with every contact. */
export const IVANOVA = {
  lastName: 'Иванова',
  firstName: 'Мария',
  middleName: 'Петровна',
  birthDate: '1985-03-12',
  category: 'patient' as const,
  phone: '8 912 345-67-89',
  email: 'maria.ivanova@mail.ru',
  address: '620050, г. Екатеринбург, ул. Техническая, д. 14, кв. 2',
  source: 'Письмо вх. № 15 от 03.02.2026',
};

/** `n` bare cases linked to the subject, written directly (no audit, no numbering). */
export async function addCases(db: Db, subjectId: number, n: number) {
  for (let i = 0; i < n; i++) {
    const [c] = await db
      .insert(cases)
      .values({
        incomingNumber: `ВХ-${subjectId}-${i}`,
        type: 'access',
        rule: 'access',
        channel: 'post',
        requesterKind: 'subject',
        requesterName: 'Заявитель',
        receivedOn: '2026-10-01',
        registeredOn: '2026-10-01',
        dueOn: '2026-10-15',
        dueProvisional: false,
      })
      .returning({ id: cases.id });
    if (c) await db.insert(caseSubjects).values({ caseId: c.id, subjectId });
  }
}

/**
 * `n` patients, each with one PD record in a new processing system of their own (so «everyone with a
 * record in the system» is exactly them), a phone and, for every other one, an e-mail. Written in bulk.
 */
export async function insertPatientsInNewSystem(db: Db, n: number, tag: string) {
  const [system] = await selectRows<{ id: number }>(
    db,
    sql`insert into processing_systems (code, name) values (${`test-${tag}`}, ${`Тестовая система ${tag}`}) returning id`,
  );
  const [purpose] = await selectRows<{ id: number }>(db, sql`select id from processing_purposes order by id limit 1`);
  if (!system || !purpose) throw new Error('catalogue missing');
  const ids = (
    await selectRows<{ id: number }>(
      db,
      sql`insert into subjects (external_id, last_name, first_name, middle_name, category, last_stem, first_stem)
          select ${`${tag}-`} || g, 'Пациентова', 'Анна', 'Ивановна', 'patient', 'пациентов', 'анн' from generate_series(1, ${n}) g
          returning id`,
    )
  ).map((r) => Number(r.id));
  await db.execute(sql`
    insert into pd_records (subject_id, system_id, purpose_id, legal_basis, data_fields, collected_on)
    select unnest(${list(ids)}::bigint[]), ${system.id}, ${purpose.id}, 'contract', '["full_name","phone"]'::jsonb, '2026-06-01'`);
  await db.execute(sql`
    insert into subject_phones (subject_id, raw, digits, digits_reversed)
    select id, d, d, reverse(d) from (select unnest(${list(ids)}::bigint[]) as id) s,
      lateral (select '79' || lpad((id % 1000000000)::text, 9, '0') as d) p`);
  await db.execute(sql`
    insert into subject_emails (subject_id, raw, normalised)
    select t.id, 'p' || t.id || '@example.ru', 'p' || t.id || '@example.ru' from unnest(${list(ids)}::bigint[]) as t(id) where t.id % 2 = 0`);
  return { systemId: system.id, subjectIds: ids };
}

/** An incident established at 23:30 on 31.12.2026 in the operator's zone (the year-end case of issue 12). */
export function breachIncident(overrides: Partial<CreateBreachInput> = {}): CreateBreachInput {
  return {
    establishedAt: '2026-12-31T23:30',
    category: 'misdirected',
    foundBy: 'Администратор Петрова',
    foundHow: 'Жалоба пациента',
    description: 'Рассылка ушла не тому списку',
    dataCategories: ['full_name', 'phone'],
    systemIds: [],
    subjectsEstimate: 1000,
    causes: 'Ошибка при выборе списка',
    harm: 'Раскрыты ФИО и телефоны',
    measures: 'Письмо отозвано',
    rknContact: { name: 'Иванова А. А.', position: 'ответственный', phone: '', email: '' },
    ...overrides,
  };
}

/** A PD record in a catalogue system for a purpose (by their codes), as another system would report it. */
export async function insertRecord(
  db: Db,
  subjectId: number,
  record: { system: string; purpose: string; fields: PdField[]; externalId?: string; legalBasis?: LegalBasis },
) {
  const [row] = await selectRows<{ id: number | string }>(
    db,
    sql`insert into pd_records (subject_id, system_id, purpose_id, external_id, legal_basis, data_fields, collected_on)
      select ${subjectId}, s.id, p.id, ${record.externalId ?? null}, ${record.legalBasis ?? 'consent'},
             ${JSON.stringify(record.fields)}::jsonb, '2026-01-15'
        from processing_systems s, processing_purposes p where s.code = ${record.system} and p.code = ${record.purpose}
      returning id`,
  );
  if (!row) throw new Error(`no system ${record.system} or purpose ${record.purpose}`);
  return Number(row.id);
}

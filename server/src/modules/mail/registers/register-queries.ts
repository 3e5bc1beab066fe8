import type { ActFilters, IncomingFilters, OutgoingFilters } from '@pd-desk/shared/mail/registers.schemas';
import { and, desc, eq, isNotNull, isNull, type SQLWrapper, sql } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { caseLetters, cases } from '../../../db/schema/cases';
import { mailItems } from '../../../db/schema/mail';
import { subjects } from '../../../db/schema/subjects';
import { destructionActs } from '../../../db/schema/withdrawals';

/**
 * The three registers as plain queries, in clear: the list masks them, the export (audited) does not. Each query
 * is one select builder, so a join adds columns without touching the filters or the paging.
 */

type Page = { limit: number; offset: number };

/** The period filter on a date column or expression (ISO dates compare as text and as dates alike). */
const within = (column: SQLWrapper, filters: { from?: string | undefined; to?: string | undefined }) => [
  filters.from ? sql`${column} >= ${filters.from}` : undefined,
  filters.to ? sql`${column} <= ${filters.to}` : undefined,
];

/**
 * Журнал входящей корреспонденции: every letter is a case with its incoming number. The intake's `mail_items`
 * adds how it came (paper or e-mail), whether it was signed, and the item and scan to link to. A letter and an
 * e-mail linked into one case are one row: the first item (the one that registered the case) speaks for it.
 */
const firstItemOfCase = sql`(select min(mi.id) from mail_items mi where mi.case_id = ${cases.id})`;
const INCOMING_COLUMNS = {
  id: cases.id,
  incomingNumber: cases.incomingNumber,
  receivedOn: cases.receivedOn,
  registeredOn: cases.registeredOn,
  channel: cases.channel,
  kind: cases.type,
  status: cases.status,
  dueOn: cases.dueOn,
  requesterKind: cases.requesterKind,
  sender: cases.requesterName,
  senderAddress: sql<string | null>`coalesce(${cases.requesterAddress}, ${cases.requesterEmail})`,
  mailItemId: mailItems.id,
  mailChannel: mailItems.channel,
  signed: mailItems.signed,
  scanId: sql<number | null>`(select min(s.id) from mail_scans s where s.item_id = ${mailItems.id})`.mapWith(Number),
};

export function incomingWhere(filters: IncomingFilters) {
  return and(
    ...within(cases.receivedOn, filters),
    filters.kind ? eq(cases.type, filters.kind) : undefined,
    filters.status ? eq(cases.status, filters.status) : undefined,
  );
}

export async function incomingRows(db: Db, filters: IncomingFilters, page: Page) {
  const where = incomingWhere(filters);
  const [rows, [total]] = await Promise.all([
    db
      .select(INCOMING_COLUMNS)
      .from(cases)
      .leftJoin(mailItems, eq(mailItems.id, firstItemOfCase))
      .where(where)
      .orderBy(desc(cases.receivedOn), desc(cases.id))
      .limit(page.limit)
      .offset(page.offset),
    db.select({ n: sql<number>`count(*)::int` }).from(cases).where(where),
  ]);
  return { rows, total: total?.n ?? 0 };
}

/** The letter's own date, frozen with its content when it got its number. */
const letterDate = sql<string>`(${caseLetters.content}->>'dateOn')`;

export async function outgoingRows(db: Db, filters: OutgoingFilters, page: Page) {
  const where = and(
    ...within(letterDate, filters),
    filters.kind ? eq(caseLetters.kind, filters.kind) : undefined,
    filters.status === 'sent'
      ? isNotNull(caseLetters.sentOn)
      : filters.status === 'not_sent'
        ? isNull(caseLetters.sentOn)
        : undefined,
  );
  const [rows, [total]] = await Promise.all([
    db
      .select({
        id: caseLetters.id,
        outgoingNumber: caseLetters.outgoingNumber,
        dateOn: letterDate,
        addressee: sql<string>`(${caseLetters.content}->>'addressee')`,
        requesterKind: cases.requesterKind,
        kind: caseLetters.kind,
        sentMethod: caseLetters.sentMethod,
        sentOn: caseLetters.sentOn,
        trackingNumber: caseLetters.trackingNumber,
        caseId: cases.id,
        incomingNumber: cases.incomingNumber,
      })
      .from(caseLetters)
      .innerJoin(cases, eq(cases.id, caseLetters.caseId))
      .where(where)
      .orderBy(desc(letterDate), desc(caseLetters.id))
      .limit(page.limit)
      .offset(page.offset),
    db
      .select({ n: sql<number>`count(*)::int` })
      .from(caseLetters)
      .innerJoin(cases, eq(cases.id, caseLetters.caseId))
      .where(where),
  ]);
  return { rows, total: total?.n ?? 0 };
}

export async function actRows(db: Db, filters: ActFilters, page: Page) {
  const where = and(...within(destructionActs.destroyedOn, filters));
  const [rows, [total]] = await Promise.all([
    db
      .select({
        id: destructionActs.id,
        number: destructionActs.number,
        destroyedOn: destructionActs.destroyedOn,
        keepUntil: destructionActs.keepUntil,
        entries: destructionActs.entries,
        reason: destructionActs.reason,
        caseId: cases.id,
        incomingNumber: cases.incomingNumber,
        subject: sql<string>`concat_ws(' ', ${subjects.lastName}, ${subjects.firstName}, ${subjects.middleName})`,
      })
      .from(destructionActs)
      .innerJoin(cases, eq(cases.id, destructionActs.caseId))
      .innerJoin(subjects, eq(subjects.id, destructionActs.subjectId))
      .where(where)
      .orderBy(desc(destructionActs.destroyedOn), desc(destructionActs.id))
      .limit(page.limit)
      .offset(page.offset),
    db.select({ n: sql<number>`count(*)::int` }).from(destructionActs).where(where),
  ]);
  return { rows, total: total?.n ?? 0 };
}

/**
 * Журнал учёта обращений субъектов: every request in the order it came, with its answers (letters of kind
 * `answer`, number and date) — the register the officer prints. Filtered like the incoming register.
 */
export async function requestJournalRows(db: Db, filters: IncomingFilters, page: Page) {
  // "cases"."id" written out: with no join, Drizzle leaves its own columns unqualified, and the subquery's
  // `id` would then be the letter's.
  const where = incomingWhere(filters);
  const [rows, [total]] = await Promise.all([
    db
      .select({
        id: cases.id,
        incomingNumber: cases.incomingNumber,
        receivedOn: cases.receivedOn,
        requesterName: cases.requesterName,
        kind: cases.type,
        summary: cases.summary,
        dueOn: cases.dueOn,
        extended: cases.extended,
        status: cases.status,
        statusReason: cases.statusReason,
        answers: sql<{ number: string; dateOn: string }[] | null>`(select json_agg(json_build_object(
          'number', l.outgoing_number, 'dateOn', l.content->>'dateOn') order by l.id)
          from case_letters l where l.case_id = "cases"."id" and l.kind = 'answer')`,
      })
      .from(cases)
      .where(where)
      .orderBy(cases.receivedOn, cases.id)
      .limit(page.limit)
      .offset(page.offset),
    db.select({ n: sql<number>`count(*)::int` }).from(cases).where(where),
  ]);
  return { rows, total: total?.n ?? 0 };
}

import { CalendarYearMissingError, type ProductionCalendar } from '@pd-desk/shared/calendar/production-calendar';
import {
  CASE_STATUSES,
  type CaseStatus,
  isOpenStatus,
  OPEN_STATUSES,
  SOON_WORKING_DAYS,
} from '@pd-desk/shared/cases/case-model';
import { msg } from '@pd-desk/shared/messages/catalogue';
import { maskFullName } from '@pd-desk/shared/subjects/subject-mask';
import type { TriageFilters, TriageListInput } from '@pd-desk/shared/triage/triage.schemas';
import { and, asc, desc, eq, gte, inArray, isNull, lt, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { preparedRows } from '../../db/prepared';
import { caseCounts, caseSubjects, cases } from '../../db/schema/cases';
import { users } from '../../db/schema/users';
import { DomainError } from '../../errors';
import type { Actor, ServiceContext } from '../../service-context';
import { blockClocksOfCase, IN_EFFECT } from '../blocks/block-queries';
import { blockStepsOf, type CaseBlockClocks } from '../blocks/list.service';
import { getCalendar } from '../calendar/calendar.service';
import { workingDaysLeft } from '../cases/case-deadline';
import { maskedRequester } from '../cases/case-records';
import { findSubjects } from '../subjects/search.service';

/**
 * Written out literally (not as bound parameters) so the planner can prove it matches the partial
 * index `cases_open_due_idx` and page the queue straight off the index.
 */
export const OPEN_CASES = sql.raw(`"cases"."status" in (${OPEN_STATUSES.map((s) => `'${s}'`).join(', ')})`);

export type Urgency = 'overdue' | 'today' | 'soon';

export function urgencyOf(daysLeft: number | null): Urgency | null {
  if (daysLeft === null) return null;
  if (daysLeft < 0) return 'overdue';
  if (daysLeft === 0) return 'today';
  return daysLeft <= SOON_WORKING_DAYS ? 'soon' : null;
}

/**
 * Urgency as due-date ranges, consistent with workingDaysLeft: "today" is every due date before the
 * next working day (a Sunday due date is today's work on Friday), "soon" the next two working days.
 */
export function urgencyRange(calendar: ProductionCalendar, today: string, urgency: Urgency): SQL | undefined {
  const after = (n: number) => calendar.addWorkingDays(today, n);
  switch (urgency) {
    case 'overdue':
      return lt(cases.dueOn, today);
    case 'today':
      return and(gte(cases.dueOn, today), lt(cases.dueOn, after(1)));
    case 'soon':
      return and(gte(cases.dueOn, after(1)), lt(cases.dueOn, after(SOON_WORKING_DAYS + 1)));
  }
}

function statusCondition(statuses: readonly CaseStatus[] | undefined): SQL | undefined {
  const wanted = statuses && statuses.length > 0 ? statuses : OPEN_STATUSES;
  const onlyOpen = wanted.every(isOpenStatus);
  if (onlyOpen && wanted.length === OPEN_STATUSES.length) return OPEN_CASES;
  if (wanted.length === CASE_STATUSES.length) return undefined;
  // A subset of open statuses still gets the index predicate, so the partial index stays usable.
  return onlyOpen ? and(OPEN_CASES, inArray(cases.status, [...wanted])) : inArray(cases.status, [...wanted]);
}

/** How many people the subject search may contribute to one queue search. */
const SEARCH_SUBJECTS = 200;

/**
 * An incoming number (the text has a digit), or a person: the subjects the subject search finds
 * (every case form, typos, transliteration) plus requesters whose name starts with the text.
 */
async function searchCondition(db: Db, search: string): Promise<SQL> {
  const literal = search.replace(/[%_\\]/g, '\\$&');
  if (/\d/.test(search)) return sql`${cases.incomingNumber} ilike ${`%${literal}%`}`;
  const { found } = await findSubjects(db, { query: search, limit: SEARCH_SUBJECTS });
  const requester = sql`${cases.requesterName} ilike ${`${literal}%`}`;
  if (found.length === 0) return requester;
  const ids = found.map((f) => f.candidate.id);
  return sql`(${requester} or exists (select 1 from ${caseSubjects}
    where ${caseSubjects.caseId} = ${cases.id} and ${inArray(caseSubjects.subjectId, ids)}))`;
}

export function triageWhere(
  filters: TriageFilters,
  actor: Actor,
  calendar: ProductionCalendar,
  today: string,
  search: SQL | undefined,
): SQL | undefined {
  const assignee =
    filters.assignee === undefined
      ? undefined
      : filters.assignee === 'none'
        ? isNull(cases.assigneeId)
        : eq(cases.assigneeId, filters.assignee === 'me' ? (actor.userId ?? -1) : filters.assignee);
  return and(
    statusCondition(filters.statuses),
    filters.types?.length ? inArray(cases.type, filters.types) : undefined,
    filters.channels?.length ? inArray(cases.channel, filters.channels) : undefined,
    assignee,
    filters.urgency ? urgencyRange(calendar, today, filters.urgency) : undefined,
    search,
  );
}

const SORT_COLUMNS = {
  due: cases.dueOn,
  received: cases.receivedOn,
  number: cases.incomingNumber,
  updated: cases.updatedAt,
} as const;

/** The columns of a queue row, by the names the service reads them under. */
const QUEUE_COLUMNS = {
  id: cases.id,
  version: cases.version,
  incomingNumber: cases.incomingNumber,
  type: cases.type,
  channel: cases.channel,
  status: cases.status,
  receivedOn: cases.receivedOn,
  dueOn: cases.dueOn,
  dueProvisional: cases.dueProvisional,
  dueOnDayOff: cases.dueOnDayOff,
  extended: cases.extended,
  requesterKind: cases.requesterKind,
  requesterName: cases.requesterName,
  // Kept on the case row by triggers (migration 0015): no lookup among the subjects per row.
  subjectNames: cases.subjectNames,
};
type QueueRow = Pick<typeof cases.$inferSelect, keyof typeof QUEUE_COLUMNS> & {
  assignee: { id: number; displayName: string } | null;
  /** A subject of the case is blocked (by this or another case). */
  blocked: boolean;
  /** This case's own blocks in effect, null when it has none. */
  blocks: CaseBlockClocks[] | null;
};

/** Built once: the select list is the same on every call, only the filter, order and page change. */
const SELECT_LIST = sql.join(
  [
    ...Object.entries(QUEUE_COLUMNS).map(([name, column]) => sql`${column} as ${sql.identifier(name)}`),
    sql`case when ${users.id} is null then null else json_build_object('id', ${users.id}, 'displayName', ${users.displayName}) end as assignee`,
    sql`exists (select 1 from ${caseSubjects} cs join blocks b on b.subject_id = cs.subject_id
            where cs.case_id = ${cases.id} and b.state in ${IN_EFFECT}) as blocked`,
    sql`${blockClocksOfCase(cases.id)} as blocks`,
  ],
  sql`, `,
);

/**
 * LIMIT and OFFSET are written into the statement: a prepared statement then plans for the page it fetches (a bound
 * LIMIT is planned as a tenth of the table), and pages repeat (0, 100, 200…). Checked integers, never user text.
 */
function pageBound(n: number): SQL {
  if (!Number.isSafeInteger(n) || n < 0) throw new Error(`not a page bound: ${n}`);
  return sql.raw(String(n));
}

/**
 * The page, its total and each row's blocks in ONE statement: PGlite serves one statement at a time, so three round
 * trips cost three times the protocol and parsing overhead. The page travels as a single JSON value (dates already
 * as 'YYYY-MM-DD' text), parsed once by the driver instead of field by field and then mapped row by row by drizzle.
 * json_agg keeps the order of its sorted sub-select (PostgreSQL aggregates a sorted subquery's rows in order).
 */
async function selectQueuePage(
  db: Db,
  where: { matching: SQL | undefined; counted: boolean },
  orderBy: SQL,
  page: { limit: number; offset: number },
): Promise<{ total: number; items: QueueRow[] }> {
  const matching = where.matching ?? sql`true`;
  // case_counts under the name "cases": its columns are named as the ones the filter reads, so the same predicate
  // sums a few counter rows instead of counting every open case.
  const total = where.counted
    ? sql`select coalesce(sum(n), 0)::int from ${caseCounts} as ${sql.identifier('cases')} where ${matching}`
    : sql`select count(*)::int from ${cases} where ${matching}`;
  const [result] = await preparedRows<{ total: number; items: QueueRow[] }>(
    db,
    sql`select (${total}) as total,
      coalesce((select json_agg(p) from (
        select ${SELECT_LIST}
        from ${cases} left join ${users} on ${users.id} = ${cases.assigneeId}
        where ${matching}
        order by ${orderBy}
        limit ${pageBound(page.limit)} offset ${pageBound(page.offset)}) p), '[]') as items`,
  );
  return result ?? { total: 0, items: [] };
}

/** The queue page: sorted and paged in SQL, with working days left computed for each row. */
export async function triageList({ db, actor, clock }: ServiceContext, input: TriageListInput) {
  const calendar = await getCalendar(db);
  const today = clock.today();
  const search = input.search ? await searchCondition(db, input.search) : undefined;
  let where: SQL | undefined;
  try {
    where = triageWhere(input, actor, calendar, today, search);
  } catch (error) {
    if (error instanceof CalendarYearMissingError) {
      throw new DomainError(
        'PRECONDITION_FAILED',
        msg('calendar.yearMissing', { year: error.year }),
        'calendar_year_missing',
      );
    }
    throw error;
  }
  const order = input.direction === 'desc' ? desc : asc;
  const { total, items: rows } = await selectQueuePage(
    db,
    // Urgency (due dates) and search read columns case_counts does not keep: those totals are counted.
    { matching: where, counted: !input.urgency && !search },
    sql`${order(SORT_COLUMNS[input.sort])}, ${order(cases.id)}`,
    input,
  );
  // Rows share due dates; each distinct one is counted once (the count walks the calendar day by day).
  const daysLeftByDue = new Map<string, number | null>();
  const daysLeftOf = (dueOn: string) => {
    if (!daysLeftByDue.has(dueOn)) daysLeftByDue.set(dueOn, workingDaysLeft(calendar, today, dueOn));
    return daysLeftByDue.get(dueOn) ?? null;
  };
  return {
    today,
    total,
    // A literal of fixed shape per row, not a spread of the parsed row: no clear name can ride along into the output,
    // and V8 builds it without copying properties one by one (the queue's hot path, ADR 0028).
    items: rows.map((row) => {
      const daysLeft = isOpenStatus(row.status) ? daysLeftOf(row.dueOn) : null;
      return {
        id: row.id,
        version: row.version,
        incomingNumber: row.incomingNumber,
        type: row.type,
        channel: row.channel,
        status: row.status,
        receivedOn: row.receivedOn,
        dueOn: row.dueOn,
        dueProvisional: row.dueProvisional,
        dueOnDayOff: row.dueOnDayOff,
        extended: row.extended,
        requesterKind: row.requesterKind,
        blocked: row.blocked,
        blockSteps: row.blocks ? blockStepsOf(row.blocks, row.dueOn, calendar, today) : [],
        workingDaysLeft: daysLeft,
        urgency: urgencyOf(daysLeft),
        requester: maskedRequester(row.requesterKind, row.requesterName),
        subjects: row.subjectNames.map(maskFullName),
        assignee: row.assignee,
      };
    }),
  };
}

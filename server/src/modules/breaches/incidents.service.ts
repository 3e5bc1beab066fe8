import { NEXT_BREACH_STATUS } from '@pd-desk/shared/breaches/breach-model';
import type {
  CreateBreachInput,
  ListBreachesInput,
  UpdateBreachInput,
} from '@pd-desk/shared/breaches/breaches.schemas';
import { formatInstant, parseInstant } from '@pd-desk/shared/calendar/instant';
import { msg } from '@pd-desk/shared/messages/catalogue';
import { and, desc, eq, gte, inArray, lt, type SQL, sql } from 'drizzle-orm';
import type { AuditChanges } from '../../db/schema/audit';
import { breaches } from '../../db/schema/breaches';
import { processingSystems } from '../../db/schema/subject-records';
import { DomainError } from '../../errors';
import type { ServiceContext } from '../../service-context';
import { refuseFutureInstant } from '../calendar/past-dates';
import { breachClocks } from './breach-clocks';
import {
  assertNotClosed,
  type BreachRow,
  breachNumber,
  filingJson,
  lockBreach,
  recordBreachEvent,
  saveBreach,
} from './breach-records';

/** An incident cannot be established after now (a drill is entered when it happens, not ahead). */
function establishedAtFrom(text: string, clock: ServiceContext['clock']): Date {
  const at = parseInstant(text, clock.timeZone);
  refuseFutureInstant(clock, 'established', at);
  return at;
}

/**
 * What the audit keeps of a change: values of the structured fields, only the names of the free-text
 * ones (descriptions and contacts may name people; the page, not the trail, shows them).
 */
const STRUCTURED = new Set([
  'establishedAt',
  'category',
  'dataCategories',
  'systemIds',
  'subjectsEstimate',
  'subjectsExact',
  'status',
]);
function auditChanges(before: Partial<BreachRow>, after: Partial<BreachRow>): AuditChanges {
  const changes: AuditChanges = {};
  for (const key of Object.keys(after) as (keyof BreachRow)[]) {
    const a = before[key];
    const b = after[key];
    if (JSON.stringify(a) === JSON.stringify(b)) continue;
    changes[key] = STRUCTURED.has(key) ? { before: a ?? null, after: b ?? null } : { before: '…', after: '…' };
  }
  return changes;
}

async function assertSystemsExist(ctx: ServiceContext, ids: readonly number[]) {
  if (ids.length === 0) return;
  const found = await ctx.db
    .select({ id: processingSystems.id })
    .from(processingSystems)
    .where(inArray(processingSystems.id, [...ids]));
  if (found.length !== new Set(ids).size)
    throw new DomainError('BAD_REQUEST', msg('breaches.systemNotFound'), 'system_not_found');
}

export async function createBreach(ctx: ServiceContext, input: CreateBreachInput) {
  const { db, actor, clock } = ctx;
  const { establishedAt: text, ...fields } = input;
  const establishedAt = establishedAtFrom(text, clock);
  await assertSystemsExist(ctx, fields.systemIds);
  return db.transaction(async (tx) => {
    const values = { ...fields, systemIds: [...new Set(fields.systemIds)], establishedAt, createdById: actor.userId };
    const [created] = await tx
      .insert(breaches)
      .values(values)
      .returning({ id: breaches.id, version: breaches.version });
    if (!created) throw new Error('breach insert returned nothing');
    await recordBreachEvent(tx, actor, created.id, {
      kind: 'created',
      text: `Инцидент ${breachNumber(created.id)} зарегистрирован`,
      changes: auditChanges({}, values),
    });
    return { ...created, number: breachNumber(created.id) };
  });
}

export async function updateBreach(ctx: ServiceContext, input: UpdateBreachInput) {
  const { db, actor, clock } = ctx;
  const { id, version, establishedAt: text, ...rest } = input;
  if (rest.systemIds) await assertSystemsExist(ctx, rest.systemIds);
  return db.transaction(async (tx) => {
    const row = await lockBreach(tx, { id, version });
    assertNotClosed(row, 'изменить инцидент');
    const patch: Partial<BreachRow> = Object.fromEntries(
      Object.entries(rest).filter(([, value]) => value !== undefined),
    );
    if (text !== undefined) {
      if (row.status !== 'open') {
        throw new DomainError('BAD_REQUEST', msg('breaches.establishedFiled'), 'established_filed');
      }
      patch.establishedAt = establishedAtFrom(text, clock);
    }
    const changes = auditChanges(row, patch);
    if (Object.keys(changes).length === 0) return { id, version: row.version };
    const saved = await saveBreach(tx, row, patch);
    await recordBreachEvent(tx, actor, id, { kind: 'updated', text: 'Сведения об инциденте изменены', changes });
    return { id, version: saved.version };
  });
}

export async function addBreachNote({ db, actor }: ServiceContext, input: { id: number; text: string }) {
  return db.transaction(async (tx) => {
    const row = await lockBreach(tx, { id: input.id });
    await recordBreachEvent(tx, actor, row.id, { kind: 'note', text: input.text });
  });
}

export async function closeBreach(
  { db, actor, clock }: ServiceContext,
  input: { id: number; version: number; note: string },
) {
  return db.transaction(async (tx) => {
    const row = await lockBreach(tx, input);
    if (NEXT_BREACH_STATUS[row.status] !== 'closed') {
      throw new DomainError('BAD_REQUEST', msg('breaches.notReported'), 'breach_not_reported');
    }
    const saved = await saveBreach(tx, row, { status: 'closed', closedAt: clock.now() });
    await recordBreachEvent(tx, actor, row.id, {
      kind: 'closed',
      text: input.note || 'Инцидент закрыт',
      changes: auditChanges(row, { status: 'closed' }),
    });
    return { id: row.id, version: saved.version };
  });
}

function registerWhere(
  input: Pick<ListBreachesInput, 'status' | 'category' | 'from' | 'to'>,
  timeZone: string,
): SQL | undefined {
  const dayStart = (date: string) => sql`(${date}::date)::timestamp at time zone ${timeZone}`;
  return and(
    input.status ? eq(breaches.status, input.status) : undefined,
    input.category ? eq(breaches.category, input.category) : undefined,
    input.from ? gte(breaches.establishedAt, dayStart(input.from)) : undefined,
    input.to ? lt(breaches.establishedAt, sql`${dayStart(input.to)} + interval '1 day'`) : undefined,
  );
}

/** The register (журнал учёта инцидентов): no personal data in it, only what happened and the filings. */
export async function listBreaches({ db, clock }: ServiceContext, input: ListBreachesInput) {
  const where = registerWhere(input, clock.timeZone);
  const [rows, [total]] = await Promise.all([
    db
      .select({
        id: breaches.id,
        establishedAt: breaches.establishedAt,
        category: breaches.category,
        description: breaches.description,
        dataCategories: breaches.dataCategories,
        subjectsEstimate: breaches.subjectsEstimate,
        subjectsExact: breaches.subjectsExact,
        status: breaches.status,
        closedAt: breaches.closedAt,
        notice: filingJson('notice'),
        report: filingJson('report'),
        affected: sql<number>`(select count(*)::int from breach_subjects s where s.breach_id = breaches.id)`,
      })
      .from(breaches)
      .where(where)
      .orderBy(desc(breaches.establishedAt), desc(breaches.id))
      .limit(input.limit)
      .offset(input.offset),
    db.select({ count: sql<number>`count(*)::int` }).from(breaches).where(where),
  ]);
  const now = clock.now();
  return {
    total: total?.count ?? 0,
    rows: rows.map((row) => ({
      ...row,
      number: breachNumber(row.id),
      established: formatInstant(row.establishedAt, clock.timeZone),
      clocks: breachClocks(row, now, clock.timeZone),
    })),
  };
}

/** Incidents by month (in the operator's zone) and category, for the register's chart. */
export async function breachChart(
  { db, clock }: ServiceContext,
  input: Pick<ListBreachesInput, 'status' | 'category' | 'from' | 'to'>,
) {
  const month = sql<string>`to_char(${breaches.establishedAt} at time zone ${clock.timeZone}, 'YYYY-MM')`;
  // By position: the zone is a parameter, and `$1` in the select and `$2` in GROUP BY are not the same expression.
  return db
    .select({ month, category: breaches.category, count: sql<number>`count(*)::int` })
    .from(breaches)
    .where(registerWhere(input, clock.timeZone))
    .groupBy(sql`1`, sql`2`)
    .orderBy(sql`1`);
}

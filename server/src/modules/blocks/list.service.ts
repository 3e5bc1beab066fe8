import { BLOCK_IN_EFFECT, type BlockClocks, type BlockStep, nextBlockStep } from '@pd-desk/shared/blocks/block-model';
import type { ListBlocksInput } from '@pd-desk/shared/blocks/blocks.schemas';
import { todayIn } from '@pd-desk/shared/calendar/deadlines';
import type { ProductionCalendar } from '@pd-desk/shared/calendar/production-calendar';
import { maskFullName } from '@pd-desk/shared/subjects/subject-mask';
import { and, asc, desc, eq, inArray, notInArray, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { blocks, blockTargets } from '../../db/schema/blocks';
import { cases } from '../../db/schema/cases';
import { processingPurposes, processingSystems } from '../../db/schema/subject-records';
import { subjects } from '../../db/schema/subjects';
import type { ServiceContext } from '../../service-context';
import { auditView } from '../audit/audit-queue';
import { getCalendar } from '../calendar/calendar.service';
import { workingDaysLeft } from '../cases/case-deadline';
import { maskedRequester } from '../cases/case-records';
import { fullNameOf } from '../subjects/page.service';

/** The list the blocks screen and the subject page show: people masked, each block with its next step and clock. */

/** A clinic holds tens of blocks, not thousands: filtered by step after the clocks are known, then paged. */
const MAX_BLOCKS = 2000;

export const blockColumns = {
  id: blocks.id,
  version: blocks.version,
  caseId: blocks.caseId,
  caseNumber: cases.incomingNumber,
  caseDueOn: cases.dueOn,
  subjectId: blocks.subjectId,
  reason: blocks.reason,
  state: blocks.state,
  requesterKind: blocks.requesterKind,
  requesterName: cases.requesterName,
  outcome: blocks.outcome,
  decidedOn: blocks.decidedOn,
  rectifyDueOn: blocks.rectifyDueOn,
  stopDueOn: blocks.stopDueOn,
  destroyDueOn: blocks.destroyDueOn,
  keepUntil: blocks.keepUntil,
  rectifiedAt: blocks.rectifiedAt,
  stoppedAt: blocks.stoppedAt,
  destroyedAt: blocks.destroyedAt,
  createdAt: blocks.createdAt,
  liftedAt: blocks.liftedAt,
  liftReason: blocks.liftReason,
  lastName: subjects.lastName,
  firstName: subjects.firstName,
  middleName: subjects.middleName,
};

function blockQuery(db: Db) {
  return db
    .select(blockColumns)
    .from(blocks)
    .innerJoin(cases, eq(cases.id, blocks.caseId))
    .innerJoin(subjects, eq(subjects.id, blocks.subjectId));
}
export type BlockListRow = Awaited<ReturnType<typeof blockQuery>>[number];

export async function selectBlocks(db: Db, where: SQL | undefined): Promise<BlockListRow[]> {
  return blockQuery(db).where(where).orderBy(desc(blocks.createdAt), desc(blocks.id)).limit(MAX_BLOCKS);
}

/** What each block covers, in words the officer reads: system and purpose names, record ids, field codes. */
export async function scopesOf(db: Db, blockIds: number[]) {
  if (blockIds.length === 0) return new Map<number, ScopeItem[]>();
  const rows = await db
    .select({
      blockId: blockTargets.blockId,
      kind: blockTargets.kind,
      recordId: blockTargets.recordId,
      field: blockTargets.field,
      system: processingSystems.name,
      purpose: processingPurposes.name,
    })
    .from(blockTargets)
    .leftJoin(processingSystems, eq(processingSystems.id, blockTargets.systemId))
    .leftJoin(processingPurposes, eq(processingPurposes.id, blockTargets.purposeId))
    .where(inArray(blockTargets.blockId, blockIds))
    .orderBy(asc(blockTargets.id));
  const byBlock = new Map<number, ScopeItem[]>();
  for (const { blockId, ...item } of rows) byBlock.set(blockId, [...(byBlock.get(blockId) ?? []), item]);
  return byBlock;
}
export type ScopeItem = {
  kind: string;
  recordId: number | null;
  field: string | null;
  system: string | null;
  purpose: string | null;
};

/** Rows as lists show them: masked person and requester, age, scope, next step with its working days left. */
export function presentBlock(
  { lastName, firstName, middleName, requesterName, caseDueOn, ...r }: BlockListRow,
  scope: ScopeItem[],
  today: string,
  timeZone: string,
  calendar: ProductionCalendar,
) {
  const next = nextBlockStep({ ...r, caseDueOn });
  const createdOn = todayIn(timeZone, new Date(r.createdAt));
  return {
    ...r,
    subject: maskFullName(fullNameOf({ lastName, firstName, middleName })),
    requester: maskedRequester(r.requesterKind, requesterName),
    ageDays: Math.round((Date.parse(today) - Date.parse(createdOn)) / 86_400_000),
    scope,
    nextStep: next ? { ...next, workingDaysLeft: workingDaysLeft(calendar, today, next.dueOn) } : null,
  };
}
export type BlockListItem = ReturnType<typeof presentBlock>;

export async function presentBlocks(db: Db, rows: BlockListRow[], today: string, timeZone: string) {
  const [calendar, scopes] = await Promise.all([
    getCalendar(db),
    scopesOf(
      db,
      rows.map((r) => r.id),
    ),
  ]);
  return rows.map((r) => presentBlock(r, scopes.get(r.id) ?? [], today, timeZone, calendar));
}

export async function listBlocks({ db, actor, clock }: ServiceContext, input: ListBlocksInput) {
  const inEffect = [...BLOCK_IN_EFFECT];
  const where = and(
    input.view === 'active' ? inArray(blocks.state, inEffect) : notInArray(blocks.state, inEffect),
    input.reason ? eq(blocks.reason, input.reason) : undefined,
    input.requesterKind ? eq(blocks.requesterKind, input.requesterKind) : undefined,
    input.state ? eq(blocks.state, input.state) : undefined,
  );
  const today = clock.today();
  const all = await presentBlocks(db, await selectBlocks(db, where), today, clock.timeZone);
  const matching = input.step ? all.filter((b) => b.nextStep?.step === (input.step as BlockStep)) : all;
  const items = matching.slice(input.offset, input.offset + input.limit);
  await auditView(db, actor, {
    action: 'block.list',
    objectType: 'block',
    details: { view: input.view, blockIds: items.map((b) => b.id) },
  });
  return { today, total: matching.length, items };
}

/** A case's blocks in effect as the triage queue's statement returns them (blockClocksOfCase), newest first. */
export type CaseBlockClocks = Omit<BlockClocks, 'caseDueOn'> & { blockId: number };

/** For the triage queue: each block in effect with its next due step and the working days left to it. */
export function blockStepsOf(
  clocks: readonly CaseBlockClocks[],
  caseDueOn: string,
  calendar: ProductionCalendar,
  today: string,
) {
  return clocks.flatMap(({ blockId, ...b }) => {
    const next = nextBlockStep({ ...b, caseDueOn });
    return next ? [{ blockId, ...next, workingDaysLeft: workingDaysLeft(calendar, today, next.dueOn) }] : [];
  });
}

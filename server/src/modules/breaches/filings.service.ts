import { FILING_STATUS, type FilingKind, NEXT_BREACH_STATUS } from '@pd-desk/shared/breaches/breach-model';
import type { FileBreachInput } from '@pd-desk/shared/breaches/breaches.schemas';
import { type RknNoticeField, rknNoticeFields, rknNoticeTitle } from '@pd-desk/shared/breaches/rkn-notice';
import { formatInstant, parseInstant } from '@pd-desk/shared/calendar/instant';
import { msg } from '@pd-desk/shared/messages/catalogue';
import { and, eq, inArray } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client';
import { breachFilings } from '../../db/schema/breaches';
import { processingSystems } from '../../db/schema/subject-records';
import { DomainError } from '../../errors';
import type { ServiceContext } from '../../service-context';
import { getSetting } from '../settings/settings.service';
import {
  assertBreachExists,
  type BreachRow,
  breachNumber,
  lockBreach,
  recordBreachEvent,
  saveBreach,
} from './breach-records';

async function filingOf(db: Db | Tx, breachId: number, kind: FilingKind) {
  const [filing] = await db
    .select({
      fields: breachFilings.fields,
      filedAt: breachFilings.filedAt,
      portalReference: breachFilings.portalReference,
    })
    .from(breachFilings)
    .where(and(eq(breachFilings.breachId, breachId), eq(breachFilings.kind, kind)));
  return filing ?? null;
}

/** The draft from the incident as it is now; the letterhead gives the operator's name and address. */
async function draftFields(db: Db | Tx, row: BreachRow, kind: FilingKind, timeZone: string): Promise<RknNoticeField[]> {
  const [letterhead, systems, notice] = await Promise.all([
    getSetting(db, 'letterhead'),
    row.systemIds.length === 0
      ? []
      : db
          .select({ name: processingSystems.name })
          .from(processingSystems)
          .where(inArray(processingSystems.id, row.systemIds)),
    kind === 'report' ? filingOf(db, row.id, 'notice') : null,
  ]);
  return rknNoticeFields(
    kind,
    {
      ...row,
      operatorName: letterhead.operatorName,
      operatorAddress: letterhead.address,
      systems: systems.map((s) => s.name),
      noticeReference: notice?.portalReference ?? null,
    },
    timeZone,
  );
}

/** A filed notice is shown as it was filed (frozen); an unfiled one as a draft from the current record. */
export async function breachNotice({ db, clock }: ServiceContext, input: { id: number; kind: FilingKind }) {
  const row = await assertBreachExists(db, input.id);
  const filed = await filingOf(db, row.id, input.kind);
  return {
    number: breachNumber(row.id),
    kind: input.kind,
    title: rknNoticeTitle(input.kind),
    frozen: filed !== null,
    filedAt: filed?.filedAt ?? null,
    filedAtLocal: filed ? formatInstant(filed.filedAt, clock.timeZone) : null,
    portalReference: filed?.portalReference ?? null,
    fields: filed?.fields ?? (await draftFields(db, row, input.kind, clock.timeZone)),
  };
}

/**
 * Records a filing at the portal: its time and reference, and the fields exactly as the draft stood,
 * frozen from then on. The notice comes first, the report after it; each files once.
 */
export async function fileBreach({ db, actor, clock }: ServiceContext, input: FileBreachInput) {
  const filedAt = parseInstant(input.filedAt, clock.timeZone);
  return db.transaction(async (tx) => {
    const row = await lockBreach(tx, input);
    const target = FILING_STATUS[input.kind];
    if (NEXT_BREACH_STATUS[row.status] !== target) {
      const message =
        input.kind === 'notice'
          ? msg('breaches.noticeAlreadyFiled')
          : row.status === 'open'
            ? msg('breaches.noticeFirst')
            : msg('breaches.reportAlreadyFiled');
      throw new DomainError('BAD_REQUEST', message, 'filing_order');
    }
    if (filedAt.getTime() < row.establishedAt.getTime() || filedAt.getTime() > clock.now().getTime() + 60_000) {
      throw new DomainError('BAD_REQUEST', msg('breaches.filedAtRange'), 'filed_at_range');
    }
    const fields = await draftFields(tx, row, input.kind, clock.timeZone);
    await tx.insert(breachFilings).values({
      breachId: row.id,
      kind: input.kind,
      fields,
      filedAt,
      portalReference: input.portalReference,
      filedById: actor.userId,
    });
    const saved = await saveBreach(tx, row, { status: target });
    await recordBreachEvent(tx, actor, row.id, {
      kind: input.kind === 'notice' ? 'notice_filed' : 'report_filed',
      text: `${rknNoticeTitle(input.kind)}: направлено, № ${input.portalReference}`,
      details: { filedAt: filedAt.toISOString(), portalReference: input.portalReference },
      changes: { status: { before: row.status, after: target } },
    });
    return { id: row.id, version: saved.version };
  });
}

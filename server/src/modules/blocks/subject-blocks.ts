import { isBlockInEffect } from '@pd-desk/shared/blocks/block-model';
import type { PdField } from '@pd-desk/shared/subjects/pd-records';
import type { Clock } from '../../clock';
import type { Db } from '../../db/client';
import type { blockRecords, blocks, blockTargets } from '../../db/schema/blocks';
import { getCalendar } from '../calendar/calendar.service';
import { presentBlock } from './list.service';

type TreeBlock = Omit<typeof blocks.$inferSelect, 'description' | 'notBlockedReason' | 'outcomeNote' | 'updatedAt'> & {
  case: { incomingNumber: string; dueOn: string; requesterName: string };
  targets: (Pick<typeof blockTargets.$inferSelect, 'kind' | 'recordId' | 'field'> & {
    system: { name: string } | null;
    purpose: { name: string } | null;
  })[];
  records: Pick<typeof blockRecords.$inferSelect, 'recordId' | 'fields'>[];
};
type TreeSubject = { lastName: string; firstName: string; middleName: string | null; blocks: TreeBlock[] };

/**
 * The subject page's blocks, from the rows its one relational statement loaded (no extra reads for a person without
 * blocks), and which records blocks in effect hold: null = the whole record, else the blocked fields.
 */
export async function subjectBlocks(db: Db, s: TreeSubject, clock: Clock) {
  const held = new Map<number, PdField[] | null>();
  if (s.blocks.length === 0) return { blocks: [], held };
  const calendar = await getCalendar(db);
  const today = clock.today();
  const list = s.blocks.map(({ case: c, targets, records, ...b }) => {
    if (isBlockInEffect(b.state)) {
      for (const r of records) {
        const before = held.get(r.recordId);
        held.set(
          r.recordId,
          before === null || r.fields === null ? null : [...new Set([...(before ?? []), ...r.fields])],
        );
      }
    }
    const row = {
      ...b,
      caseNumber: c.incomingNumber,
      caseDueOn: c.dueOn,
      requesterName: c.requesterName,
      lastName: s.lastName,
      firstName: s.firstName,
      middleName: s.middleName,
    };
    const scope = targets.map((t) => ({
      kind: t.kind,
      recordId: t.recordId,
      field: t.field,
      system: t.system?.name ?? null,
      purpose: t.purpose?.name ?? null,
    }));
    return presentBlock(row, scope, today, clock.timeZone, calendar);
  });
  return { blocks: list, held };
}

// Writes the demo records, consents and representatives that demo-records-plan.ts plans for each demo subject,
// in chunks, against the processing systems and purposes of the catalogue.

import { asc, inArray } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client';
import {
  consents,
  pdRecords,
  processingPurposes,
  processingSystems,
  subjectRepresentatives,
} from '../../db/schema/subject-records';
import { subjects } from '../../db/schema/subjects';
import { planFor, REFERENCE_DATE } from './demo-records-plan';

const CHUNK = 2_000;

type Catalogue = { system: Map<string, number>; purpose: Map<string, number> };

async function catalogueIds(db: Tx | Db): Promise<Catalogue> {
  const [systems, purposes] = await Promise.all([
    db.select({ id: processingSystems.id, code: processingSystems.code }).from(processingSystems),
    db.select({ id: processingPurposes.id, code: processingPurposes.code }).from(processingPurposes),
  ]);
  return {
    system: new Map(systems.map((s) => [s.code, s.id])),
    purpose: new Map(purposes.map((p) => [p.code, p.id])),
  };
}

function idOf(map: Map<string, number>, code: string): number {
  const id = map.get(code);
  if (id === undefined) throw new Error(`catalogue has no «${code}»: was migration 0005 applied?`);
  return id;
}

/**
 * Gives the demo subjects PD records, consents (some withdrawn, with the records they covered stopped) and, for
 * children, a parent as representative. For the demo seed: call it in the seed's transaction with the new ids.
 */
export async function seedSubjectRecords(db: Tx | Db, subjectIds: readonly number[]): Promise<{ records: number }> {
  const catalogue = await catalogueIds(db);
  let records = 0;
  for (let from = 0; from < subjectIds.length; from += CHUNK) {
    const ids = subjectIds.slice(from, from + CHUNK);
    const people = await db.select().from(subjects).where(inArray(subjects.id, ids));
    const withEmail = new Set(
      (
        await db.query.subjectEmails.findMany({
          columns: { subjectId: true },
          where: (t, { inArray: within }) => within(t.subjectId, ids),
        })
      ).map((e) => e.subjectId),
    );
    const plans = people.map((p) => planFor(p, withEmail.has(p.id)));
    const consentRows = plans.flatMap((plan) =>
      plan.consents.map(({ purpose, ...c }) => ({
        ...c,
        subjectId: plan.subjectId,
        purposeId: idOf(catalogue.purpose, purpose),
      })),
    );
    const inserted =
      consentRows.length === 0
        ? []
        : await db
            .insert(consents)
            .values(consentRows)
            .returning({ id: consents.id, subjectId: consents.subjectId, purposeId: consents.purposeId });
    const consentId = new Map(inserted.map((c) => [`${c.subjectId}:${c.purposeId}`, c.id]));
    const recordRows = plans.flatMap((plan) =>
      plan.records.map(({ system, purpose, consent, ...r }) => ({
        ...r,
        subjectId: plan.subjectId,
        systemId: idOf(catalogue.system, system),
        purposeId: idOf(catalogue.purpose, purpose),
        consentId: consent ? (consentId.get(`${plan.subjectId}:${idOf(catalogue.purpose, consent)}`) ?? null) : null,
        stateChangedAt: r.state === 'active' ? null : `${REFERENCE_DATE}T06:00:00Z`,
      })),
    );
    if (recordRows.length > 0) await db.insert(pdRecords).values(recordRows);
    const representativeRows = plans.flatMap((plan) =>
      plan.representatives.map((r) => ({ ...r, subjectId: plan.subjectId })),
    );
    if (representativeRows.length > 0) await db.insert(subjectRepresentatives).values(representativeRows);
    records += recordRows.length;
  }
  return { records };
}

/** Demo records for every subject in the registry (the first-start demo set), in one transaction. */
export async function seedSubjectRecordsForAll(db: Db): Promise<{ records: number }> {
  return db.transaction(async (tx) => {
    const rows = await tx.select({ id: subjects.id }).from(subjects).orderBy(asc(subjects.id));
    return seedSubjectRecords(
      tx,
      rows.map((r) => r.id),
    );
  });
}

import type { LegalBasis, PdField, RecordState } from '@pd-desk/shared/subjects/pd-records';
import { asc, eq, inArray } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client';
import { caseSubjects } from '../../db/schema/cases';
import { pdRecords, processingPurposes, processingSystems } from '../../db/schema/subject-records';

/** One PD record of a subject the case is about, with the catalogue's words for its system and purpose. */
export type RecordFact = {
  systemName: string;
  /** Who processes the system's data on the operator's instruction; null when the clinic does it itself. */
  processor: string | null;
  purposeName: string;
  /** The purpose's law or policy clause, the basis quoted when the record names none of its own. */
  purposeSource: string | null;
  legalBasis: LegalBasis;
  legalBasisNote: string | null;
  dataFields: PdField[];
  source: string | null;
  state: RecordState;
};

/** What the drafts know about the people a case is about: how many are linked, and their records. */
export type LetterFacts = { subjectIds: number[]; records: RecordFact[] };

export const NO_FACTS: LetterFacts = { subjectIds: [], records: [] };

export async function letterFacts(db: Db | Tx, caseId: number): Promise<LetterFacts> {
  const links = await db
    .select({ subjectId: caseSubjects.subjectId })
    .from(caseSubjects)
    .where(eq(caseSubjects.caseId, caseId));
  const subjectIds = links.map((link) => link.subjectId);
  if (subjectIds.length === 0) return NO_FACTS;
  const records = await db
    .select({
      systemName: processingSystems.name,
      processor: processingSystems.processor,
      purposeName: processingPurposes.name,
      purposeSource: processingPurposes.source,
      legalBasis: pdRecords.legalBasis,
      legalBasisNote: pdRecords.legalBasisNote,
      dataFields: pdRecords.dataFields,
      source: pdRecords.source,
      state: pdRecords.state,
    })
    .from(pdRecords)
    .innerJoin(processingSystems, eq(processingSystems.id, pdRecords.systemId))
    .innerJoin(processingPurposes, eq(processingPurposes.id, pdRecords.purposeId))
    .where(inArray(pdRecords.subjectId, subjectIds))
    .orderBy(asc(processingSystems.id), asc(processingPurposes.id), asc(pdRecords.id));
  return { subjectIds, records };
}

import { CASE_REVEAL_FIELDS, type CaseRevealField } from '@pd-desk/shared/cases/cases.schemas';
import { msg } from '@pd-desk/shared/messages/catalogue';
import { maskAddress, maskDigits } from '@pd-desk/shared/subjects/record-mask';
import { maskBirthDate, maskEmail } from '@pd-desk/shared/subjects/subject-mask';
import { asc, eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { caseSubjects, cases } from '../../db/schema/cases';
import { subjects } from '../../db/schema/subjects';
import { DomainError } from '../../errors';
import type { Actor, ServiceContext } from '../../service-context';
import { appendAudit } from '../audit/audit.service';
import { fullNameOf } from '../subjects/page.service';
import { type CaseRow, maskedRequester } from './case-records';

/**
 * Who may see what on a case (docs/security.md «Who may see what»): the page shows people masked
 * for every role, with the subject card's masks; a reveal opens them, named in the audit entry.
 * Officer and auditor may reveal everything. The registrar may reveal only the requester of a case
 * they registered themselves — what they typed at intake, to check it — never the linked subjects
 * (the subject card is masked for them too) and never other people's cases.
 */

type RequesterColumns = Pick<
  CaseRow,
  'createdById' | 'requesterKind' | 'requesterName' | 'requesterAddress' | 'requesterEmail' | 'authorityDocument'
>;

export function requesterInClear(row: RequesterColumns) {
  return {
    name: row.requesterName,
    address: row.requesterAddress,
    email: row.requesterEmail,
    authorityDocument: row.authorityDocument,
  };
}

/** An authority (Roskomnadzor) is not personal data: its name and address stay in clear. */
export function maskedRequesterFields(row: RequesterColumns) {
  if (row.requesterKind === 'rkn') return requesterInClear(row);
  return {
    name: maskedRequester(row.requesterKind, row.requesterName),
    address: row.requesterAddress && maskAddress(row.requesterAddress),
    email: row.requesterEmail && maskEmail(row.requesterEmail),
    authorityDocument: row.authorityDocument && maskDigits(row.authorityDocument),
  };
}

/** The people a case is about, in clear (`masked` false) or as every list shows them. */
export async function linkedSubjects(db: Db, caseId: number, masked: boolean) {
  const rows = await db
    .select({
      id: subjects.id,
      lastName: subjects.lastName,
      firstName: subjects.firstName,
      middleName: subjects.middleName,
      birthDate: subjects.birthDate,
    })
    .from(caseSubjects)
    .innerJoin(subjects, eq(subjects.id, caseSubjects.subjectId))
    .where(eq(caseSubjects.caseId, caseId))
    .orderBy(asc(subjects.lastName), asc(subjects.id));
  return rows.map((s) => ({
    id: s.id,
    name: masked ? maskedRequester('subject', fullNameOf(s)) : fullNameOf(s),
    birthDate: s.birthDate && (masked ? maskBirthDate(s.birthDate) : s.birthDate),
  }));
}

/** What this user may open on this case; the page uses it to offer «Показать» only where it works. */
export function revealableFields(actor: Actor, row: Pick<CaseRow, 'createdById'>): CaseRevealField[] {
  if (actor.role === 'officer' || actor.role === 'auditor') return [...CASE_REVEAL_FIELDS];
  return actor.role === 'registrar' && row.createdById === actor.userId ? ['requester'] : [];
}

function assertMayReveal(actor: Actor, row: Pick<CaseRow, 'createdById'>, fields: readonly CaseRevealField[]) {
  const allowed = revealableFields(actor, row);
  if (fields.every((field) => allowed.includes(field))) return;
  throw new DomainError(
    'FORBIDDEN',
    allowed.length > 0 ? msg('cases.revealRequesterOnly') : msg('cases.revealOwnCasesOnly'),
    'reveal_forbidden',
  );
}

/** Full values of the chosen parts of a case. The audit entry names the parts, never the values. */
export async function revealCase({ db, actor }: ServiceContext, input: { id: number; fields: CaseRevealField[] }) {
  const [row] = await db.select().from(cases).where(eq(cases.id, input.id));
  if (!row) throw new DomainError('NOT_FOUND', msg('cases.notFound'));
  const wants = new Set(input.fields);
  assertMayReveal(actor, row, [...wants]);
  await db.transaction((tx) =>
    appendAudit(tx, actor, {
      action: 'case.reveal',
      objectType: 'case',
      objectId: row.id,
      details: { fields: [...wants] },
    }),
  );
  return {
    requester: wants.has('requester') ? requesterInClear(row) : undefined,
    subjects: wants.has('subjects') ? await linkedSubjects(db, row.id, false) : undefined,
  };
}

export type CaseReveal = Awaited<ReturnType<typeof revealCase>>;

import { msg } from '@pd-desk/shared/messages/catalogue';
import { maskPhone } from '@pd-desk/shared/subjects/phone-normalise';
import { maskAddress, maskContact, maskDigits, maskIp } from '@pd-desk/shared/subjects/record-mask';
import { maskBirthDate, maskEmail, maskFullName } from '@pd-desk/shared/subjects/subject-mask';
import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { subjects } from '../../db/schema/subjects';
import { DomainError } from '../../errors';
import type { ServiceContext } from '../../service-context';
import { auditView } from '../audit/audit-queue';
import { subjectBlocks } from '../blocks/subject-blocks';
import { type SubjectTree, selectSubjectTree } from './subject-tree';

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

/** What every subject screen starts from: who the person is and where the record stands. */
export const subjectCoreColumns = {
  id: subjects.id,
  lastName: subjects.lastName,
  firstName: subjects.firstName,
  middleName: subjects.middleName,
  birthDate: subjects.birthDate,
  category: subjects.category,
  mergedIntoId: subjects.mergedIntoId,
  version: subjects.version,
};

export function fullNameOf(s: { lastName: string; firstName: string; middleName: string | null }): string {
  return [s.lastName, s.firstName, s.middleName].filter(Boolean).join(' ');
}

/** Everything about one person in a single SQL statement, parsed once (subject-tree.ts). */
export async function loadSubjectTree(db: Db, subjectId: number): Promise<SubjectTree> {
  const tree = await selectSubjectTree(db, subjectId);
  if (!tree) throw new DomainError('NOT_FOUND', msg('subjects.notFound'));
  return tree;
}

/** The subject page: every section, personal data masked. Opening it is a view of personal data and is audited. */
export async function getSubjectPage({ db, actor, clock }: ServiceContext, subjectId: number) {
  // The entry commits while the page loads (PostgreSQL has a connection for each): its commit is off the critical
  // path, and the page is still not answered before it is durable. A subject that does not exist is audited too:
  // the attempt is a fact as well.
  const [s] = await Promise.all([
    loadSubjectTree(db, subjectId),
    auditView(db, actor, { action: 'subject.view', objectType: 'subject', objectId: subjectId }),
  ]);
  const { blocks, held } = await subjectBlocks(db, s, clock);
  const cases = [...s.cases].sort((a, b) => b.receivedOn.localeCompare(a.receivedOn));
  return {
    id: s.id,
    externalId: s.externalId,
    version: s.version,
    category: s.category,
    mergedIntoId: s.mergedIntoId,
    createdAt: iso(s.createdAt),
    updatedAt: iso(s.updatedAt),
    name: maskFullName(fullNameOf(s)),
    birthDate: s.birthDate ? maskBirthDate(s.birthDate) : null,
    formerNames: s.formerNames.map((f) => ({ id: f.id, value: maskFullName(f.lastName) })),
    phones: s.phones.map((p) => ({ id: p.id, value: maskPhone(p.digits) })),
    emails: s.emails.map((e) => ({ id: e.id, value: maskEmail(e.raw) })),
    addresses: s.addresses.map((a) => ({ id: a.id, value: maskAddress(a.address) })),
    records: s.pdRecords.map((r) => ({
      ...r,
      stateChangedAt: iso(r.stateChangedAt),
      /** Held by a block in effect: 'record' = the whole record, else the blocked fields; null = not held. */
      blockedFields: held.has(r.id) ? (held.get(r.id) ?? 'record') : null,
    })),
    consents: s.consents.map((c) => ({
      ...c,
      givenAt: iso(c.givenAt),
      withdrawnAt: iso(c.withdrawnAt),
      ip: c.ip ? maskIp(c.ip) : null,
    })),
    representatives: s.representatives.map((r) => ({
      id: r.id,
      kind: r.kind,
      fullName: maskFullName(r.fullName),
      contact: r.contact ? maskContact(r.contact) : null,
      authorityDocument: maskDigits(r.authorityDocument),
      validUntil: r.validUntil,
      revokedAt: iso(r.revokedAt),
      createdAt: iso(r.createdAt),
    })),
    cases: cases.map(({ letters: _letters, ...c }) => c),
    letters: cases
      .flatMap((c) => c.letters.map((l) => ({ ...l, caseId: c.id, createdAt: iso(l.createdAt) })))
      .sort((a, b) => (b.createdAt ?? '').localeCompare(a.createdAt ?? '')),
    blocks,
    // Breaches arrive with their own issue; the page already has the section.
    breaches: [] as never[],
    merges: s.merges.map((m) => ({ ...m, mergedAt: iso(m.mergedAt), undoneAt: iso(m.undoneAt) })),
  };
}
export type SubjectPage = Awaited<ReturnType<typeof getSubjectPage>>;

/**
 * What intake needs to confirm a letter is about this person, and nothing more: masked name and birth date, the
 * category and whether the record was merged away. Still a view of personal data, so still audited.
 */
export async function getSubjectCard({ db, actor }: ServiceContext, subjectId: number) {
  const [s] = await db.select(subjectCoreColumns).from(subjects).where(eq(subjects.id, subjectId));
  if (!s) throw new DomainError('NOT_FOUND', msg('subjects.notFound'));
  await auditView(db, actor, {
    action: 'subject.view',
    objectType: 'subject',
    objectId: subjectId,
    details: { view: 'card' },
  });
  return {
    id: s.id,
    name: maskFullName(fullNameOf(s)),
    birthDate: s.birthDate ? maskBirthDate(s.birthDate) : null,
    category: s.category,
    mergedIntoId: s.mergedIntoId,
  };
}

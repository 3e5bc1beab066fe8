import { formatPhoneForDisplay } from '@pd-desk/shared/subjects/phone-normalise';
import type { RevealField } from '@pd-desk/shared/subjects/subject-records.schemas';
import { inArray } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { subjectRectifications } from '../../db/schema/subject-records';
import type { ServiceContext } from '../../service-context';
import { auditView } from '../audit/audit-queue';
import { historySubjectIds } from './history.service';
import { fullNameOf, loadSubjectTree } from './page.service';

/**
 * Full values of the chosen fields. The audit entry names the fields, never the values: the trail must not become a
 * second copy of the data it protects.
 */
export async function revealSubject({ db, actor }: ServiceContext, subjectId: number, fields: readonly RevealField[]) {
  const s = await loadSubjectTree(db, subjectId);
  const wants = new Set(fields);
  const rectifications = wants.has('history') ? await rectificationValues(db, subjectId) : undefined;
  await auditView(db, actor, {
    action: 'subject.reveal',
    objectType: 'subject',
    objectId: subjectId,
    details: { fields: [...wants] },
  });
  return {
    name: wants.has('name') ? fullNameOf(s) : undefined,
    nameParts: wants.has('name')
      ? { lastName: s.lastName, firstName: s.firstName, middleName: s.middleName }
      : undefined,
    formerNames: wants.has('name') ? s.formerNames.map((f) => ({ id: f.id, value: f.lastName })) : undefined,
    birthDate: wants.has('birthDate') ? s.birthDate : undefined,
    phones: wants.has('contacts')
      ? s.phones.map((p) => ({ id: p.id, value: formatPhoneForDisplay(p.raw) }))
      : undefined,
    emails: wants.has('contacts') ? s.emails.map((e) => ({ id: e.id, value: e.raw })) : undefined,
    addresses: wants.has('contacts') ? s.addresses.map((a) => ({ id: a.id, value: a.address })) : undefined,
    representatives: wants.has('representatives')
      ? s.representatives.map((r) => ({
          id: r.id,
          fullName: r.fullName,
          contact: r.contact,
          authorityDocument: r.authorityDocument,
        }))
      : undefined,
    consentIps: wants.has('consentEvidence') ? s.consents.map((c) => ({ id: c.id, ip: c.ip })) : undefined,
    rectifications,
  };
}

export type SubjectReveal = Awaited<ReturnType<typeof revealSubject>>;

async function rectificationValues(db: Db, subjectId: number) {
  const ids = await historySubjectIds(db, subjectId);
  const rows = await db
    .select({
      id: subjectRectifications.id,
      field: subjectRectifications.field,
      oldValue: subjectRectifications.oldValue,
      newValue: subjectRectifications.newValue,
    })
    .from(subjectRectifications)
    .where(inArray(subjectRectifications.subjectId, ids));
  // A corrected phone reads like every other phone on the page, before and after.
  return rows.map(({ field, ...row }) =>
    field === 'phone'
      ? {
          ...row,
          oldValue: row.oldValue && formatPhoneForDisplay(row.oldValue),
          newValue: row.newValue && formatPhoneForDisplay(row.newValue),
        }
      : row,
  );
}

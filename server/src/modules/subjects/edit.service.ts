import { SUBJECT_FIELD_TO_PD } from '@pd-desk/shared/blocks/block-model';
import { msg } from '@pd-desk/shared/messages/catalogue';
import { maskFieldValue } from '@pd-desk/shared/subjects/record-mask';
import type { SubjectCategory } from '@pd-desk/shared/subjects/subject-categories';
import type {
  createSubjectInput,
  RectifiableField,
  rectifyInput,
} from '@pd-desk/shared/subjects/subject-records.schemas';
import { and, asc, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Tx } from '../../db/client';
import type { AuditChanges } from '../../db/schema/audit';
import { subjectRectifications } from '../../db/schema/subject-records';
import { subjectAddresses, subjectEmails, subjectFormerNames, subjectPhones, subjects } from '../../db/schema/subjects';
import { DomainError } from '../../errors';
import type { Actor, ServiceContext } from '../../service-context';
import { appendAudit } from '../audit/audit.service';
import { assertNotBlocked } from '../blocks/block-queries';
import { subjectCoreColumns } from './page.service';
import { indexSubjectNames, subjectNameStems, writeSubjectContacts } from './search-index';

export const STALE_SUBJECT_MESSAGE = msg('subjects.stale');

export function staleVersion(): DomainError {
  return new DomainError('CONFLICT', STALE_SUBJECT_MESSAGE, 'stale_version');
}

/** Audit changes with masked values: the trail records that a field changed, the old value stays in its own table. */
function maskedChanges(values: Partial<Record<RectifiableField, string | null>>): AuditChanges {
  const changes: AuditChanges = {};
  for (const [field, value] of Object.entries(values)) {
    if (value) changes[field] = { before: null, after: maskFieldValue(field, value) };
  }
  return changes;
}

export async function createSubject({ db, actor }: ServiceContext, input: z.output<typeof createSubjectInput>) {
  return db.transaction(async (tx) => {
    const names = { lastName: input.lastName, firstName: input.firstName, middleName: input.middleName ?? null };
    const [row] = await tx
      .insert(subjects)
      .values({ ...names, ...subjectNameStems(names), birthDate: input.birthDate ?? null, category: input.category })
      .returning({ id: subjects.id, version: subjects.version });
    if (!row) throw new Error('insert returned nothing');
    await writeSubjectContacts(tx, row.id, {
      phones: input.phone ? [input.phone] : [],
      emails: input.email ? [input.email] : [],
      addresses: input.address ? [input.address] : [],
    });
    await indexSubjectNames(tx, row.id);
    await appendAudit(tx, actor, {
      action: 'subject.create',
      objectType: 'subject',
      objectId: row.id,
      changes: maskedChanges({
        ...names,
        birthDate: input.birthDate ?? null,
        category: input.category,
        phone: input.phone ?? null,
        email: input.email ?? null,
        address: input.address ?? null,
      }),
      details: { source: input.source },
    });
    return row;
  });
}

/** Locks the subject row for the rest of the transaction and refuses an edit based on an older version. */
export async function lockSubjectForEdit(tx: Tx, subjectId: number, version: number) {
  const [current] = await tx.select(subjectCoreColumns).from(subjects).where(eq(subjects.id, subjectId)).for('update');
  if (!current) throw new DomainError('NOT_FOUND', msg('subjects.notFound'));
  if (current.mergedIntoId !== null) {
    throw new DomainError('BAD_REQUEST', msg('subjects.merged', { mergedIntoId: current.mergedIntoId }), 'merged');
  }
  if (current.version !== version) throw staleVersion();
  return current;
}

export async function bumpSubjectVersion(tx: Tx, subjectId: number, set: Partial<typeof subjects.$inferInsert> = {}) {
  const [row] = await tx
    .update(subjects)
    .set({ ...set, version: sql`${subjects.version} + 1`, updatedAt: new Date() })
    .where(eq(subjects.id, subjectId))
    .returning({ version: subjects.version });
  if (!row) throw new Error('subject vanished inside its own transaction');
  return row.version;
}

type ContactField = 'phone' | 'email' | 'address';

/** The subject's current list for a contact field, as rows of {id, value as written}. */
async function contactRows(tx: Tx, subjectId: number, field: ContactField) {
  if (field === 'phone') {
    return tx
      .select({ id: subjectPhones.id, value: subjectPhones.raw })
      .from(subjectPhones)
      .where(eq(subjectPhones.subjectId, subjectId))
      .orderBy(asc(subjectPhones.id));
  }
  if (field === 'email') {
    return tx
      .select({ id: subjectEmails.id, value: subjectEmails.raw })
      .from(subjectEmails)
      .where(eq(subjectEmails.subjectId, subjectId))
      .orderBy(asc(subjectEmails.id));
  }
  return tx
    .select({ id: subjectAddresses.id, value: subjectAddresses.address })
    .from(subjectAddresses)
    .where(eq(subjectAddresses.subjectId, subjectId))
    .orderBy(asc(subjectAddresses.id));
}

const CONTACT_LIST = { phone: 'phones', email: 'emails', address: 'addresses' } as const;

/** Replaces one contact (or adds one, or removes one with an empty value) through the search index writer. */
async function rectifyContact(
  tx: Tx,
  subjectId: number,
  field: ContactField,
  contactId: number | null | undefined,
  value: string,
): Promise<string | null> {
  const rows = await contactRows(tx, subjectId, field);
  let oldValue: string | null = null;
  let list: string[];
  if (contactId) {
    const target = rows.find((r) => r.id === contactId);
    if (!target) throw new DomainError('NOT_FOUND', msg('subjects.contactGone'));
    oldValue = target.value;
    list = rows.flatMap((r) => (r.id === contactId ? (value ? [value] : []) : [r.value]));
  } else {
    list = [...rows.map((r) => r.value), value];
  }
  await writeSubjectContacts(tx, subjectId, { [CONTACT_LIST[field]]: list });
  return oldValue;
}

/**
 * Rectification (policy 4.1.2; art. 21 p. 2): one field, with the reason and the evidence. The old value goes to
 * subject_rectifications, the audit entry says who changed what (values masked), and both commit with the change.
 */
export async function rectifySubject({ db, actor }: ServiceContext, input: z.output<typeof rectifyInput>) {
  return db.transaction((tx) => rectifyInTransaction(tx, actor, input));
}

/**
 * The rectification itself, inside the caller's transaction. Blocked data is refused with the block named, except
 * when the caller is the resolution of that very block (`throughBlockId`, modules/blocks).
 */
export async function rectifyInTransaction(
  tx: Tx,
  actor: Actor,
  input: z.output<typeof rectifyInput>,
  throughBlockId?: number,
) {
  const current = await lockSubjectForEdit(tx, input.subjectId, input.version);
  await assertNotBlocked(
    tx,
    input.subjectId,
    await blockedFieldOf(tx, input.subjectId, input.field, input.contactId),
    'исправить данные',
    throughBlockId,
  );
  const value = input.value.trim();
  let oldValue: string | null;
  let newValue: string | null = value || null;
  let version: number;
  switch (input.field) {
    case 'lastName':
    case 'firstName':
    case 'middleName': {
      oldValue = current[input.field];
      if (oldValue === newValue) throw unchanged();
      version = await bumpSubjectVersion(tx, input.subjectId, { [input.field]: newValue });
      if (input.field === 'lastName' && input.keepFormerLastName !== false && oldValue) {
        await addFormerLastName(tx, input.subjectId, oldValue);
      }
      await indexSubjectNames(tx, input.subjectId);
      break;
    }
    case 'birthDate':
      oldValue = current.birthDate;
      if (oldValue === newValue) throw unchanged();
      version = await bumpSubjectVersion(tx, input.subjectId, { birthDate: newValue });
      break;
    case 'category':
      oldValue = current.category;
      if (oldValue === newValue) throw unchanged();
      version = await bumpSubjectVersion(tx, input.subjectId, { category: value as SubjectCategory });
      break;
    default:
      oldValue = await rectifyContact(tx, input.subjectId, input.field, input.contactId, value);
      if (oldValue === newValue) throw unchanged();
      newValue = value || null;
      version = await bumpSubjectVersion(tx, input.subjectId);
  }
  const [rectification] = await tx
    .insert(subjectRectifications)
    .values({
      subjectId: input.subjectId,
      field: input.field,
      contactId: input.contactId ?? null,
      oldValue,
      newValue,
      reason: input.reason,
      evidence: input.evidence,
      actorId: actor.userId,
    })
    .returning({ id: subjectRectifications.id });
  if (!rectification) throw new Error('insert returned nothing');
  await appendAudit(tx, actor, {
    action: 'subject.rectify',
    objectType: 'subject',
    objectId: input.subjectId,
    changes: {
      [input.field]: {
        before: maskFieldValue(input.field, oldValue),
        after: maskFieldValue(input.field, newValue),
      },
    },
    details: { rectificationId: rectification.id, version, ...(throughBlockId ? { blockId: throughBlockId } : {}) },
  });
  return { version, rectificationId: rectification.id };
}

/** Which block scope a subject field falls under: the PD field, and for a phone or e-mail the contact's value. */
async function blockedFieldOf(tx: Tx, subjectId: number, field: RectifiableField, contactId?: number | null) {
  const pdField = SUBJECT_FIELD_TO_PD[field];
  if (!pdField) return { field: 'subject' as const };
  if (!contactId || (field !== 'phone' && field !== 'email')) return { field: pdField };
  const table = field === 'phone' ? subjectPhones : subjectEmails;
  const column = field === 'phone' ? subjectPhones.digits : subjectEmails.normalised;
  const [row] = await tx
    .select({ value: column })
    .from(table)
    .where(and(eq(table.id, contactId), eq(table.subjectId, subjectId)));
  return { field: pdField, contactValue: row?.value ?? null };
}

function unchanged() {
  return new DomainError('BAD_REQUEST', msg('subjects.unchanged'), 'unchanged');
}

async function addFormerLastName(tx: Tx, subjectId: number, lastName: string) {
  const former = await tx
    .select({ lastName: subjectFormerNames.lastName })
    .from(subjectFormerNames)
    .where(eq(subjectFormerNames.subjectId, subjectId));
  await writeSubjectContacts(tx, subjectId, { formerLastNames: [...former.map((f) => f.lastName), lastName] });
}

import type { PermissionReason, PermissionsResponse } from '@pd-desk/shared/integrations/api.schemas';
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { selectRows } from '../subjects/sql-arrays';
import { isContactBlocked } from './block-source';
import { type Contact, subjectsWithContactSql } from './contact';
import type { Purpose } from './purposes';

/** What PD Desk knows of one subject with the contact, for one purpose. */
type SubjectFacts = {
  subject_id: number;
  /** Records for the purpose, in any state. */
  records: number;
  /** At least one of them is still processed (active or blocked pending verification). */
  live: boolean;
  /** At least one of them rests on consent. */
  consent_basis: boolean;
  /** The newest consent for the purpose: null none, true withdrawn, false in force. */
  last_consent_withdrawn: boolean | null;
};

/**
 * One statement: the subjects with the contact and, for each, its records and newest consent for the purpose.
 * Exported for the benchmark, which times it raw as the floor under the HTTP path.
 */
export function subjectFactsQuery(contact: Contact, purposeId: number) {
  return sql`with s as (${subjectsWithContactSql(contact)})
    select s.subject_id,
      count(r.id)::int as records,
      coalesce(bool_or(r.state in ('active', 'blocked')), false) as live,
      coalesce(bool_or(r.legal_basis = 'consent'), false) as consent_basis,
      (select c.withdrawn_at is not null from consents c
        where c.subject_id = s.subject_id and c.purpose_id = ${purposeId}
        order by c.given_at desc, c.id desc limit 1) as last_consent_withdrawn
    from s left join pd_records r on r.subject_id = s.subject_id and r.purpose_id = ${purposeId}
    group by s.subject_id`;
}

/**
 * May the clinic's other system use this contact for this purpose? A contact shared by several people (a parent's
 * phone on a child's card) collects the reasons of all of them: one blocked person blocks the contact.
 * `unknown-contact` alone does not forbid, except for a purpose that rests on consent, which nobody gave here.
 */
export async function checkPermission(
  db: Db,
  contact: Contact,
  purpose: Purpose,
): Promise<PermissionsResponse & { subjectIds: number[] }> {
  const [facts, blocked] = await Promise.all([
    selectRows<SubjectFacts>(db, subjectFactsQuery(contact, purpose.id)),
    isContactBlocked(db, contact, purpose),
  ]);
  const reasons = new Set<PermissionReason>();
  if (blocked) reasons.add('blocked');
  if (facts.length === 0) {
    reasons.add('unknown-contact');
    if (purpose.defaultLegalBasis === 'consent') reasons.add('no-consent');
  }
  for (const f of facts) {
    if (f.records > 0 && !f.live) reasons.add('processing-stopped');
    const needsConsent = f.consent_basis || (f.records === 0 && purpose.defaultLegalBasis === 'consent');
    if (f.last_consent_withdrawn === true) reasons.add('consent-withdrawn');
    else if (needsConsent && f.last_consent_withdrawn === null) reasons.add('no-consent');
  }
  const ordered = [...reasons].sort();
  return {
    allowed: ordered.every((r) => r === 'unknown-contact'),
    reasons: ordered,
    subjectIds: facts.map((f) => Number(f.subject_id)),
  };
}

import { describe, expect, it } from 'vitest';
import type { subjects } from '../../db/schema/subjects';
import { planFor } from './demo-records-plan';

type SubjectRow = typeof subjects.$inferSelect;

const CATEGORIES = ['patient', 'site_user', 'applicant', 'claimant', 'employee', 'employee_relative'] as const;

/** Enough of a subject row for the plan: it reads the key, the category, the birth date and the surname. */
function subject(n: number): SubjectRow {
  return {
    id: n,
    externalId: `demo-${n}`,
    category: CATEGORIES[n % CATEGORIES.length],
    birthDate: `${1950 + (n % 60)}-0${1 + (n % 9)}-15`,
    lastName: 'Иванова',
    firstName: 'Мария',
    middleName: 'Петровна',
  } as SubjectRow;
}

/** «ред. от 01.03.2023» → 2023-03-01. */
function revisionDate(policyVersion: string): string {
  const [day, month, year] = (policyVersion.match(/(\d\d)\.(\d\d)\.(\d{4})$/) ?? []).slice(1);
  return `${year}-${month}-${day}`;
}

describe('demo consents', () => {
  it('are given on or after the day of the policy revision they cite, and cite the one then in force', () => {
    const consents = Array.from({ length: 600 }, (_, n) => planFor(subject(n + 1), true).consents).flat();
    const cited = consents.filter((consent) => consent.policyVersion);
    expect(cited.length).toBeGreaterThan(300);
    for (const consent of cited) {
      const givenOn = String(consent.givenAt).slice(0, 10);
      expect(givenOn >= revisionDate(consent.policyVersion ?? ''), `${givenOn} ${consent.policyVersion}`).toBe(true);
    }
    // The latest revision a day could cite is the one it cites: no 2024 consent quotes the 2021 text.
    const late = cited.filter((consent) => String(consent.givenAt) >= '2025-09-01');
    expect(late.length).toBeGreaterThan(0);
    expect(new Set(late.map((consent) => consent.policyVersion))).toEqual(new Set(['ред. от 01.09.2025']));
  });
});

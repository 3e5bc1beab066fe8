// Who the demo people are: the share, sex and age of each category of subject, and how they write phones and
// e-mail addresses. demo-subjects.ts draws every row from these tables.

import type { StoredPhoneFormat } from './demo-phones';
import type { SubjectCategory } from './demo-subjects';
import { type WeightedTable, weightedTable } from './prng';
import type { TranslitScheme } from './russian-translit';

interface CategoryProfile {
  readonly share: number;
  readonly femaleShare: number;
  /** Age bands [from, to] with weights. */
  readonly ages: WeightedTable<readonly [number, number]>;
  readonly noPhone: number;
  readonly noEmail: number;
  readonly noAddress: number;
}

const ageBands = (...bands: Array<readonly [from: number, to: number, weight: number]>) =>
  weightedTable(bands.map(([from, to, weight]) => [[from, to], weight] as const));

// Mostly patients and site users; staff and their families are few. Children appear only as patients: a child is
// registered by a parent for treatment and is none of the other categories.
export const PROFILES: Record<SubjectCategory, CategoryProfile> = {
  patient: {
    share: 0.56,
    femaleShare: 0.57,
    ages: ageBands([1, 6, 3], [7, 17, 9], [18, 29, 15], [30, 44, 27], [45, 59, 24], [60, 74, 17], [75, 95, 5]),
    noPhone: 0.04,
    noEmail: 0.45,
    noAddress: 0.3,
  },
  site_user: {
    share: 0.32,
    femaleShare: 0.62,
    ages: ageBands([18, 24, 10], [25, 44, 50], [45, 64, 32], [65, 85, 8]),
    noPhone: 0.06,
    noEmail: 0.15,
    noAddress: 0.9,
  },
  applicant: {
    share: 0.04,
    femaleShare: 0.72,
    ages: ageBands([18, 24, 25], [25, 44, 60], [45, 60, 15]),
    noPhone: 0.01,
    noEmail: 0.05,
    noAddress: 0.6,
  },
  employee: {
    share: 0.01,
    femaleShare: 0.75,
    ages: ageBands([18, 24, 10], [25, 44, 55], [45, 59, 27], [60, 70, 8]),
    noPhone: 0,
    noEmail: 0.3,
    noAddress: 0,
  },
  former_employee: {
    share: 0.015,
    femaleShare: 0.72,
    ages: ageBands([19, 24, 6], [25, 44, 50], [45, 59, 28], [60, 75, 16]),
    noPhone: 0.05,
    noEmail: 0.35,
    noAddress: 0.05,
  },
  employee_relative: {
    share: 0.015,
    femaleShare: 0.5,
    ages: ageBands([18, 29, 25], [30, 59, 45], [60, 90, 30]),
    noPhone: 0.15,
    noEmail: 0.7,
    noAddress: 0.1,
  },
  claimant: {
    share: 0.04,
    femaleShare: 0.58,
    ages: ageBands([18, 29, 15], [30, 59, 60], [60, 90, 25]),
    noPhone: 0.2,
    noEmail: 0.3,
    noAddress: 0.2,
  },
};

export const CATEGORY_TABLE = weightedTable(
  (Object.keys(PROFILES) as SubjectCategory[]).map((c) => [c, PROFILES[c].share] as const),
);

// Sverdlovsk-region mobile codes, weighted by how often they turn up in local customer bases.
export const MOBILE_CODES = weightedTable<string>([
  ['912', 14],
  ['922', 14],
  ['908', 8],
  ['902', 8],
  ['932', 6],
  ['904', 6],
  ['950', 6],
  ['982', 6],
  ['953', 5],
  ['992', 4],
  ['919', 4],
  ['996', 3],
  ['900', 3],
  ['999', 3],
  ['963', 2],
  ['961', 2],
  ['958', 2],
  ['952', 2],
  ['965', 2],
  ['901', 2],
  ['909', 2],
]);

export const PHONE_FORMAT_TABLE = weightedTable<StoredPhoneFormat>([
  ['plus7-spaced', 26],
  ['plus7-plain', 20],
  ['eight-plain', 18],
  ['eight-parens', 14],
  ['plus7-parens', 9],
  ['eight-dashed', 8],
  ['ten-digits', 5],
]);

export const EMAIL_DOMAINS = weightedTable<string>([
  ['mail.ru', 34],
  ['yandex.ru', 24],
  ['gmail.com', 18],
  ['bk.ru', 7],
  ['list.ru', 6],
  ['inbox.ru', 5],
  ['ya.ru', 4],
  ['rambler.ru', 2],
]);

// Older passports and bank cards used ya/yu, the current passport ia/iu, and plenty of people just type h and sch.
export const EMAIL_TRANSLIT = weightedTable<TranslitScheme>([
  ['bgn', 4],
  ['casual', 3],
  ['icao', 2],
]);

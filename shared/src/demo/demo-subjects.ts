// Deterministic fake data subjects of the clinic (policy 1.6 categories, 1.7 fields plus a postal address), for demos,
// load tests and search-quality tests. Each row is generated from (seed, row index) alone, so rows can be streamed,
// generated in chunks or regenerated one by one, and are the same on every machine.

import { demoAddress } from './demo-addresses';
import { formatPhone } from './demo-phones';
import {
  CATEGORY_TABLE,
  EMAIL_DOMAINS,
  EMAIL_TRANSLIT,
  MOBILE_CODES,
  PHONE_FORMAT_TABLE,
  PROFILES,
} from './demo-profiles';
import { chance, deriveSeed, int, mulberry32, type Rng, weightedPick } from './prng';
import {
  eraOf,
  FIRST_NAME_TABLES,
  feminineSurname,
  type Gender,
  MALE_FIRST_NAMES,
  MASCULINE_SURNAMES,
  patronymicOf,
  SURNAME_TABLE,
  withoutYo,
} from './russian-names';
import { type TranslitScheme, transliterate } from './russian-translit';

/** Subject categories of policy clause 1.6, as the demo data labels them. */
export type SubjectCategory =
  | 'patient'
  | 'site_user'
  | 'applicant'
  | 'employee'
  | 'former_employee'
  | 'employee_relative'
  | 'claimant';

export interface DemoSubject {
  externalId: string;
  lastName: string;
  firstName: string;
  middleName: string | null;
  /** YYYY-MM-DD */
  birthDate: string;
  gender: Gender;
  /** As a person or an old system wrote it; see `phoneDigits` for the truth. */
  phone: string | null;
  /** Canonical '7' + 10 digits. */
  phoneDigits: string | null;
  email: string | null;
  category: SubjectCategory;
  /** Maiden name of a married woman. */
  formerLastName: string | null;
  address: string | null;
}

export interface GenerateSubjectsOptions {
  seed: number;
  count: number;
  /** Zero-based index of the first row; row i is 'DEMO-' + (i + 1). */
  startIndex?: number;
}

/** Ages are taken at this fixed date, not today, so a seed gives the same people next year too. */
export const DEMO_REFERENCE_DATE = '2025-06-01';

/** Streams `count` subjects without keeping them: a million rows take about 3 s of CPU and little memory. */
export function* generateSubjects(options: GenerateSubjectsOptions): Generator<DemoSubject, void, undefined> {
  const { seed, count, startIndex = 0 } = options;
  if (!Number.isSafeInteger(count) || count < 0) throw new Error(`count must be a non-negative integer: ${count}`);
  if (!Number.isSafeInteger(startIndex) || startIndex < 0) throw new Error(`bad startIndex: ${startIndex}`);
  for (let index = startIndex; index < startIndex + count; index++) yield demoSubject(seed, index);
}

export function demoExternalId(index: number): string {
  return `DEMO-${String(index + 1).padStart(7, '0')}`;
}

const FEMININE = new Map(MASCULINE_SURNAMES.map((s) => [s, feminineSurname(s)]));
const PATRONYMICS = new Map(
  MALE_FIRST_NAMES.map((n) => [n, { male: patronymicOf(n, 'male'), female: patronymicOf(n, 'female') }]),
);

const DAY_MS = 86_400_000;
const MAX_AGE = 95;
const [REF_YEAR, REF_MONTH, REF_DAY] = DEMO_REFERENCE_DATE.split('-').map(Number) as [number, number, number];
const REF_MS = Date.UTC(REF_YEAR, REF_MONTH - 1, REF_DAY);
// Calendar arithmetic done once at load: a Date per row would cost more than all the rest of the row.
/** Days from the date `age` years before the reference date to the reference date. */
const DAYS_IN_YEARS_BACK = Array.from(
  { length: MAX_AGE + 1 },
  (_, age) => (REF_MS - Date.UTC(REF_YEAR - age, REF_MONTH - 1, REF_DAY)) / DAY_MS,
);
/** ISO date n days before the reference date. */
const DATE_DAYS_BACK = Array.from({ length: (MAX_AGE + 1) * 366 }, (_, n) =>
  new Date(REF_MS - n * DAY_MS).toISOString().slice(0, 10),
);

/** The subject at a given row index; `generateSubjects` is this over a range. */
export function demoSubject(seed: number, index: number): DemoSubject {
  const rng = mulberry32(deriveSeed(seed, index));
  const category = weightedPick(rng, CATEGORY_TABLE);
  const profile = PROFILES[category];
  const gender: Gender = chance(rng, profile.femaleShare) ? 'female' : 'male';

  const [fromAge, toAge] = weightedPick(rng, profile.ages);
  const age = int(rng, fromAge, toAge);
  // Born on the age-th birthday before the reference date or up to 364 days earlier: exactly `age` years old.
  const birthDate = DATE_DAYS_BACK[(DAYS_IN_YEARS_BACK[age] ?? 0) + int(rng, 0, 364)] ?? DEMO_REFERENCE_DATE;
  const birthYear = Number(birthDate.slice(0, 4));

  let lastName = pickSurname(rng, gender);
  let firstName = weightedPick(rng, FIRST_NAME_TABLES[gender][eraOf(birthYear)]);
  const fatherName = weightedPick(rng, FIRST_NAME_TABLES.male[eraOf(birthYear - int(rng, 20, 40))]);
  let middleName = chance(rng, 0.03) ? null : (PATRONYMICS.get(fatherName)?.[gender] ?? null);
  let formerLastName: string | null = null;
  if (gender === 'female' && age >= 20 && chance(rng, 0.055)) {
    const maiden = pickSurname(rng, gender);
    if (maiden !== lastName) formerLastName = maiden;
  }
  // Many records are typed without ё: the same person may be Фёдорова here and Федорова in another system.
  if (chance(rng, 0.35)) {
    lastName = withoutYo(lastName);
    firstName = withoutYo(firstName);
    middleName = middleName === null ? null : withoutYo(middleName);
    formerLastName = formerLastName === null ? null : withoutYo(formerLastName);
  }

  let phone: string | null = null;
  let phoneDigits: string | null = null;
  if (!chance(rng, profile.noPhone)) {
    // Older people more often give a home landline (Yekaterinburg code 343, numbers start with 2 or 3).
    phoneDigits = chance(rng, age >= 60 ? 0.18 : 0.04)
      ? `7343${int(rng, 2_000_000, 3_999_999)}`
      : `7${weightedPick(rng, MOBILE_CODES)}${String(int(rng, 0, 9_999_999)).padStart(7, '0')}`;
    phone = formatPhone(phoneDigits, weightedPick(rng, PHONE_FORMAT_TABLE));
  }

  const hasEmail = age >= 14 && !chance(rng, profile.noEmail);
  const emailSurname = formerLastName !== null && chance(rng, 0.3) ? formerLastName : lastName;
  const email = hasEmail ? demoEmail(rng, index, firstName, emailSurname, middleName) : null;
  const address = chance(rng, profile.noAddress) ? null : demoAddress(rng);

  return {
    externalId: demoExternalId(index),
    lastName,
    firstName,
    middleName,
    birthDate,
    gender,
    phone,
    phoneDigits,
    email,
    category,
    formerLastName,
    address,
  };
}

// Hot-path helpers are module functions, not closures made per row: a million closures cost real time.
function pickSurname(rng: Rng, gender: Gender): string {
  const masculine = weightedPick(rng, SURNAME_TABLE);
  return gender === 'female' ? (FEMININE.get(masculine) ?? masculine) : masculine;
}

function latinWord(text: string, scheme: TranslitScheme): string {
  return transliterate(text.toLowerCase(), scheme).replace(/[^a-z]/g, '');
}

// The digits that end every address: a bijection of the row index on 0..999 999 (7 919 is coprime with 10^6), so
// they look random and never repeat; past a million rows the index itself is used, which is ≥ 10^6 and so cannot
// meet a scrambled value. An address is letters then these digits, so equal addresses would need equal digits.
function emailNumber(index: number): number {
  return index < 1_000_000 ? (index * 7919 + 271_828) % 1_000_000 : index;
}

function demoEmail(rng: Rng, index: number, first: string, last: string, middle: string | null): string {
  const scheme = weightedPick(rng, EMAIL_TRANSLIT);
  const f = latinWord(first, scheme);
  const l = latinWord(last, scheme);
  const fi = f.charAt(0);
  let local: string;
  switch (int(rng, 0, middle === null ? 7 : 8)) {
    case 0:
      local = l;
      break;
    case 1:
      local = `${f}.${l}`;
      break;
    case 2:
      local = `${f}_${l}`;
      break;
    case 3:
      local = `${fi}.${l}`;
      break;
    case 4:
      local = `${l}.${f}`;
      break;
    case 5:
      local = `${f}${l}`;
      break;
    case 6:
      local = `${l}_${fi}`;
      break;
    case 7:
      local = `${l}${fi}`;
      break;
    default:
      local = `${l}.${fi}${latinWord(middle ?? '', scheme).charAt(0)}`;
  }
  const separator = rng();
  local += `${separator < 0.8 ? '' : separator < 0.9 ? '_' : '.'}${emailNumber(index)}`;
  const casing = rng();
  if (casing < 0.02) local = local.toUpperCase();
  else if (casing < 0.1)
    local = local.replace(/(^|[._])([a-z])/g, (_, sep: string, ch: string) => sep + ch.toUpperCase());
  return `${local}@${weightedPick(rng, EMAIL_DOMAINS)}`;
}

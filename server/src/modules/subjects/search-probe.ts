// Finds the people a parsed query may mean with indexed lookups only: each way of reading the name words as surname
// (current or former), first name and patronymic becomes one equality probe on the stem columns, each identifier
// (phone, phone tail, e-mail, birth date, record number) one btree probe; all of it is one statement, which also
// brings back what scoring needs about each person found.

import type { SearchQuery } from '@pd-desk/shared/subjects/search-query';
import { type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { NAME_ROLE } from '../../db/schema/subjects';
import { IN_EFFECT } from '../blocks/block-queries';
import { phoneIsAnyOf, reverseDigits } from './search-index';
import type { ResolvedWord } from './search-words';
import { list, selectRows } from './sql-arrays';

export type NameRole = 'last' | 'former' | 'first' | 'middle';

const ROLE_BIT: Record<NameRole, number> = {
  last: NAME_ROLE.last,
  former: NAME_ROLE.former,
  first: NAME_ROLE.first,
  middle: NAME_ROLE.middle,
};

export type Candidate = {
  id: number;
  externalId: string | null;
  lastName: string;
  firstName: string;
  middleName: string | null;
  birthDate: string | null;
  category: string;
  lastStem: string;
  firstStem: string;
  middleStem: string | null;
  /** Null when not read with the candidates (see probeCandidates). */
  phones: string[] | null;
  emails: string[];
  formerStems: string[];
  /** A block in effect on the person (the list marks them): read here to spare the search a statement. */
  blocked: boolean;
};

/** Rows per probe: enough for a page of namesakes, bounded so a query for «Иванова» reads no more. */
const PROBE_LIMIT = 60;

/**
 * narrow: the name readings must also match the query's shared identifiers (phone tail, birth date), and unique
 * identifiers (phone, e-mail, record number) are probed alone: «Петров 4567» reads the few Petrovs with that tail,
 * not sixty Petrovs and sixty tails. broad: every reading and every identifier on its own, for queries where some
 * part matches nobody. partial: broad, and readings that leave one more name word out («Иванова Мария» when no
 * Иванова is a Мария: the Ивановы and the Марии, ranked below anyone matching both).
 */
export type ProbeMode = 'narrow' | 'broad' | 'partial';

/** Whether a narrow round differs from the broad one: names together with a shared identifier. */
export function narrowable(query: SearchQuery, words: readonly ResolvedWord[]): boolean {
  return words.length > 0 && (query.phoneFragments.length > 0 || query.birthDates.length > 0);
}

export async function probeCandidates(
  db: Db,
  query: SearchQuery,
  words: readonly ResolvedWord[],
  mode: ProbeMode,
  shown: number,
): Promise<Candidate[]> {
  // «Показать ещё» asks for more than a page: each probe reads at least as many as will be shown.
  const hits = probeUnion(query, words, mode, Math.max(PROBE_LIMIT, shown));
  if (!hits) return [];
  const none = sql`'{}'::text[]`;
  // Ranking needs phones only for a phone in the query; otherwise they are read here only when every candidate will
  // be shown anyway (no extra round trip for a precise query), and for the shown few afterwards (phonesOf).
  const phones =
    query.phones.length > 0 || query.phoneFragments.length > 0
      ? phonesOfRow
      : sql`case when (select count(*) from hit) <= ${shown} then ${phonesOfRow} end`;
  const rows = await selectRows<CandidateRow>(
    db,
    sql`with hit(id) as (${hits})
        select s.id, s.external_id, s.last_name, s.first_name, s.middle_name, s.birth_date::text as birth_date,
          s.category, s.last_stem, s.first_stem, s.middle_stem,
          ${phones} as phones,
          ${query.emails.length > 0 ? emailsOf : none} as emails,
          ${words.some(mayBeFormer) ? formerStemsOf : none} as former_stems,
          ${blockedRow} as blocked
        from subjects s where s.id in (select id from hit) and s.merged_into_id is null`,
  );
  return rows.map(toCandidate);
}

/** The ids every probe of a round finds, each probe bounded by `perProbe`; null when the query gives no way in. */
function probeUnion(query: SearchQuery, words: readonly ResolvedWord[], mode: ProbeMode, perProbe: number) {
  const initials = query.nameWords.filter((w) => w.isInitial).map((w) => w.stem);
  const narrow = mode === 'narrow' ? sharedIdentifierConditions(query) : [];
  const probes = [
    ...nameProbes(words, initials, narrow, mode === 'partial' ? 1 : 0),
    ...idProbes(query, mode === 'narrow' ? null : surnameStems(words)),
  ];
  if (probes.length === 0) return null;
  return sql.join(
    probes.map((p) => sql`(${p} limit ${perProbe})`),
    sql` union `,
  );
}

/**
 * How many people the round that ranked the results finds without the page's bounds, counted up to `cap` + 1 (more
 * than `cap` is shown as «более cap»): the same index probes, only wider, so a common surname costs a bounded count.
 */
export async function countCandidates(
  db: Db,
  query: SearchQuery,
  words: readonly ResolvedWord[],
  mode: ProbeMode,
  cap: number,
): Promise<number> {
  const hits = probeUnion(query, words, mode, cap + 1);
  if (!hits) return 0;
  const [row] = await selectRows<{ n: number | string }>(
    db,
    sql`select count(*) as n from (select s.id from subjects s
          where s.id in (${hits}) and s.merged_into_id is null limit ${cap + 1}) counted`,
  );
  return Number(row?.n ?? 0);
}

/** Phones of the people shown, when ranking did not need them: a masked phone tells namesakes apart. */
export async function phonesOf(db: Db, ids: readonly number[]): Promise<Map<number, string[]>> {
  const phones = new Map<number, string[]>();
  if (ids.length === 0) return phones;
  const rows = await selectRows<{ subject_id: number | string; digits: string }>(
    db,
    sql`select subject_id, digits from subject_phones where subject_id = any(${list(ids)}::bigint[])`,
  );
  for (const r of rows) {
    const id = Number(r.subject_id);
    phones.set(id, [...(phones.get(id) ?? []), r.digits]);
  }
  return phones;
}

// Only what ranking needs is read with the candidates: on a page of sixty namesakes every list is sixty index probes.
const phonesOfRow = sql`array(select p.digits from subject_phones p where p.subject_id = s.id)`;
/** As blockedSubjectIds, one probe of the partial index per candidate. */
const blockedRow = sql`exists (select 1 from blocks b where b.subject_id = s.id and b.state in ${IN_EFFECT})`;
const emailsOf = sql`array(select e.normalised from subject_emails e where e.subject_id = s.id)`;
const formerStemsOf = sql`array(select f.last_stem from subject_former_names f where f.subject_id = s.id)`;

function mayBeFormer(word: ResolvedWord): boolean {
  return [...word.stems.values()].some((s) => s.roles & NAME_ROLE.former);
}

function sharedIdentifierConditions(query: SearchQuery): SQL[] {
  const conditions = query.phoneFragments.map(
    (fragment) =>
      sql`exists (select 1 from subject_phones p where p.subject_id = s.id
                  and ${startsWith(sql`p.digits_reversed`, reverseDigits(fragment))})`,
  );
  if (query.birthDates.length > 0) conditions.push(sql`s.birth_date = any(${list(query.birthDates)}::date[])`);
  return conditions;
}

type CandidateRow = {
  id: number | string;
  external_id: string | null;
  last_name: string;
  first_name: string;
  middle_name: string | null;
  birth_date: string | null;
  category: string;
  last_stem: string;
  first_stem: string;
  middle_stem: string | null;
  phones: string[] | null;
  emails: string[];
  former_stems: string[];
  blocked: boolean;
};

function toCandidate(r: CandidateRow): Candidate {
  return {
    id: Number(r.id),
    externalId: r.external_id,
    lastName: r.last_name,
    firstName: r.first_name,
    middleName: r.middle_name,
    birthDate: r.birth_date,
    category: r.category,
    lastStem: r.last_stem,
    firstStem: r.first_stem,
    middleStem: r.middle_stem,
    phones: r.phones,
    emails: r.emails,
    formerStems: r.former_stems,
    blocked: r.blocked,
  };
}

/** One reading of the name words: which role each word plays, with the stems it may have in that role. */
type Reading = Map<NameRole, string[]>;

/**
 * Probes for the readings that place the most words. A reading needs an indexed way in (surname, former surname or
 * first name); a query of a patronymic alone finds nothing rather than scanning every subject.
 */
function nameProbes(
  words: readonly ResolvedWord[],
  initials: readonly string[],
  extra: readonly SQL[],
  slack: number,
): SQL[] {
  const readings = bestReadings(words.slice(0, 4), slack);
  return readings.flatMap((reading) => {
    const withInitials = placeInitials(reading, initials);
    if (!reading.has('last') && !reading.has('former') && !reading.has('first')) return [];
    return [nameProbe(reading, withInitials, extra)];
  });
}

/** The readings that place the most words, and with slack 1 also those that leave one more word out. */
function bestReadings(words: readonly ResolvedWord[], slack: number): Reading[] {
  const roles: NameRole[] = ['last', 'former', 'first', 'middle'];
  const all: { reading: Reading; placed: number }[] = [];
  const walk = (i: number, reading: Reading, placed: number) => {
    if (i === words.length) {
      if (placed > 0) all.push({ reading: new Map(reading), placed });
      return;
    }
    const word = words[i];
    if (!word) return;
    for (const role of roles) {
      if (reading.has(role)) continue;
      const stems = [...word.stems.values()].filter((s) => s.roles & ROLE_BIT[role]).map((s) => s.stem);
      if (stems.length === 0) continue;
      reading.set(role, stems);
      walk(i + 1, reading, placed + 1);
      reading.delete(role);
    }
    // A word may be noise («Уважаемая») or a name nobody has: the others still count.
    walk(i + 1, reading, placed);
  };
  walk(0, new Map(), 0);
  const most = Math.max(0, ...all.map((r) => r.placed));
  return all.filter((r) => r.placed >= Math.max(1, most - slack)).map((r) => r.reading);
}

/** Initials go to the first name, then the patronymic, whichever a full word has not taken. */
function placeInitials(reading: Reading, initials: readonly string[]): Map<'first' | 'middle', string> {
  const placed = new Map<'first' | 'middle', string>();
  const free = (['first', 'middle'] as const).filter((role) => !reading.has(role));
  initials.slice(0, free.length).forEach((letter, i) => {
    const role = free[i];
    if (role) placed.set(role, letter);
  });
  return placed;
}

function nameProbe(reading: Reading, initials: ReadonlyMap<'first' | 'middle', string>, extra: readonly SQL[]): SQL {
  const conditions: SQL[] = [sql`s.merged_into_id is null`, ...extra];
  const last = reading.get('last');
  const first = reading.get('first');
  const middle = reading.get('middle');
  if (last) conditions.push(sql`s.last_stem = any(${list(last)}::text[])`);
  if (first) conditions.push(sql`s.first_stem = any(${list(first)}::text[])`);
  if (middle) conditions.push(sql`s.middle_stem = any(${list(middle)}::text[])`);
  for (const [role, letter] of initials)
    conditions.push(startsWith(role === 'first' ? sql`s.first_stem` : sql`s.middle_stem`, letter));
  const where = sql.join(conditions, sql` and `);
  const former = reading.get('former');
  if (former) {
    return sql`select s.id from subject_former_names f join subjects s on s.id = f.subject_id
               where f.last_stem = any(${list(former)}::text[]) and ${where}`;
  }
  return sql`select s.id from subjects s where ${where}`;
}

/** A byte range, so the text_pattern_ops index serves it whatever the collation («м» ≤ x < «н»). */
function startsWith(column: SQL, prefix: string): SQL {
  return sql`${column} ~>=~ ${prefix} and ${column} ~<~ ${nextPrefix(prefix)}`;
}

function nextPrefix(prefix: string): string {
  const last = prefix.codePointAt(prefix.length - 1) ?? 0;
  return prefix.slice(0, -1) + String.fromCodePoint(last + 1);
}

/** Every stem a query word may have as a surname: what narrows a shared identifier (a phone tail, a birthday). */
function surnameStems(words: readonly ResolvedWord[]): string[] {
  return words.flatMap((w) => [...w.stems.values()].filter((s) => s.roles & NAME_ROLE.last).map((s) => s.stem));
}

/**
 * One probe per identifier. A phone tail or a birth date is shared by many people (a four-digit tail by one phone in
 * ten thousand), so with a surname in the query each also gets a probe narrowed by it, which the row cap cannot cut.
 * In a narrow round (surnames null) shared identifiers are left to the name probes.
 */
function idProbes(query: SearchQuery, surnames: readonly string[] | null): SQL[] {
  const probes: SQL[] = [];
  const bySurname = (probe: SQL) =>
    sql`${probe} and s.last_stem = any(${list(surnames ?? [])}::text[]) and s.merged_into_id is null`;
  if (query.phones.length > 0) {
    probes.push(sql`select subject_id from subject_phones where ${phoneIsAnyOf(query.phones)}`);
  }
  if (query.emails.length > 0) {
    probes.push(sql`select subject_id from subject_emails where normalised = any(${list(query.emails)}::text[])`);
  }
  if (query.externalIds.length > 0) {
    probes.push(sql`select id from subjects where external_id = any(${list(query.externalIds)}::text[])`);
  }
  if (surnames === null) return probes;
  for (const fragment of query.phoneFragments) {
    const tail = startsWith(sql`p.digits_reversed`, reverseDigits(fragment));
    probes.push(sql`select p.subject_id from subject_phones p where ${tail}`);
    if (surnames.length > 0) {
      probes.push(
        bySurname(sql`select s.id from subject_phones p join subjects s on s.id = p.subject_id where ${tail}`),
      );
    }
  }
  if (query.birthDates.length > 0) {
    const born = sql`s.birth_date = any(${list(query.birthDates)}::date[])`;
    probes.push(sql`select s.id from subjects s where ${born} and s.merged_into_id is null`);
    if (surnames.length > 0) probes.push(bySurname(sql`select s.id from subjects s where ${born}`));
  }
  return probes;
}

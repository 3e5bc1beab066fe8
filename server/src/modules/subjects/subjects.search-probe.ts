// Finds the people a parsed query may mean with indexed lookups only: each way of reading the name words as surname
// (current or former), first name and patronymic becomes one equality probe on the stem columns, each identifier
// (phone, phone tail, e-mail, birth date, record number) one btree probe; all of it is one statement, which also
// brings back what scoring needs about each person found.

import type { SearchQuery } from '@pd-desk/shared/subjects/search-query';
import { type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { NAME_ROLE } from '../../db/schema/subjects';
import { list, selectRows } from './sql-arrays';
import { reverseDigits } from './subject-index';
import type { ResolvedWord } from './subjects.search-words';

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
  phones: string[];
  emails: string[];
  formerStems: string[];
};

/** Rows per probe: enough for a page of namesakes, bounded so a query for «Иванова» reads no more. */
const PROBE_LIMIT = 60;

export async function probeCandidates(
  db: Db,
  query: SearchQuery,
  words: readonly ResolvedWord[],
): Promise<Candidate[]> {
  const probes = [
    ...nameProbes(
      words,
      query.nameWords.filter((w) => w.isInitial).map((w) => w.stem),
    ),
    ...idProbes(query),
  ];
  if (probes.length === 0) return [];
  const hits = sql.join(
    probes.map((p) => sql`(${p} limit ${PROBE_LIMIT})`),
    sql` union `,
  );
  const rows = await selectRows<CandidateRow>(
    db,
    sql`with hit(id) as (${hits})
        select s.id, s.external_id, s.last_name, s.first_name, s.middle_name, s.birth_date::text as birth_date,
          s.category, s.last_stem, s.first_stem, s.middle_stem,
          array(select p.digits from subject_phones p where p.subject_id = s.id order by p.id) as phones,
          array(select e.normalised from subject_emails e where e.subject_id = s.id order by e.id) as emails,
          array(select f.last_stem from subject_former_names f where f.subject_id = s.id) as former_stems
        from subjects s where s.id in (select id from hit) and s.merged_into_id is null`,
  );
  return rows.map(toCandidate);
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
  phones: string[];
  emails: string[];
  former_stems: string[];
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
  };
}

/** One reading of the name words: which role each word plays, with the stems it may have in that role. */
type Reading = Map<NameRole, string[]>;

/**
 * Probes for the readings that place the most words. A reading needs an indexed way in (surname, former surname or
 * first name); a query of a patronymic alone finds nothing rather than scanning every subject.
 */
function nameProbes(words: readonly ResolvedWord[], initials: readonly string[]): SQL[] {
  const readings = bestReadings(words.slice(0, 4));
  return readings.flatMap((reading) => {
    const withInitials = placeInitials(reading, initials);
    if (!reading.has('last') && !reading.has('former') && !reading.has('first')) return [];
    return [nameProbe(reading, withInitials)];
  });
}

function bestReadings(words: readonly ResolvedWord[]): Reading[] {
  const roles: NameRole[] = ['last', 'former', 'first', 'middle'];
  let best: Reading[] = [];
  let bestPlaced = 0;
  const walk = (i: number, reading: Reading, placed: number) => {
    if (i === words.length) {
      if (placed > bestPlaced) {
        best = [];
        bestPlaced = placed;
      }
      if (placed === bestPlaced && placed > 0) best.push(new Map(reading));
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
  return best;
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

function nameProbe(reading: Reading, initials: ReadonlyMap<'first' | 'middle', string>): SQL {
  const conditions: SQL[] = [sql`s.merged_into_id is null`];
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

function idProbes(query: SearchQuery): SQL[] {
  const probes: SQL[] = [];
  if (query.phones.length > 0) {
    probes.push(sql`select subject_id from subject_phones where digits = any(${list(query.phones)}::text[])`);
  }
  for (const fragment of query.phoneFragments) {
    probes.push(
      sql`select subject_id from subject_phones where ${startsWith(sql`digits_reversed`, reverseDigits(fragment))}`,
    );
  }
  if (query.emails.length > 0) {
    probes.push(sql`select subject_id from subject_emails where normalised = any(${list(query.emails)}::text[])`);
  }
  if (query.birthDates.length > 0) {
    probes.push(
      sql`select id from subjects where birth_date = any(${list(query.birthDates)}::date[]) and merged_into_id is null`,
    );
  }
  if (query.externalIds.length > 0) {
    probes.push(sql`select id from subjects where external_id = any(${list(query.externalIds)}::text[])`);
  }
  return probes;
}

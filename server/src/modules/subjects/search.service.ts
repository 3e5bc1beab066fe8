// The one search box: whatever a letter, an e-mail or a caller gives (see shared/src/subjects/search-query.ts for
// what is read out of the text) → the people it may mean, best first, masked. Design: docs/decisions/0002.

import { maskPhone } from '@pd-desk/shared/subjects/phone-normalise';
import { parseSearchQuery, type SearchQuery } from '@pd-desk/shared/subjects/search-query';
import type { SubjectCategory } from '@pd-desk/shared/subjects/subject-categories';
import { maskBirthDate, maskFullName } from '@pd-desk/shared/subjects/subject-mask';
import {
  SEARCH_COUNT_CAP,
  type SearchSubjectsInput,
  type SubjectSearchPage,
  type SubjectSearchResult,
} from '@pd-desk/shared/subjects/subject-search.schemas';
import type { Db } from '../../db/client';
import type { ServiceContext } from '../../service-context';
import { auditView } from '../audit/audit-queue';
import { countCandidates, narrowable, type ProbeMode, phonesOf, probeCandidates } from './search-probe';
import { compareScored, type Scored, scoreCandidate } from './search-score';
import { addTypoReadings, type ResolvedWord, resolveWords } from './search-words';

export type SearchOptions = { query: string; limit?: number | undefined };

/** Search as a user does it: results masked, and the search itself in the audit trail (ids found, not the text). */
export async function searchSubjects(
  { db, actor }: ServiceContext,
  input: SearchSubjectsInput,
): Promise<SubjectSearchPage> {
  const offset = input.cursor ?? 0;
  const limit = input.limit ?? 20;
  const ranked = await findSubjects(db, { query: input.query, limit: offset + limit });
  const { query } = ranked;
  const found = ranked.found.slice(offset);
  const total = await totalFound(db, ranked, offset + limit);
  // Through the group commit: under load one commit (one WAL flush) serves the searches of the last moments.
  await auditView(db, actor, {
    action: 'subject.search',
    objectType: 'subject',
    details: { count: found.length, resultIds: found.map((f) => f.candidate.id), queryParts: queryParts(query) },
  });
  return {
    results: found.map(toResult),
    total: Math.min(total, SEARCH_COUNT_CAP),
    capped: total > SEARCH_COUNT_CAP,
  };
}

/**
 * How many people the query finds in all. A page that is not full is the whole answer (no extra statement for a
 * precise query); a full one is counted with the same probes, widened and capped (countCandidates).
 */
async function totalFound(db: Db, ranked: Found, shown: number): Promise<number> {
  if (ranked.found.length < shown) return ranked.found.length;
  const counted = await countCandidates(db, ranked.query, ranked.words, ranked.mode, SEARCH_COUNT_CAP);
  return Math.max(counted, ranked.found.length);
}

/**
 * The ranked people for a query, unmasked and unaudited: for searchSubjects, the benchmark and the quality test.
 * Rounds, each only when the one before found nobody matching every part of the query: names narrowed by the
 * query's phone tail or birth date; every reading and identifier on its own; the same with typo readings; and
 * readings that leave a name word out.
 */
type Found = { query: SearchQuery; found: Scored[]; words: ResolvedWord[]; mode: ProbeMode };

export async function findSubjects(db: Db, input: SearchOptions): Promise<Found> {
  const query = parseSearchQuery(input.query);
  const limit = input.limit ?? 20;
  const words = await resolveWords(
    db,
    query.nameWords.filter((w) => !w.isInitial),
  );
  let mode: ProbeMode = 'narrow';
  let scored = narrowable(query, words) ? await rank(db, query, words, mode, limit) : [];
  if (!scored.some((s) => s.complete)) {
    mode = 'broad';
    scored = await rank(db, query, words, mode, limit);
  }
  if (!scored.some((s) => s.complete) && words.length > 0) {
    await addTypoReadings(db, words);
    scored = await rank(db, query, words, 'broad', limit);
    if (!scored.some((s) => s.complete)) {
      mode = 'partial';
      scored = await rank(db, query, words, mode, limit);
    }
  }
  const found = scored.slice(0, limit);
  const unread = found.filter((f) => f.candidate.phones === null);
  if (unread.length > 0) {
    const phones = await phonesOf(
      db,
      unread.map((f) => f.candidate.id),
    );
    for (const f of unread) f.candidate.phones = phones.get(f.candidate.id) ?? [];
  }
  return { query, found, words, mode };
}

async function rank(db: Db, query: SearchQuery, words: readonly ResolvedWord[], mode: ProbeMode, limit: number) {
  const candidates = await probeCandidates(db, query, words, mode, limit);
  return candidates
    .map((c) => scoreCandidate(c, query, words))
    .filter((s) => s.score > 0)
    .sort(compareScored);
}

export function toResult(s: Scored): SubjectSearchResult {
  const c = s.candidate;
  const birthDate =
    c.birthDate === null
      ? null
      : s.matchedOn.includes('birth_date')
        ? russianDate(c.birthDate)
        : maskBirthDate(c.birthDate);
  return {
    id: c.id,
    externalId: c.externalId,
    fullName: maskFullName([c.lastName, c.firstName, c.middleName].filter(Boolean).join(' ')),
    birthDate,
    category: c.category as SubjectCategory,
    phones: (c.phones ?? []).map(maskPhone),
    score: s.score,
    matchedOn: s.matchedOn,
    approximate: s.approximate,
    blocked: c.blocked,
  };
}

/** The person typed the date themselves: showing it back reveals nothing. */
function russianDate(iso: string): string {
  const [year, month, day] = iso.split('-');
  return `${day}.${month}.${year}`;
}

/** What kinds of keys a query held, for the audit trail: counts only, never the text. */
function queryParts(q: SearchQuery) {
  return {
    nameWords: q.nameWords.filter((w) => !w.isInitial).length,
    initials: q.nameWords.filter((w) => w.isInitial).length,
    phones: q.phones.length,
    phoneFragments: q.phoneFragments.length,
    emails: q.emails.length,
    birthDates: q.birthDates.length,
    externalIds: q.externalIds.length,
  };
}

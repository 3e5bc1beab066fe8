// The one search box: whatever a letter, an e-mail or a caller gives (see shared/src/subjects/search-query.ts for
// what is read out of the text) → the people it may mean, best first, masked. Design: docs/decisions/0002.

import { maskPhone } from '@pd-desk/shared/subjects/phone-normalise';
import { parseSearchQuery, type SearchQuery } from '@pd-desk/shared/subjects/search-query';
import type { SubjectCategory } from '@pd-desk/shared/subjects/subject-categories';
import { maskBirthDate, maskFullName } from '@pd-desk/shared/subjects/subject-mask';
import type { SearchSubjectsInput, SubjectSearchResult } from '@pd-desk/shared/subjects/subject-search.schemas';
import type { Db } from '../../db/client';
import type { ServiceContext } from '../../service-context';
import { auditView } from '../audit/audit-queue';
import { blockedSubjectIds } from '../blocks/block-queries';
import { narrowable, type ProbeMode, phonesOf, probeCandidates } from './search-probe';
import { compareScored, type Scored, scoreCandidate } from './search-score';
import { addTypoReadings, type ResolvedWord, resolveWords } from './search-words';

export type SearchOptions = { query: string; limit?: number | undefined };

/** Search as a user does it: results masked, and the search itself in the audit trail (ids found, not the text). */
export async function searchSubjects(
  { db, actor }: ServiceContext,
  input: SearchSubjectsInput,
): Promise<SubjectSearchResult[]> {
  const { query, found } = await findSubjects(db, input);
  const blocked = await blockedSubjectIds(
    db,
    found.map((f) => f.candidate.id),
  );
  // Through the group commit: under load one commit (one WAL flush) serves the searches of the last moments.
  await auditView(db, actor, {
    action: 'subject.search',
    objectType: 'subject',
    details: { count: found.length, resultIds: found.map((f) => f.candidate.id), queryParts: queryParts(query) },
  });
  return found.map((f) => ({ ...toResult(f), blocked: blocked.has(f.candidate.id) }));
}

/**
 * The ranked people for a query, unmasked and unaudited: for searchSubjects, the benchmark and the quality test.
 * Rounds, each only when the one before found nobody matching every part of the query: names narrowed by the
 * query's phone tail or birth date; every reading and identifier on its own; the same with typo readings; and
 * readings that leave a name word out.
 */
export async function findSubjects(db: Db, input: SearchOptions): Promise<{ query: SearchQuery; found: Scored[] }> {
  const query = parseSearchQuery(input.query);
  const limit = input.limit ?? 20;
  const words = await resolveWords(
    db,
    query.nameWords.filter((w) => !w.isInitial),
  );
  let scored = narrowable(query, words) ? await rank(db, query, words, 'narrow', limit) : [];
  if (!scored.some((s) => s.complete)) scored = await rank(db, query, words, 'broad', limit);
  if (!scored.some((s) => s.complete) && words.length > 0) {
    await addTypoReadings(db, words);
    scored = await rank(db, query, words, 'broad', limit);
    if (!scored.some((s) => s.complete)) scored = await rank(db, query, words, 'partial', limit);
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
  return { query, found };
}

async function rank(db: Db, query: SearchQuery, words: readonly ResolvedWord[], mode: ProbeMode, limit: number) {
  const candidates = await probeCandidates(db, query, words, mode, limit);
  return candidates
    .map((c) => scoreCandidate(c, query, words))
    .filter((s) => s.score > 0)
    .sort(compareScored);
}

function toResult(s: Scored): Omit<SubjectSearchResult, 'blocked'> {
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

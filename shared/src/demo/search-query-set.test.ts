import { describe, expect, it } from 'vitest';
import { type DemoSubject, generateSubjects } from './demo-subjects';
import { buildQuerySet, QUERY_KINDS, type QueryKind, type SearchQuery } from './search-query-set';

const subjects = [...generateSubjects({ seed: 11, count: 20_000 })];
const byId = new Map(subjects.map((s) => [s.externalId, s]));
const set = buildQuerySet(subjects, { seed: 5, perKind: 25 });

const ofKind = (kind: QueryKind): Array<[SearchQuery, DemoSubject]> =>
  set.queries.filter((q) => q.kind === kind).map((q) => [q, byId.get(q.expectedExternalId) as DemoSubject]);
const norm = (text: string) => text.toLowerCase().replace(/ё/g, 'е');
const nameOf = (s: DemoSubject) => [s.lastName, s.firstName, s.middleName].filter((w) => w !== null).join(' ');

/** Damerau–Levenshtein (optimal string alignment) distance. */
function editDistance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  const at = (i: number, j: number) => d[i]?.[j] ?? Number.POSITIVE_INFINITY;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(at(i - 1, j) + 1, at(i, j - 1) + 1, at(i - 1, j - 1) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, at(i - 2, j - 2) + 1);
      const row = d[i];
      if (row) row[j] = best;
    }
  }
  return at(a.length, b.length);
}

describe('buildQuerySet', () => {
  it('makes at least 300 queries, at least 25 of every kind, each pointing at a given subject', () => {
    expect(set.queries.length).toBeGreaterThanOrEqual(300);
    for (const kind of QUERY_KINDS) {
      expect(set.counts[kind]).toBeGreaterThanOrEqual(25);
      expect(ofKind(kind)).toHaveLength(set.counts[kind]);
    }
    for (const q of set.queries) expect(byId.has(q.expectedExternalId)).toBe(true);
  });

  it('is deterministic', () => {
    expect(buildQuerySet(subjects, { seed: 5, perKind: 25 })).toEqual(set);
    expect(buildQuerySet(subjects, { seed: 6, perKind: 25 }).queries).not.toEqual(set.queries);
  });

  it('picks people whose full name is unique for name queries', () => {
    const counts = new Map<string, number>();
    const key = (s: DemoSubject) => norm(nameOf(s)).split(' ').sort().join(' ');
    for (const s of subjects) counts.set(key(s), (counts.get(key(s)) ?? 0) + 1);
    for (const kind of [
      'fio-nominative',
      'fio-genitive',
      'fio-dative',
      'translit',
      'yo-e',
      'typo',
      'wrong-layout',
    ] as const)
      for (const [, s] of ofKind(kind)) expect(counts.get(key(s))).toBe(1);
  });

  it('gives surname-and-number queries one answer, counting Иванов and Иванова as one surname', () => {
    const base = (x: string) =>
      norm(x)
        .replace(/(ов|ев|ин|ын)а$/, '$1')
        .replace(/(ск|цк)ая$/, '$1ий')
        .replace(/ая$/, 'ой');
    for (const [q] of ofKind('phone-fragment')) {
      const [surname = '', tail = ''] = q.query.split(' ');
      expect(tail).toMatch(/^\d{4}$/);
      const matches = subjects.filter((s) => base(s.lastName) === base(surname) && s.phoneDigits?.endsWith(tail));
      expect(matches.map((s) => s.externalId)).toEqual([q.expectedExternalId]);
    }
    for (const [, s] of ofKind('birth-date-with-surname')) {
      const matches = subjects.filter((o) => base(o.lastName) === base(s.lastName) && o.birthDate === s.birthDate);
      expect(matches).toHaveLength(1);
    }
  });

  it('writes each kind as described', () => {
    for (const [q, s] of ofKind('fio-nominative'))
      expect(norm(q.query).split(' ').sort()).toEqual(norm(nameOf(s)).split(' ').sort());
    for (const [q] of ofKind('fio-genitive')) expect(q.query).toMatch(/(ича|ны)(\s|$)/);
    for (const [q] of ofKind('fio-dative')) expect(q.query).toMatch(/(ичу|не)(\s|$)/);
    for (const [q, s] of ofKind('initials')) {
      expect(q.query).toContain(s.lastName);
      expect(q.query).toMatch(/[А-ЯЁ]\. ?[А-ЯЁ]\./);
    }
    for (const [q] of ofKind('translit')) expect(q.query).toMatch(/^[A-Za-z ]+$/);
    for (const [q, s] of ofKind('yo-e')) {
      expect(q.query).not.toBe(nameOf(s));
      expect(norm(q.query)).toBe(norm(nameOf(s)));
    }
    for (const [q, s] of ofKind('typo')) {
      const distance = editDistance(q.query, nameOf(s));
      expect(distance).toBeGreaterThanOrEqual(1);
      expect(distance).toBeLessThanOrEqual(2);
    }
    for (const [q] of ofKind('wrong-layout')) expect(q.query).not.toMatch(/[а-яё]/i);
    for (const [q, s] of ofKind('phone-format')) {
      expect(q.query).not.toBe(s.phone);
      expect(q.query.replace(/\D/g, '').slice(-10)).toBe(s.phoneDigits?.slice(1));
    }
    for (const [q, s] of ofKind('phone-fragment'))
      expect(q.query).toBe(`${q.query.split(' ')[0]} ${s.phoneDigits?.slice(-4)}`);
    for (const [q, s] of ofKind('email')) {
      expect(q.query).not.toBe(s.email);
      expect(q.query.toLowerCase()).toBe(s.email?.toLowerCase());
    }
    const dates = ofKind('birth-date-with-surname').map(([q]) => q.query);
    expect(dates.some((d) => /\d{2}\.\d{2}\.\d{4}$/.test(d))).toBe(true);
    expect(dates.some((d) => /\d{4}-\d{2}-\d{2}$/.test(d))).toBe(true);
    for (const [q, s] of ofKind('former-surname')) expect(q.query.startsWith(`${s.formerLastName} `)).toBe(true);
  });

  it('returns fewer queries, not wrong ones, when the subjects run out', () => {
    const few = buildQuerySet(subjects.slice(0, 30), { seed: 1, perKind: 25 });
    expect(few.counts['former-surname']).toBeLessThan(25);
    expect(buildQuerySet([], { seed: 1 }).queries).toEqual([]);
  });
});

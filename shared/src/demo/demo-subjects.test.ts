import { describe, expect, it } from 'vitest';
import { DEMO_REFERENCE_DATE, type DemoSubject, generateSubjects, type SubjectCategory } from './demo-subjects';

const take = (seed: number, count: number, startIndex?: number): DemoSubject[] => [
  ...generateSubjects({ seed, count, startIndex }),
];

const ageAtReference = (birthDate: string): number => {
  const years = Number(DEMO_REFERENCE_DATE.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return birthDate.slice(5) > DEMO_REFERENCE_DATE.slice(5) ? years - 1 : years;
};

const fullName = (s: DemoSubject) =>
  `${s.lastName} ${s.firstName} ${s.middleName ?? ''}`.toLowerCase().replace(/ё/g, 'е');

describe('generateSubjects: determinism', () => {
  it('gives identical rows for the same seed and different rows for another', () => {
    const first = take(2025, 1000);
    expect(take(2025, 1000)).toEqual(first);
    const other = take(2026, 1000);
    expect(other.filter((s, i) => fullName(s) === fullName(first[i] as DemoSubject)).length).toBeLessThan(50);
  });

  it('gives the same row at an index however generation started', () => {
    expect(take(7, 10, 500)).toEqual(take(7, 510).slice(500));
    expect(take(7, 1, 41)[0]?.externalId).toBe('DEMO-0000042');
  });

  it('rejects a bad count', () => {
    expect(() => take(1, -1)).toThrow();
  });
});

describe('generateSubjects: a realistic population', () => {
  const rows = take(1, 10_000);

  it('has all seven categories, mostly patients and site users', () => {
    const counts = new Map<SubjectCategory, number>();
    for (const s of rows) counts.set(s.category, (counts.get(s.category) ?? 0) + 1);
    expect(counts.size).toBe(7);
    const sorted = [...counts.entries()].sort((a, b) => b[1] - a[1]).map(([c]) => c);
    expect(sorted.slice(0, 2)).toEqual(['patient', 'site_user']);
  });

  it('keeps ages consistent with categories', () => {
    for (const s of rows) {
      const age = ageAtReference(s.birthDate);
      expect(age).toBeGreaterThanOrEqual(1);
      expect(age).toBeLessThanOrEqual(95);
      if (s.category === 'employee') {
        expect(age).toBeGreaterThanOrEqual(18);
        expect(age).toBeLessThanOrEqual(70);
      }
      if (age < 18) expect(s.category).toBe('patient');
      if (age < 14) expect(s.email).toBeNull();
    }
    expect(rows.some((s) => ageAtReference(s.birthDate) < 18)).toBe(true);
  });

  it('writes ё names with ё in most records and without it in some', () => {
    const withYo = rows.filter((s) => /ё/i.test(`${s.lastName}${s.firstName}${s.middleName}`)).length;
    expect(withYo).toBeGreaterThan(300);
    expect(rows.some((s) => s.lastName === 'Федоров' || s.lastName === 'Семенова')).toBe(true);
  });

  it('has about 3% without a patronymic and about 5% of women with a maiden name', () => {
    const noMiddle = rows.filter((s) => s.middleName === null).length / rows.length;
    expect(noMiddle).toBeGreaterThan(0.015);
    expect(noMiddle).toBeLessThan(0.05);
    const women = rows.filter((s) => s.gender === 'female');
    const maiden = women.filter((s) => s.formerLastName !== null).length / women.length;
    expect(maiden).toBeGreaterThan(0.03);
    expect(maiden).toBeLessThan(0.07);
    expect(rows.filter((s) => s.gender === 'male').every((s) => s.formerLastName === null)).toBe(true);
  });

  it('writes phones in mixed formats whose digits match phoneDigits', () => {
    const shapes = new Set<string>();
    for (const s of rows) {
      expect(s.phone === null).toBe(s.phoneDigits === null);
      if (s.phone === null || s.phoneDigits === null) continue;
      shapes.add(s.phone.replace(/\d/g, '9'));
      const digits = s.phone.replace(/\D/g, '');
      expect(digits.length === 10 ? `7${digits}` : `7${digits.slice(1)}`).toBe(s.phoneDigits);
      expect(s.phoneDigits).toMatch(/^7(9\d\d|343)\d{7}$/);
    }
    // Every digit is written as 9, so '+7 912 345-67-89' has the shape '+9 999 999-99-99'.
    expect([...shapes].sort()).toEqual(
      [
        '+9 999 999-99-99',
        '+99999999999',
        '99999999999',
        '9 (999) 999-99-99',
        '9-999-999-99-99',
        '+9 (999) 999-99-99',
        '9999999999',
      ].sort(),
    );
    expect(rows.some((s) => s.phoneDigits?.startsWith('7343'))).toBe(true);
    expect(rows.filter((s) => s.phone !== null).length / rows.length).toBeGreaterThan(0.85);
  });

  it('makes e-mails from the name at common domains, some with capitals', () => {
    const emails = rows.flatMap((s) => (s.email === null ? [] : [s.email]));
    expect(emails.length).toBeGreaterThan(rows.length * 0.4);
    const shape =
      /^[A-Za-z][A-Za-z._]*\d+@(mail\.ru|yandex\.ru|ya\.ru|bk\.ru|list\.ru|inbox\.ru|rambler\.ru|gmail\.com)$/;
    for (const email of emails) expect(email).toMatch(shape);
    expect(emails.some((e) => /[A-Z]/.test(e))).toBe(true);
    const domains = new Set(emails.map((e) => e.split('@')[1]));
    for (const d of ['mail.ru', 'yandex.ru', 'gmail.com', 'bk.ru', 'list.ru', 'inbox.ru']) expect(domains).toContain(d);
  });

  it('gives postal addresses with a 6-digit index in Yekaterinburg and the region', () => {
    const addresses = rows.flatMap((s) => (s.address === null ? [] : [s.address]));
    expect(addresses.length).toBeGreaterThan(rows.length * 0.2);
    for (const a of addresses) expect(a).toMatch(/\b6[2]\d{4}\b/);
    expect(addresses.some((a) => a.includes('Екатеринбург'))).toBe(true);
    expect(addresses.some((a) => a.includes('Свердловская'))).toBe(true);
  });
});

describe('generateSubjects: 100 000 rows', () => {
  const rows = take(3, 100_000);

  it('never repeats an e-mail, ignoring case', () => {
    const emails = rows.flatMap((s) => (s.email === null ? [] : [s.email.toLowerCase()]));
    expect(new Set(emails).size).toBe(emails.length);
  });

  it('has namesakes, some born the same year, and rare shared phones', () => {
    const byName = new Map<string, number>();
    const byNameYear = new Map<string, number>();
    for (const s of rows) {
      byName.set(fullName(s), (byName.get(fullName(s)) ?? 0) + 1);
      const key = `${fullName(s)} ${s.birthDate.slice(0, 4)}`;
      byNameYear.set(key, (byNameYear.get(key) ?? 0) + 1);
    }
    expect([...byName.values()].filter((n) => n > 1).length).toBeGreaterThan(1000);
    expect([...byName.values()].some((n) => n >= 5)).toBe(true);
    expect([...byNameYear.values()].filter((n) => n > 1).length).toBeGreaterThan(10);

    const phones = rows.flatMap((s) => (s.phoneDigits === null ? [] : [s.phoneDigits]));
    expect(phones.length - new Set(phones).size).toBeLessThan(phones.length * 0.005);
  });
});

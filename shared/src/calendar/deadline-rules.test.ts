import { describe, expect, it } from 'vitest';
import {
  DEADLINE_RULE_IDS,
  DEADLINE_RULES,
  type DeadlineUnit,
  DUE_RULE_IDS,
  HOUR_RULE_IDS,
  HOUR_RULES,
  isHourRule,
} from './deadline-rules';

describe('DEADLINE_RULES', () => {
  it('holds exactly the terms of docs/law.md', () => {
    const terms = Object.fromEntries(
      Object.entries(DEADLINE_RULES).map(([id, rule]) => [id, [rule.term, rule.unit, rule.extendable]]),
    );
    expect(terms).toEqual({
      access: [10, 'working_days', true],
      'rkn-inquiry': [10, 'working_days', true],
      rectify: [7, 'working_days', false],
      'destroy-unneeded': [7, 'working_days', false],
      'stop-unlawful': [3, 'working_days', false],
      'destroy-unlawful': [10, 'working_days', false],
      'stop-demand': [10, 'working_days', true],
      withdrawal: [30, 'calendar_days', false],
      'purpose-achieved': [30, 'calendar_days', false],
      'destroy-after-block': [6, 'months', false],
      'medical-records-copy': [30, 'calendar_days', false],
    } satisfies Record<string, [number, DeadlineUnit, boolean]>);
    expect(DEADLINE_RULE_IDS).toEqual(Object.keys(terms));
  });

  it('marks only the partly confirmed medical-records term as configurable', () => {
    const configurable = DEADLINE_RULE_IDS.filter((id) => DEADLINE_RULES[id].configurable);
    expect(configurable).toEqual(['medical-records-copy']);
  });

  it('cites a norm and names every rule in both languages', () => {
    expect(DEADLINE_RULES.access.article).toBe('ст. 14 ч. 3, 7; ст. 20 ч. 1–2 152-ФЗ');
    for (const rule of Object.values(DEADLINE_RULES)) {
      expect(rule.article).toMatch(/ст\. \d+.*(152|323)-ФЗ/);
      expect(rule.titleRu).not.toBe('');
      expect(rule.titleEn).not.toBe('');
    }
  });
});

describe('HOUR_RULES', () => {
  it('holds the two breach clocks of art. 21 p. 3.1, apart from the rules a case may carry', () => {
    expect(HOUR_RULES).toMatchObject({
      'breach-notice': { term: 24, unit: 'hours', article: 'ст. 21 ч. 3.1 п. 1 152-ФЗ', extendable: false },
      'breach-report': { term: 72, unit: 'hours', article: 'ст. 21 ч. 3.1 п. 2 152-ФЗ', extendable: false },
    });
    expect(HOUR_RULE_IDS).toEqual(['breach-notice', 'breach-report']);
    expect(DEADLINE_RULE_IDS).not.toContain('breach-notice');
    expect(DUE_RULE_IDS).toEqual([...DEADLINE_RULE_IDS, 'breach-notice', 'breach-report']);
  });

  it('isHourRule tells the two kinds apart and ignores inherited names', () => {
    expect(isHourRule('breach-report')).toBe(true);
    expect(isHourRule('access')).toBe(false);
    expect(isHourRule('toString')).toBe(false);
  });
});

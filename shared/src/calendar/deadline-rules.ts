/** Terms from docs/law.md, the single source for every deadline PD Desk computes. */

export type DeadlineUnit = 'working_days' | 'calendar_days' | 'months';

export interface DeadlineRule {
  term: number;
  unit: DeadlineUnit;
  article: string;
  /** The term may be extended by EXTENSION_WORKING_DAYS with a motivated notice to the requester. */
  extendable: boolean;
  /** The term is only partly confirmed; a clinic may override it rather than trust the default. */
  configurable: boolean;
  titleRu: string;
  titleEn: string;
}

export const EXTENSION_WORKING_DAYS = 5;

export const DEADLINE_RULES = {
  access: {
    term: 10,
    unit: 'working_days',
    article: 'ст. 14 ч. 3, 7; ст. 20 ч. 1–2 152-ФЗ',
    extendable: true,
    configurable: false,
    titleRu: 'Ответ на запрос субъекта о его персональных данных',
    titleEn: 'Answer a data subject access request',
  },
  'rkn-inquiry': {
    term: 10,
    unit: 'working_days',
    article: 'ст. 20 ч. 4 152-ФЗ',
    extendable: true,
    configurable: false,
    titleRu: 'Ответ на запрос Роскомнадзора',
    titleEn: 'Answer a Roskomnadzor inquiry',
  },
  rectify: {
    term: 7,
    unit: 'working_days',
    article: 'ст. 20 ч. 3; ст. 21 ч. 2 152-ФЗ',
    extendable: false,
    configurable: false,
    titleRu: 'Уточнение неточных данных и снятие блокировки',
    titleEn: 'Rectify inaccurate data and lift the block',
  },
  'destroy-unneeded': {
    term: 7,
    unit: 'working_days',
    article: 'ст. 20 ч. 3 152-ФЗ',
    extendable: false,
    configurable: false,
    titleRu: 'Уничтожение незаконно полученных или не нужных для цели данных',
    titleEn: 'Destroy data obtained unlawfully or not needed for the purpose',
  },
  'stop-unlawful': {
    term: 3,
    unit: 'working_days',
    article: 'ст. 21 ч. 3 152-ФЗ',
    extendable: false,
    configurable: false,
    titleRu: 'Прекращение неправомерной обработки',
    titleEn: 'Stop unlawful processing',
  },
  'destroy-unlawful': {
    term: 10,
    unit: 'working_days',
    article: 'ст. 21 ч. 3 152-ФЗ',
    extendable: false,
    configurable: false,
    titleRu: 'Уничтожение данных, обработку которых нельзя сделать правомерной',
    titleEn: 'Destroy data whose processing cannot be made lawful',
  },
  'stop-demand': {
    term: 10,
    unit: 'working_days',
    article: 'ст. 21 ч. 5.1 152-ФЗ',
    extendable: true,
    configurable: false,
    titleRu: 'Прекращение обработки по требованию субъекта',
    titleEn: "Stop processing on the subject's demand",
  },
  withdrawal: {
    term: 30,
    unit: 'calendar_days',
    article: 'ст. 9 ч. 2; ст. 21 ч. 5 152-ФЗ',
    extendable: false,
    configurable: false,
    titleRu: 'Прекращение обработки и уничтожение после отзыва согласия',
    titleEn: 'Stop processing and destroy after consent withdrawal',
  },
  'purpose-achieved': {
    term: 30,
    unit: 'calendar_days',
    article: 'ст. 21 ч. 4 152-ФЗ',
    extendable: false,
    configurable: false,
    titleRu: 'Прекращение обработки и уничтожение по достижении цели',
    titleEn: 'Stop processing and destroy once the purpose is achieved',
  },
  'destroy-after-block': {
    term: 6,
    unit: 'months',
    article: 'ст. 21 ч. 6 152-ФЗ',
    extendable: false,
    configurable: false,
    titleRu: 'Уничтожение заблокированных данных, которые не удалось уничтожить в срок',
    titleEn: 'Destroy blocked data that could not be destroyed in time',
  },
  'medical-records-copy': {
    term: 30,
    unit: 'calendar_days',
    article: 'ст. 22 323-ФЗ; приказ Минздрава России № 789н',
    extendable: false,
    configurable: true,
    titleRu: 'Выдача копий медицинских документов',
    titleEn: 'Provide copies of medical records',
  },
} as const satisfies Record<string, DeadlineRule>;

export type DeadlineRuleId = keyof typeof DEADLINE_RULES;

export const DEADLINE_RULE_IDS = Object.keys(DEADLINE_RULES) as [DeadlineRuleId, ...DeadlineRuleId[]];

/**
 * Clocks in hours (breach of personal data). Kept out of DEADLINE_RULES on purpose: those are the
 * rules a case may carry and they count dates; these run from an instant in absolute time, nights
 * and holidays included, so a case form or computeDeadline must never be offered one.
 */
export interface HourRule {
  term: number;
  unit: 'hours';
  article: string;
  extendable: false;
  configurable: false;
  titleRu: string;
  titleEn: string;
}

export const HOUR_RULES = {
  'breach-notice': {
    term: 24,
    unit: 'hours',
    article: 'ст. 21 ч. 3.1 п. 1 152-ФЗ',
    extendable: false,
    configurable: false,
    titleRu: 'Уведомление Роскомнадзора об инциденте с персональными данными',
    titleEn: 'Notify Roskomnadzor of a personal data breach',
  },
  'breach-report': {
    term: 72,
    unit: 'hours',
    article: 'ст. 21 ч. 3.1 п. 2 152-ФЗ',
    extendable: false,
    configurable: false,
    titleRu: 'Уведомление Роскомнадзора о результатах внутреннего расследования инцидента',
    titleEn: 'Report the results of the internal breach investigation to Roskomnadzor',
  },
} as const satisfies Record<string, HourRule>;

export type HourRuleId = keyof typeof HOUR_RULES;

export const HOUR_RULE_IDS = Object.keys(HOUR_RULES) as [HourRuleId, ...HourRuleId[]];

/** Every rule `pnpm pd-desk due` answers: day rules give a date, hour rules an instant. */
export type DueRuleId = DeadlineRuleId | HourRuleId;

export const DUE_RULE_IDS: readonly [DueRuleId, ...DueRuleId[]] = [...DEADLINE_RULE_IDS, ...HOUR_RULE_IDS];

export function isHourRule(rule: string): rule is HourRuleId {
  return Object.hasOwn(HOUR_RULES, rule);
}

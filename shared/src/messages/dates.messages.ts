/** Dates of things that already happened, refused when they are after today (calendar/date-limits.ts). */
export const datesMessages = {
  'dates.afterToday': {
    ru: '{{what}} {{date|date}} позже сегодняшней ({{today|date}})',
    en: '{{what}} {{date|date}} is after today ({{today|date}})',
  },
  'dates.afterNow': {
    ru: '{{what}} {{at}} позже текущего момента ({{now}})',
    en: '{{what}} {{at}} is later than now ({{now}})',
  },
  'dates.received': { ru: 'Дата получения', en: 'The date received' },
  'dates.postmark': { ru: 'Дата почтового штемпеля', en: 'The postmark date' },
  'dates.sent': { ru: 'Дата отправки', en: 'The date sent' },
  'dates.withdrawal': { ru: 'Дата поступления отзыва', en: 'The date the withdrawal arrived' },
  'dates.decided': { ru: 'Дата решения', en: 'The date of the decision' },
  'dates.established': { ru: 'Момент выявления инцидента', en: 'The moment the incident was established' },
  'dates.filed': { ru: 'Момент подачи уведомления', en: 'The moment the notice was filed' },
  'dates.collected': { ru: 'Дата сбора данных', en: 'The date the data was collected' },
  'dates.consentGiven': { ru: 'Момент дачи согласия', en: 'The moment consent was given' },
} as const;

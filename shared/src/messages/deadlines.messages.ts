/** Refusals of the deadline rules (shared/src/calendar/deadlines.ts), by the rule's error code. */
export const deadlinesMessages = {
  'deadlines.not-extendable': {
    ru: 'Срок «{{rule|deadlineRule}}» ({{article}}) продлению не подлежит: закон не предусматривает продления на {{days}} рабочих дней для этого срока',
    en: 'The deadline «{{rule|deadlineRule}}» ({{article}}) cannot be extended: the law provides no extension by {{days}} working days for it',
  },
  'deadlines.not-configurable': {
    ru: 'Срок «{{rule|deadlineRule}}» установлен законом ({{article}}) и не настраивается',
    en: 'The deadline «{{rule|deadlineRule}}» is set by law ({{article}}) and cannot be configured',
  },
  'deadlines.invalid-term': {
    ru: 'Срок должен быть целым положительным числом',
    en: 'The term must be a whole positive number',
  },
} as const;

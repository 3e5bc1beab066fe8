export const calendarMessages = {
  'calendar.invalid': {
    ru: 'Календарь не принят: {{problems}}',
    en: 'The calendar was not accepted: {{problems}}',
  },
  'calendar.yearMissingLoad': {
    ru: 'Производственный календарь на {{year}} год не загружен — срок не может быть рассчитан. Загрузите календарь на {{year}} год (Настройки → Производственный календарь).',
    en: 'The production calendar for {{year}} is not loaded — the deadline cannot be computed. Load the calendar for {{year}} (Settings → Production calendar).',
  },
  'calendar.yearNotLoaded': {
    ru: 'Календарь на {{yearNumber}} год не загружен',
    en: 'The calendar for {{yearNumber}} is not loaded',
  },
  'calendar.yearMissing': {
    ru: 'Производственный календарь на {{year}} год не загружен — срок не может быть рассчитан',
    en: 'The production calendar for {{year}} is not loaded — the deadline cannot be computed',
  },
  'calendar.xmlInvalid': {
    ru: '{{detail}}',
    en: 'The XML calendar could not be read: {{detail}}',
  },
} as const;

export const triageMessages = {
  'triage.bulkNothingChanged': {
    ru: '{{message}}. Ни одно из выбранных обращений не изменено.',
    en: '{{message}}. None of the selected cases was changed.',
  },
} as const;

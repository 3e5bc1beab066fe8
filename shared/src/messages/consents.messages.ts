export const consentsMessages = {
  'consents.alreadyWithdrawn': {
    ru: 'Это согласие уже отозвано',
    en: 'This consent has already been withdrawn',
  },
  'consents.notFound': {
    ru: 'Согласие не найдено',
    en: 'Consent not found',
  },
} as const;

export const catalogueMessages = {
  'catalogue.codeTaken': {
    ru: 'Код «{{code}}» уже занят',
    en: 'Code «{{code}}» is already taken',
  },
  'catalogue.notFound': {
    ru: 'Запись справочника не найдена',
    en: 'Catalogue entry not found',
  },
  'catalogue.stale': {
    ru: 'Запись справочника изменил другой пользователь. Обновите страницу и внесите правку заново.',
    en: 'Another user has changed the catalogue entry. Reload the page and make your change again.',
  },
} as const;

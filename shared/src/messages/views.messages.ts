export const viewsMessages = {
  'views.notFound': {
    ru: 'Представление не найдено',
    en: 'View not found',
  },
  'views.userOnly': {
    ru: 'Представления сохраняются только для пользователя',
    en: 'Views are saved only for a user',
  },
} as const;

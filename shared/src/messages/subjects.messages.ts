export const subjectsMessages = {
  'subjects.badEmail': {
    ru: 'Не похоже на адрес электронной почты: «{{raw}}»',
    en: 'Does not look like an e-mail address: «{{raw}}»',
  },
  'subjects.badPhone': {
    ru: 'Не похоже на номер телефона: «{{raw}}»',
    en: 'Does not look like a phone number: «{{raw}}»',
  },
  'subjects.contactGone': {
    ru: 'Этот контакт уже изменён или удалён — обновите страницу',
    en: 'This contact has already been changed or deleted — reload the page',
  },
  'subjects.importJobNotFound': {
    ru: 'Задание импорта не найдено',
    en: 'Import job not found',
  },
  'subjects.merged': {
    ru: 'Запись объединена с записью № {{mergedIntoId}}: вносите изменения туда или отмените объединение',
    en: 'The record has been merged into record № {{mergedIntoId}}: make changes there or undo the merge',
  },
  'subjects.notFound': {
    ru: 'Субъект не найден',
    en: 'Subject not found',
  },
  'subjects.representativeNotFound': {
    ru: 'Представитель не найден или уже отозван',
    en: 'Representative not found or already revoked',
  },
  'subjects.unchanged': {
    ru: 'Новое значение совпадает с текущим — исправлять нечего',
    en: 'The new value is the same as the current one — nothing to correct',
  },
  'subjects.stale': {
    ru: 'Запись изменил другой пользователь, пока вы её редактировали. Ничего не перезаписано: обновите страницу и внесите правку заново.',
    en: 'Another user changed the record while you were editing it. Nothing was overwritten: reload the page and make your change again.',
  },
} as const;

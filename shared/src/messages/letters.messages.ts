export const lettersMessages = {
  'letters.alreadySent': {
    ru: 'Письмо исх. № {{outgoingNumber}} уже отмечено как отправленное {{sentOn|date}}',
    en: 'Letter ref. № {{outgoingNumber}} is already marked as sent on {{sentOn|date}}',
  },
  'letters.notFound': {
    ru: 'Письмо не найдено',
    en: 'Letter not found',
  },
  'letters.useExtend': {
    ru: 'Уведомление о продлении создаётся действием «Продлить срок»',
    en: 'The extension notice is created by the «Extend deadline» action',
  },
  'letters.placeholdersLeft': {
    ru: 'В письме остались незаполненные места: {{blanks}}. Заполните или удалите их (квадратные скобки тоже) — тогда письму можно присвоить номер.',
    en: 'The letter still has blanks: {{blanks}}. Fill them in or delete them (with their square brackets) before the letter can be numbered.',
  },
  'letters.useExtendDraft': {
    ru: 'Уведомление о продлении готовится вместе с продлением срока',
    en: 'The extension notice is prepared together with extending the deadline',
  },
} as const;

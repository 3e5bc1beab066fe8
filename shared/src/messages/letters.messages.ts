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
  'letters.beforeRequest': {
    ru: 'Письмо нельзя датировать {{today|date}} — раньше обращения вх. № {{incomingNumber}}, полученного {{receivedOn|date}}: исправьте дату получения обращения',
    en: 'The letter cannot be dated {{today|date}}, before request No. {{incomingNumber}} received on {{receivedOn|date}}: correct the request’s date of receipt',
  },
  'letters.sentBeforeLetter': {
    ru: 'Дата отправки {{sentOn|date}} раньше даты письма исх. № {{outgoingNumber}} ({{dateOn|date}})',
    en: 'The date sent {{sentOn|date}} is before the date of letter No. {{outgoingNumber}} ({{dateOn|date}})',
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

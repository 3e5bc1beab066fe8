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
  'letters.useExtendDraft': {
    ru: 'Уведомление о продлении готовится вместе с продлением срока',
    en: 'The extension notice is prepared together with extending the deadline',
  },
} as const;

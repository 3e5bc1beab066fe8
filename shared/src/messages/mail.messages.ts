export const mailMessages = {
  'mail.emailEmpty': {
    ru: 'Файл письма пуст.',
    en: 'The letter file is empty.',
  },
  'mail.emailNotAMessage': {
    ru: 'Файл не похож на письмо .eml: в нём нет заголовков From, Date, Subject или Message-ID.',
    en: 'The file does not look like an .eml letter: it has no From, Date, Subject or Message-ID headers.',
  },
  'mail.emailTooLarge': {
    ru: 'Файл слишком велик для письма (больше 40 МБ).',
    en: 'The file is too large for a letter (over 40 MB).',
  },
  'mail.emailUnparseable': {
    ru: 'Не удалось разобрать письмо: повреждена структура MIME.',
    en: 'Could not read the letter: the MIME structure is damaged.',
  },
  'mail.noCase': {
    ru: 'У письма нет обращения — запрос не нужен',
    en: 'The letter has no case — no request is needed',
  },
  'mail.scanTakenOrGone': {
    ru: 'Скан уже приложен к другому письму или не найден — загрузите его снова',
    en: 'The scan is already attached to another letter or not found — upload it again',
  },
} as const;

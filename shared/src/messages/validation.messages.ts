/** Messages of the shared zod schemas (schema-fields.ts and the domain schemas), shown in forms and API answers. */
export const validationMessages = {
  'validation.unsafeText': {
    ru: 'Текст содержит недопустимые символы (нулевой байт или неполный символ Юникода)',
    en: 'The text contains characters that are not allowed (a NUL byte or an incomplete Unicode character)',
  },
  'validation.idExpected': { ru: 'Ожидается номер записи', en: 'A record number is expected' },
  'validation.intIdExpected': { ru: 'Ожидается целый номер записи', en: 'A whole record number is expected' },
  'validation.noSuchId': { ru: 'Нет записи с таким номером', en: 'There is no record with this number' },
  'validation.numberTooBig': { ru: 'Слишком большой номер', en: 'The number is too large' },
  'validation.badVersion': { ru: 'Некорректная версия записи', en: 'Invalid record version' },
  'validation.dateFormat': {
    ru: 'Ожидается дата в формате ГГГГ-ММ-ДД',
    en: 'A date in the format YYYY-MM-DD is expected',
  },
  'validation.dateBetween': {
    ru: 'Дата должна быть между {{earliest|date}} и {{latest|date}}',
    en: 'The date must be between {{earliest|date}} and {{latest|date}}',
  },
  'validation.tooLong': { ru: 'Не длиннее {{max}} символов', en: 'No longer than {{max}} characters' },
  'validation.badFilter': {
    ru: 'Некорректный фильтр',
    en: 'Invalid filter',
  },
  'validation.badForm': {
    ru: 'Некорректная форма',
    en: 'Invalid form',
  },
} as const;

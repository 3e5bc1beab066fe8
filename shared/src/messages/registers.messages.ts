export const registersMessages = {
  'registers.journalTooLong': {
    ru: 'В журнале за этот период {{total|number}} обращений: для печати сузьте период (не больше {{max|number}})',
    en: 'The journal has {{total|number}} requests in this period: narrow the period to print it (at most {{max|number}})',
  },
  'registers.entryNotFound': {
    ru: 'Запись реестра не найдена',
    en: 'Register entry not found',
  },
} as const;

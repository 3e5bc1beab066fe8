export const registersMessages = {
  'registers.entryNotFound': {
    ru: 'Запись реестра не найдена',
    en: 'Register entry not found',
  },
} as const;

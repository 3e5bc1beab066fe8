export const recordsMessages = {
  'records.chooseCatalogue': {
    ru: 'Выберите действующую систему и цель из справочника',
    en: 'Choose an active system and purpose from the catalogue',
  },
} as const;

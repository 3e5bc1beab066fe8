export const mergesMessages = {
  'merges.alreadyUndone': {
    ru: 'Это объединение уже отменено',
    en: 'This merge has already been undone',
  },
  'merges.movedOn': {
    ru: 'Часть перенесённых данных с тех пор изменилась (удалена или снова перенесена). Сначала отмените более поздние объединения.',
    en: 'Some of the moved data has changed since (deleted or moved again). Undo the later merges first.',
  },
  'merges.notFound': {
    ru: 'Объединение не найдено',
    en: 'Merge not found',
  },
} as const;

export const documentsMessages = {
  'documents.actNotFound': {
    ru: 'Акт не найден',
    en: 'Act not found',
  },
  'documents.answerExists': {
    ru: 'Ответ по этому плану уже подготовлен',
    en: 'The answer for this plan has already been prepared',
  },
  'documents.planNotDone': {
    ru: 'Ответ готовится после исполнения всех задач плана',
    en: 'The answer is prepared after all tasks of the plan are done',
  },
} as const;

export const plansMessages = {
  'plans.alreadyStopped': {
    ru: 'Обработка по этой записи уже прекращена',
    en: 'Processing of this record has already stopped',
  },
  'plans.confirmed': {
    ru: 'План уже утверждён',
    en: 'The plan is already confirmed',
  },
  'plans.confirmedEditLines': {
    ru: 'План уже утверждён: измените отдельные строки',
    en: 'The plan is already confirmed: change individual lines',
  },
  'plans.done': {
    ru: 'Все задачи плана уже исполнены',
    en: 'All tasks of the plan are already done',
  },
  'plans.lineDone': {
    ru: 'Задача уже исполнена: действие изменить нельзя',
    en: 'The task is already done: its action cannot be changed',
  },
  'plans.lineNotFound': {
    ru: 'Строка плана не найдена',
    en: 'Plan line not found',
  },
  'plans.lineNotOpen': {
    ru: 'Задача не из этого плана или уже исполнена',
    en: 'The task is not from this plan or is already done',
  },
  'plans.notConfirmed': {
    ru: 'Сначала утвердите план действий',
    en: 'Confirm the action plan first',
  },
  'plans.notFound': {
    ru: 'План действий не найден',
    en: 'Action plan not found',
  },
  'plans.notWithdrawal': {
    ru: 'План действий составляется для отзыва согласия',
    en: 'An action plan is made for a consent withdrawal',
  },
  'plans.noteRequired': {
    ru: 'Укажите, почему действие отличается от предложенного',
    en: 'Say why the action differs from the proposed one',
  },
  'plans.unknownPurpose': {
    ru: 'Неизвестная цель обработки',
    en: 'Unknown processing purpose',
  },
  'plans.severalSubjects': {
    ru: 'К отзыву привязано несколько субъектов: план составляется для одного человека',
    en: 'Several subjects are linked to the withdrawal: a plan is made for one person',
  },
  'plans.matchFirst': {
    ru: 'Сначала сопоставьте письмо с субъектом: план строится по его записям',
    en: 'Match the letter with a subject first: the plan is built from their records',
  },
  'plans.keptByLaw': {
    ru: 'Эти данные хранятся по требованию федерального закона: уничтожить их по отзыву согласия нельзя',
    en: 'These data are kept as a federal law requires: they cannot be destroyed on a consent withdrawal',
  },
  'plans.stillProcessing': {
    ru: 'Обработка по этой записи ещё ведётся',
    en: 'Processing of this record is still going on',
  },
} as const;

export const blocksMessages = {
  'blocks.blocked': {
    ru: 'Нельзя {{action}}: данные заблокированы по обращению {{caseNumber}} (блокировка № {{id}}). Изменить их можно только в ходе рассмотрения блокировки («Блокировки» → блокировка → «Уточнить данные»).',
    en: 'Not possible: the data are blocked under case {{caseNumber}} (block № {{id}}). They can be changed only while the block is being resolved («Blocks» → the block → «Correct data»).',
  },
  'blocks.notFound': {
    ru: 'Блокировка не найдена',
    en: 'Block not found',
  },
  'blocks.stale': {
    ru: 'Блокировку № {{id}} уже изменил другой пользователь. Ничего не сохранено: обновите страницу и повторите.',
    en: 'Block № {{id}} has been changed by another user. Nothing was saved: reload the page and try again.',
  },
  'blocks.subjectMerged': {
    ru: 'Запись объединена с записью № {{mergedIntoId}}: блокируйте данные там',
    en: 'The record has been merged into record № {{mergedIntoId}}: block the data there',
  },
  'blocks.noRecordsInSystem': {
    ru: 'В выбранной системе нет действующих записей этого субъекта',
    en: 'The chosen system has no active records of this subject',
  },
  'blocks.noSuchField': {
    ru: 'В этой записи нет такого поля — отметьте поле, которое в ней хранится',
    en: 'This record has no such field — mark a field it holds',
  },
  'blocks.recordNotOfSubject': {
    ru: 'Запись не принадлежит этому субъекту или уже выведена из обработки',
    en: 'The record does not belong to this subject or is no longer processed',
  },
  'blocks.notInEffect': {
    ru: 'Блокировка № {{id}} уже не действует',
    en: 'Block № {{id}} is no longer in effect',
  },
  'blocks.alreadyDecided': {
    ru: 'Итог проверки по блокировке № {{id}} уже внесён',
    en: 'The outcome of the check for block № {{id}} is already recorded',
  },
  'blocks.wrongOutcome': {
    ru: 'Блокировка наложена из-за неправомерной обработки: укажите, подтвердилась ли она',
    en: 'The block was set for unlawful processing: say whether it was confirmed',
  },
  'blocks.notConfirmedYet': {
    ru: 'Уточнить заблокированные данные можно после того, как неточность подтверждена',
    en: 'Blocked data can be corrected once the inaccuracy is confirmed',
  },
  'blocks.cannotStop': {
    ru: 'Прекратить обработку можно после того, как неправомерность подтверждена, и один раз',
    en: 'Processing can be stopped once unlawfulness is confirmed, and only once',
  },
  'blocks.cannotDestroy': {
    ru: 'Уничтожить данные можно после прекращения неправомерной обработки',
    en: 'Data can be destroyed after the unlawful processing has stopped',
  },
  'blocks.cannotKeep': {
    ru: 'Оставить данные заблокированными до уничтожения можно после подтверждения неправомерности',
    en: 'Data can be kept blocked until destruction once unlawfulness is confirmed',
  },
  'blocks.wrongCase': {
    ru: 'Блокировка № {{id}} наложена по обращению {{caseNumber}}, а не «{{given}}»: укажите его номер',
    en: 'Block № {{id}} was set under case {{caseNumber}}, not «{{given}}»: enter its number',
  },
  'blocks.cannotLift': {
    ru: 'Блокировку № {{id}} снять нельзя: она уже не действует или данные подлежат уничтожению',
    en: 'Block № {{id}} cannot be lifted: it is no longer in effect or the data are to be destroyed',
  },
  'blocks.notDecided': {
    ru: 'Сначала внесите итог проверки',
    en: 'Record the outcome of the check first',
  },
  'blocks.notRectified': {
    ru: 'Неточность подтверждена: сначала уточните данные, затем снимайте блокировку',
    en: 'The inaccuracy is confirmed: correct the data first, then lift the block',
  },
} as const;

export const casesMessages = {
  'cases.alreadyExtended': {
    ru: 'Срок по обращению {{incomingNumber}} уже продлевался: закон допускает одно продление на 5 рабочих дней',
    en: 'The deadline of case {{incomingNumber}} has already been extended: the law allows one extension by 5 working days',
  },
  'cases.answerNotSent': {
    ru: 'Статус «Ответ направлен» ставится после отправки ответа: подготовьте ответное письмо и отметьте, как оно отправлено',
    en: 'The status «Answer sent» is set after the answer is sent: prepare the answer letter and mark it as sent',
  },
  'cases.badAssignee': {
    ru: 'Исполнителем может быть только активный пользователь с ролью «ответственный»',
    en: 'Only an active user with the «officer» role can be the assignee',
  },
  'cases.illegalTransition': {
    ru: 'Обращение {{incomingNumber}} нельзя перевести из статуса «{{from|caseStatus}}» в «{{to|caseStatus}}». Возможно: {{allowed|caseStatusList}}.',
    en: 'Case {{incomingNumber}} cannot move from status «{{from|caseStatus}}» to «{{to|caseStatus}}». Possible: {{allowed|caseStatusList}}.',
  },
  'cases.notFinal': {
    ru: 'Обращение {{incomingNumber}} не закрыто: открывать заново нечего',
    en: 'Case {{incomingNumber}} is not closed: there is nothing to reopen',
  },
  'cases.notFound': {
    ru: 'Обращение не найдено',
    en: 'Case not found',
  },
  'cases.notOpen': {
    ru: 'Нельзя {{action}}: обращение {{incomingNumber}} в статусе «{{status|caseStatus}}»',
    en: 'Not possible: case {{incomingNumber}} is «{{status|caseStatus}}»',
  },
  'cases.readOnly': {
    ru: 'Нельзя {{action}}: обращение {{incomingNumber}} в статусе «{{status|caseStatus}}» доступно только для чтения. Ответственный может открыть его заново, указав причину.',
    en: 'Not possible: case {{incomingNumber}} is «{{status|caseStatus}}» and read-only. The officer can reopen it, giving a reason.',
  },
  'cases.reasonRequired': {
    ru: 'Для перевода в статус «{{to|caseStatus}}» укажите причину',
    en: 'Give a reason to move the case to status «{{to|caseStatus}}»',
  },
  'cases.ruleFixed': {
    ru: 'Для этого типа обращения срок установлен законом: {{rule|deadlineRule}} ({{article}})',
    en: 'For this type of request the deadline is set by law: {{rule|deadlineRule}} ({{article}})',
  },
  'cases.stale': {
    ru: 'Обращение {{incomingNumber}} уже изменил другой пользователь, пока вы его редактировали. Ваши изменения не сохранены: обновите карточку и повторите.',
    en: 'Case {{incomingNumber}} was changed by another user while you were editing it. Your changes were not saved: reload the card and try again.',
  },
  'cases.subjectsNotFound': {
    ru: 'Субъекты не найдены: {{missing}}',
    en: 'Subjects not found: {{missing}}',
  },
  'cases.revealRequesterOnly': {
    ru: 'Регистратор видит полностью только заявителя: данные субъектов открывает ответственный или аудитор',
    en: 'A registrar sees only the requester in full: subjects’ data are opened by an officer or an auditor',
  },
  'cases.revealOwnCasesOnly': {
    ru: 'Полные данные заявителя регистратор видит только в обращениях, которые зарегистрировал сам',
    en: 'A registrar sees the requester’s full data only in cases they registered',
  },
} as const;

export const breachesMessages = {
  'breaches.affectedLimit': {
    ru: 'К одному инциденту можно добавить не больше {{max|number}} субъектов',
    en: 'No more than {{max|number}} subjects can be added to one incident',
  },
  'breaches.alreadyNotified': {
    ru: 'Субъект уже уведомлён: исключение ставится до уведомления',
    en: 'The subject has already been notified: an exception is set before notification',
  },
  'breaches.closed': {
    ru: 'Нельзя {{action}}: инцидент {{number}} в статусе «{{status|breachStatus}}»',
    en: 'Not possible: incident {{number}} is «{{status|breachStatus}}»',
  },
  'breaches.csvEmpty': {
    ru: 'В файле нет ни одного телефона, e-mail или внешнего id',
    en: 'The file has no phone, e-mail or external id',
  },
  'breaches.establishedFiled': {
    ru: 'Момент выявления нельзя изменить после уведомления Роскомнадзора',
    en: 'The moment of establishment cannot be changed after Roskomnadzor has been notified',
  },
  'breaches.filedAtRange': {
    ru: 'Время направления должно быть между моментом выявления инцидента и текущим моментом',
    en: 'The filing time must lie between the moment the incident was established and now',
  },
  'breaches.jobNotFound': {
    ru: 'Задание не найдено',
    en: 'Job not found',
  },
  'breaches.jobRunning': {
    ru: 'По этому инциденту уже выполняется задание — дождитесь его окончания',
    en: 'A job is already running for this incident — wait until it finishes',
  },
  'breaches.letterNotFound': {
    ru: 'Письмо не найдено: субъект не уведомлялся по этому инциденту',
    en: 'Letter not found: the subject was not notified about this incident',
  },
  'breaches.noLetters': {
    ru: 'Писем пока нет: запустите уведомление субъектов',
    en: 'No letters yet: run the notification of subjects first',
  },
  'breaches.notFound': {
    ru: 'Инцидент не найден',
    en: 'Incident not found',
  },
  'breaches.notReported': {
    ru: 'Закрыть инцидент можно только после направления в Роскомнадзор итогов расследования',
    en: 'An incident can be closed only after the results of the investigation are sent to Roskomnadzor',
  },
  'breaches.stale': {
    ru: 'Инцидент {{number}} уже изменил другой пользователь. Ваши изменения не сохранены: обновите страницу и повторите.',
    en: 'Incident {{number}} has been changed by another user. Your changes were not saved: reload the page and try again.',
  },
  'breaches.subjectNotAffected': {
    ru: 'Субъект не затронут этим инцидентом',
    en: 'The subject is not affected by this incident',
  },
  'breaches.systemNotFound': {
    ru: 'Указана несуществующая информационная система',
    en: 'The information system does not exist',
  },
  'breaches.noticeAlreadyFiled': {
    ru: 'Уведомление об инциденте уже отмечено как направленное',
    en: 'The incident notice is already marked as sent',
  },
  'breaches.noticeFirst': {
    ru: 'Сначала отметьте направление уведомления об инциденте (24 часа)',
    en: 'First mark the incident notice as sent (24 hours)',
  },
  'breaches.reportAlreadyFiled': {
    ru: 'Итоги расследования уже отмечены как направленные',
    en: 'The results of the investigation are already marked as sent',
  },
} as const;

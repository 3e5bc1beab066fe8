export const integrationsMessages = {
  'integrations.chooseSystem': {
    ru: 'Выберите действующую систему из справочника',
    en: 'Choose an active system from the catalogue',
  },
  'integrations.csvHeader': {
    ru: 'В заголовке нет столбцов: {{missing}}',
    en: 'The header lacks columns: {{missing}}',
  },
  'integrations.deliveryNotFound': {
    ru: 'Доставка не найдена',
    en: 'Delivery not found',
  },
  'integrations.foreignSystem': {
    ru: 'Ключ системы «{{keySystem}}» не может писать записи системы «{{systemCode}}»',
    en: 'The key of system «{{systemCode}}» cannot write records of another system',
  },
  'integrations.idempotencyConflict': {
    ru: 'Этот Idempotency-Key уже использован для другого запроса: для нового запроса нужен новый ключ',
    en: 'This Idempotency-Key was already used for another request: a new request needs a new key',
  },
  'integrations.idempotencyKeyRequired': {
    ru: 'Нужен заголовок Idempotency-Key (уникальная строка на запрос)',
    en: 'The Idempotency-Key header is required (a unique string per request)',
  },
  'integrations.inactivePurpose': {
    ru: 'Цель обработки «{{code}}» выведена из справочника',
    en: 'Processing purpose «{{code}}» has been retired from the catalogue',
  },
  'integrations.invalidEmail': {
    ru: 'Не похоже на адрес электронной почты',
    en: 'Does not look like an e-mail address',
  },
  'integrations.invalidPhone': {
    ru: 'Не похоже на российский номер телефона (+7 и 10 цифр)',
    en: 'Does not look like a Russian phone number (+7 and 10 digits)',
  },
  'integrations.keyExists': {
    ru: 'У системы «{{code}}» уже есть действующий ключ: отзовите его, чтобы выпустить новый',
    en: 'System «{{code}}» already has an active key: revoke it to issue a new one',
  },
  'integrations.keyExpired': {
    ru: 'Срок действия ключа уже прошёл — выберите дату не раньше сегодняшней',
    en: 'The key expiry date has passed — choose a date not earlier than today',
  },
  'integrations.keyNotFound': {
    ru: 'Действующий ключ с таким номером не найден',
    en: 'No active key with this number',
  },
  'integrations.personIncomplete': {
    ru: 'Субъект не найден по телефону, e-mail, ФИО и дате рождения: для нового субъекта укажите фамилию и имя',
    en: 'No subject found by phone, e-mail, full name and date of birth: give the last and first name for a new subject',
  },
  'integrations.unknownPurpose': {
    ru: 'Цель обработки «{{code}}» не найдена в справочнике PD Desk',
    en: 'Processing purpose «{{code}}» is not in the PD Desk catalogue',
  },
  'integrations.unknownSystem': {
    ru: 'Система «{{code}}» не найдена в справочнике PD Desk',
    en: 'System «{{code}}» is not in the PD Desk catalogue',
  },
  'integrations.webhookNotFound': {
    ru: 'Подписка не найдена',
    en: 'Subscription not found',
  },
  'integrations.recordBlocked': {
    ru: 'Запись заблокирована на время проверки: изменить её можно только решением по блокировке',
    en: 'The record is blocked during the check: it can be changed only by a decision on the block',
  },
  'integrations.recordStopped': {
    ru: 'Обработка по этой записи прекращена: изменить её нельзя',
    en: 'Processing of this record has stopped: it cannot be changed',
  },
} as const;

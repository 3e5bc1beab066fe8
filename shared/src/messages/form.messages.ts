/** Messages of the domain input schemas (shared/src/<domain>/*.schemas.ts): forms show them in the reader's language. */
export const formMessages = {
  'form.nameThePersonAuthorisedTo': {
    ru: 'Укажите лицо, уполномоченное на взаимодействие с Роскомнадзором',
    en: 'Name the person authorised to deal with Roskomnadzor',
  },
  'form.chooseTheKindOfIncident': {
    ru: 'Выберите вид инцидента',
    en: 'Choose the kind of incident',
  },
  'form.sayWhoFoundTheIncident': {
    ru: 'Укажите, кто обнаружил инцидент',
    en: 'Say who found the incident',
  },
  'form.describeWhatHappened': {
    ru: 'Опишите, что произошло',
    en: 'Describe what happened',
  },
  'form.enterTheNoticeNumberOn': {
    ru: 'Укажите номер уведомления на портале Роскомнадзора',
    en: 'Enter the notice number on the Roskomnadzor portal',
  },
  'form.emptyEntry': {
    ru: 'Пустая запись',
    en: 'Empty entry',
  },
  'form.thePeriodStartsAfterIt': {
    ru: 'Начало периода позже его конца',
    en: 'The period starts after it ends',
  },
  'form.noMoreThan100Subjects': {
    ru: 'Не больше 100 субъектов за раз',
    en: 'No more than 100 subjects at a time',
  },
  'form.emptyFile': {
    ru: 'Пустой файл',
    en: 'Empty file',
  },
  'form.giveTheGroundsForThe': {
    ru: 'Укажите основание исключения',
    en: 'Give the grounds for the exception',
  },
  'form.unknownRequestType': {
    ru: 'Неизвестный тип обращения',
    en: 'Unknown request type',
  },
  'form.unknownChannelOfReceipt': {
    ru: 'Неизвестный канал поступления',
    en: 'Unknown channel of receipt',
  },
  'form.unknownStatus': {
    ru: 'Неизвестный статус',
    en: 'Unknown status',
  },
  'form.sayWhoMadeTheRequest': {
    ru: 'Укажите, кто обратился',
    en: 'Say who made the request',
  },
  'form.nameTheRequester': {
    ru: 'Укажите заявителя',
    en: 'Name the requester',
  },
  'form.invalidEMailAddress': {
    ru: 'Некорректный адрес электронной почты',
    en: 'Invalid e-mail address',
  },
  'form.forARepresentativeGiveThe': {
    ru: 'Для представителя укажите документ, подтверждающий полномочия',
    en: 'For a representative, give the document that confirms the authority',
  },
  'form.enterTheRoskomnadzorInquiryNumber': {
    ru: 'Укажите номер запроса Роскомнадзора',
    en: 'Enter the Roskomnadzor inquiry number',
  },
  'form.unknownField': {
    ru: 'Неизвестное поле',
    en: 'Unknown field',
  },
  'form.chooseWhatToShow': {
    ru: 'Выберите, что показать',
    en: 'Choose what to show',
  },
  'form.noChanges': {
    ru: 'Нет изменений',
    en: 'No changes',
  },
  'form.noMoreThan20Subjects': {
    ru: 'Не больше 20 субъектов в одном обращении',
    en: 'No more than 20 subjects in one case',
  },
  'form.sayWhyTheCaseIs': {
    ru: 'Укажите, почему обращение открывается заново',
    en: 'Say why the case is being reopened',
  },
  'form.giveAReasonedCauseFor': {
    ru: 'Укажите мотивированную причину продления срока',
    en: 'Give a reasoned cause for extending the deadline',
  },
  'form.emptyNote': {
    ru: 'Пустая заметка',
    en: 'Empty note',
  },
  'form.theCaseTheFileIs': {
    ru: 'Не указано обращение, к которому добавляется файл',
    en: 'The case the file is added to is not given',
  },
  'form.enterTheFileName': {
    ru: 'Укажите имя файла',
    en: 'Enter the file name',
  },
  'form.unknownKindOfLetter': {
    ru: 'Неизвестный вид письма',
    en: 'Unknown kind of letter',
  },
  'form.emptyLetterText': {
    ru: 'Пустой текст письма',
    en: 'Empty letter text',
  },
  'form.chooseHowItWasSent': {
    ru: 'Укажите способ отправки',
    en: 'Choose how it was sent',
  },
  'form.forAPostalItemEnter': {
    ru: 'Для почтового отправления укажите трек-номер (ШПИ)',
    en: 'For a postal item, enter the tracking number',
  },
  'form.enterTheLogin': {
    ru: 'Введите логин',
    en: 'Enter the login',
  },
  'form.enterThePassword': {
    ru: 'Введите пароль',
    en: 'Enter the password',
  },
  'form.login332CharactersLatin': {
    ru: 'Логин: 3–32 символа, латинские буквы, цифры, точка, дефис, подчёркивание',
    en: 'Login: 3–32 characters, Latin letters, digits, dot, hyphen, underscore',
  },
  'form.thePasswordMustBeAt': {
    ru: 'Пароль должен быть не короче 10 символов',
    en: 'The password must be at least 10 characters long',
  },
  'form.thePasswordIsTooLong': {
    ru: 'Пароль слишком длинный',
    en: 'The password is too long',
  },
  'form.enterTheName': {
    ru: 'Укажите имя',
    en: 'Enter the name',
  },
  'form.unknownRole': {
    ru: 'Неизвестная роль',
    en: 'Unknown role',
  },
  'form.enterTheCode': {
    ru: 'Введите код',
    en: 'Enter the code',
  },
  'form.theCodeIsTooLong': {
    ru: 'Код слишком длинный',
    en: 'The code is too long',
  },
  'form.code6DigitsFromThe': {
    ru: 'Код: 6 цифр из приложения или код восстановления',
    en: 'Code: 6 digits from the app or a recovery code',
  },
  'form.theTimeToEnterThe': {
    ru: 'Время на ввод кода истекло — войдите снова',
    en: 'The time to enter the code has run out — sign in again',
  },
  'form.unknownSession': {
    ru: 'Неизвестный сеанс',
    en: 'Unknown session',
  },
  'form.aDateAndTimeIn': {
    ru: 'Ожидается дата и время в формате ISO 8601',
    en: 'A date and time in ISO 8601 format is expected',
  },
  'form.theStartOfThePeriod': {
    ru: 'Начало периода должно быть раньше конца',
    en: 'The start of the period must be before its end',
  },
  'form.hash64HexadecimalCharacters': {
    ru: 'Хеш — 64 шестнадцатеричных символа',
    en: 'Hash: 64 hexadecimal characters',
  },
  'form.unknownRequestKind': {
    ru: 'Неизвестный вид обращения',
    en: 'Unknown request kind',
  },
  'form.giveThePurposesOrChoose': {
    ru: 'Укажите цели или выберите «все цели»',
    en: 'Give the purposes or choose «all purposes»',
  },
  'form.chooseEmlFiles': {
    ru: 'Выберите файлы .eml',
    en: 'Choose .eml files',
  },
  'form.noMoreThan50Letters': {
    ru: 'Не больше 50 писем за раз',
    en: 'No more than 50 letters at a time',
  },
  'form.chooseAtLeastOnePurpose': {
    ru: 'Выберите хотя бы одну цель или отзовите все согласия',
    en: 'Choose at least one purpose or withdraw all consents',
  },
  'form.chooseAnAction': {
    ru: 'Выберите действие',
    en: 'Choose an action',
  },
  'form.enterTheNameOfThe': {
    ru: 'Укажите наименование оператора',
    en: 'Enter the name of the operator',
  },
  'form.enterTheAddressOfThe': {
    ru: 'Укажите адрес оператора',
    en: 'Enter the address of the operator',
  },
  'form.nameThePersonResponsibleFor': {
    ru: 'Укажите ответственного за обработку ПДн',
    en: 'Name the person responsible for PD processing',
  },
  'form.theNumberFormatMustContain': {
    ru: 'Формат номера должен содержать {NNNN} (счётчик) и может содержать {YYYY} (год), например ВХ-{YYYY}-{NNNN}',
    en: 'The number format must contain {NNNN} (counter) and may contain {YYYY} (year), e.g. ВХ-{YYYY}-{NNNN}',
  },
  'form.rateLimitAWholeNumber': {
    ru: 'Лимит — целое число запросов в минуту',
    en: 'Rate limit: a whole number of requests per minute',
  },
  'form.theRateLimitCannotBe': {
    ru: 'Лимит не может быть отрицательным',
    en: 'The rate limit cannot be negative',
  },
  'form.theRateLimitIsToo': {
    ru: 'Слишком большой лимит',
    en: 'The rate limit is too large',
  },
  'form.unknownAccessScope': {
    ru: 'Неизвестная область доступа',
    en: 'Unknown access scope',
  },
  'form.chooseAtLeastOneAccess': {
    ru: 'Выберите хотя бы одну область доступа',
    en: 'Choose at least one access scope',
  },
  'form.theAddressMustStartWith': {
    ru: 'Адрес должен начинаться с http:// или https://',
    en: 'The address must start with http:// or https://',
  },
  'form.unknownEventType': {
    ru: 'Неизвестный тип события',
    en: 'Unknown event type',
  },
  'form.chooseAtLeastOneEvent': {
    ru: 'Выберите хотя бы один тип события',
    en: 'Choose at least one event type',
  },
  'form.noLongerThan4000Characters': {
    ru: 'Не длиннее 4000 символов',
    en: 'No longer than 4000 characters',
  },
  'form.markWhatToBlock': {
    ru: 'Отметьте, что блокировать',
    en: 'Mark what to block',
  },
  'form.giveTheGroundsForThe2': {
    ru: 'Укажите основание блокировки',
    en: 'Give the grounds for the block',
  },
  'form.giveTheCaseOrRegister': {
    ru: 'Опишите, что оспаривается (не короче 5 символов)',
    en: 'Give the case or register a new one',
  },
  'form.describeWhatIsDisputedAt': {
    ru: 'Укажите обращение или зарегистрируйте новое',
    en: 'Describe what is disputed (at least 5 characters)',
  },
  'form.confirmThatBlockingDoesNot': {
    ru: 'Подтвердите, что блокирование не нарушает права субъекта и третьих лиц, или укажите, почему данные не блокируются',
    en: 'Confirm that blocking does not violate the rights of the subject and third parties, or say why the data are not blocked',
  },
  'form.withUnlawfulProcessingTheData': {
    ru: 'При неправомерной обработке данные блокируются всегда (ч. 1 ст. 21 152-ФЗ)',
    en: 'With unlawful processing the data are always blocked (art. 21 p. 1 of 152-FZ)',
  },
  'form.giveTheOutcomeOfThe': {
    ru: 'Укажите итог проверки',
    en: 'Give the outcome of the check',
  },
  'form.sayWhatTheCheckShowed': {
    ru: 'Укажите, что показала проверка (не короче 5 символов)',
    en: 'Say what the check showed (at least 5 characters)',
  },
  'form.describeWhatWasDoneAt': {
    ru: 'Опишите, что сделано (не короче 5 символов)',
    en: 'Describe what was done (at least 5 characters)',
  },
  'form.enterTheCaseNumber': {
    ru: 'Укажите номер обращения',
    en: 'Enter the case number',
  },
  'form.giveTheGroundsForLifting': {
    ru: 'Укажите основание снятия блокировки (не короче 5 символов)',
    en: 'Give the grounds for lifting the block (at least 5 characters)',
  },
  'form.chooseWhatToCorrect': {
    ru: 'Выберите, что исправить',
    en: 'Choose what to correct',
  },
  'form.tooLong': {
    ru: 'Слишком длинно',
    en: 'Too long',
  },
  'form.giveTheSupportingDocument': {
    ru: 'Укажите подтверждающий документ',
    en: 'Give the supporting document',
  },
  'form.enterAQuery': {
    ru: 'Введите запрос',
    en: 'Enter a query',
  },
  'form.theQueryIsTooLong': {
    ru: 'Слишком длинный запрос',
    en: 'The query is too long',
  },
  'form.theFileIsEmpty': {
    ru: 'Файл пуст',
    en: 'The file is empty',
  },
  'form.theFileIsTooLarge': {
    ru: 'Файл слишком большой для загрузки через браузер: используйте pd-desk import subjects',
    en: 'The file is too large to upload in the browser: use pd-desk import subjects',
  },
  'form.theDateCannotBeIn': {
    ru: 'Дата не может быть в будущем',
    en: 'The date cannot be in the future',
  },
  'form.lettersHyphenApostropheAndSpace': {
    ru: 'Только буквы, дефис, апостроф и пробел',
    en: 'Letters, hyphen, apostrophe and space only',
  },
  'form.giveTheReasonAtLeast': {
    ru: 'Укажите причину (не короче 5 символов)',
    en: 'Give the reason (at least 5 characters)',
  },
  'form.enterTheLastName': {
    ru: 'Укажите фамилию',
    en: 'Enter the last name',
  },
  'form.chooseACategory': {
    ru: 'Выберите категорию',
    en: 'Choose a category',
  },
  'form.doesNotLookLikeAn': {
    ru: 'Не похоже на адрес электронной почты',
    en: 'Does not look like an e-mail address',
  },
  'form.sayWhereTheDataCome': {
    ru: 'Укажите, откуда данные',
    en: 'Say where the data come from',
  },
  'form.enterTheNewValue': {
    ru: 'Укажите новое значение',
    en: 'Enter the new value',
  },
  'form.dateInTheFormatYyyy': {
    ru: 'Дата в формате ГГГГ-ММ-ДД',
    en: 'Date in the format YYYY-MM-DD',
  },
  'form.aRecordCannotBeMerged': {
    ru: 'Нельзя объединить запись саму с собой',
    en: 'A record cannot be merged with itself',
  },
  'form.howDidTheWithdrawalArrive': {
    ru: 'Как поступил отзыв?',
    en: 'How did the withdrawal arrive?',
  },
  'form.whoIsTheRepresentativeTo': {
    ru: 'Кем приходится представитель?',
    en: 'Who is the representative to the subject?',
  },
  'form.enterTheRepresentativeSFull': {
    ru: 'Укажите ФИО представителя',
    en: "Enter the representative's full name",
  },
  'form.giveTheDocumentThatConfirms': {
    ru: 'Укажите документ, подтверждающий полномочия',
    en: 'Give the document that confirms the authority',
  },
  'form.giveTheLegalBasis': {
    ru: 'Укажите правовое основание',
    en: 'Give the legal basis',
  },
  'form.markWhichDataAreKept': {
    ru: 'Отметьте, какие данные хранятся',
    en: 'Mark which data are kept',
  },
  'form.code240CharactersLowercase': {
    ru: 'Код: 2–40 символов, латинские строчные буквы, цифры и подчёркивание',
    en: 'Code: 2–40 characters, lowercase Latin letters, digits and underscore',
  },
  'form.enterTheNameOfThe2': {
    ru: 'Укажите название',
    en: 'Enter the name of the entry',
  },
  'form.nameTheView': {
    ru: 'Назовите представление',
    en: 'Name the view',
  },
  'form.noCaseSelected': {
    ru: 'Не выбрано ни одного обращения',
    en: 'No case selected',
  },
  'form.noMoreThan500At': {
    ru: 'Не больше 500 за раз',
    en: 'No more than 500 at a time',
  },
  'form.giveTheReasonForClosing': {
    ru: 'Укажите причину закрытия',
    en: 'Give the reason for closing',
  },
} as const;

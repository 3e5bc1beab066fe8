/**
 * The breach register's vocabulary (152-ФЗ ст. 21 ч. 3.1; policy 3.3 and 5.2): what both sides
 * need to show an incident, its status machine and the per-subject notification state.
 */

export const BREACH_STATUSES = ['open', 'notified', 'reported', 'closed'] as const;
export type BreachStatus = (typeof BREACH_STATUSES)[number];

/** Each status may move only one step forward: a filing is a legal act that cannot be undone. */
export const NEXT_BREACH_STATUS: Record<BreachStatus, BreachStatus | null> = {
  open: 'notified',
  notified: 'reported',
  reported: 'closed',
  closed: null,
};

export const BREACH_STATUS_LABELS: Record<BreachStatus, { ru: string; en: string }> = {
  open: { ru: 'Открыт', en: 'Open' },
  notified: { ru: 'РКН уведомлён', en: 'RKN notified' },
  reported: { ru: 'Итоги направлены', en: 'Results reported' },
  closed: { ru: 'Закрыт', en: 'Closed' },
};

/** The register's chart and filter group incidents by what happened. */
export const BREACH_CATEGORIES = ['lost_device', 'misdirected', 'hacking', 'insider', 'paper', 'other'] as const;
export type BreachCategory = (typeof BREACH_CATEGORIES)[number];

export const BREACH_CATEGORY_LABELS: Record<BreachCategory, { ru: string; en: string }> = {
  lost_device: { ru: 'Утрата носителя', en: 'Lost device' },
  misdirected: { ru: 'Отправка не тому адресату', en: 'Misdirected' },
  hacking: { ru: 'Взлом', en: 'Hacking' },
  insider: { ru: 'Действия работника', en: 'Insider' },
  paper: { ru: 'Бумажные документы', en: 'Paper records' },
  other: { ru: 'Другое', en: 'Other' },
};

/** The two Roskomnadzor filings; the rule id of each is its hour clock. */
export const FILING_KINDS = ['notice', 'report'] as const;
export type FilingKind = (typeof FILING_KINDS)[number];
export const FILING_RULES = { notice: 'breach-notice', report: 'breach-report' } as const;
/** Filing the notice moves the incident to `notified`, the report to `reported`. */
export const FILING_STATUS: Record<FilingKind, BreachStatus> = { notice: 'notified', report: 'reported' };

/** Policy 5.2: the three cases where the operator is not liable, so the subject is not notified. */
export const NOTIFICATION_EXCEPTIONS = ['public_before', 'third_party_before', 'disclosed_with_consent'] as const;
export type NotificationException = (typeof NOTIFICATION_EXCEPTIONS)[number];

export const NOTIFICATION_EXCEPTION_LABELS: Record<NotificationException, { ru: string; en: string }> = {
  public_before: { ru: 'Стали публичными до инцидента (п. 5.2)', en: 'Public before the incident (5.2)' },
  third_party_before: {
    ru: 'Получены от третьей стороны до получения оператором (п. 5.2)',
    en: 'Received from a third party before (5.2)',
  },
  disclosed_with_consent: {
    ru: 'Разглашены с согласия субъекта (п. 5.2)',
    en: 'Disclosed with the consent of the subject (5.2)',
  },
};

/**
 * A subject's notification: `sending` is written (and committed) before an e-mail leaves, so a
 * restart mid-send finds it and never sends again; such a row is left for a person to check.
 */
export const NOTIFICATION_STATES = ['pending', 'excluded', 'letter', 'sending', 'emailed', 'outbox', 'failed'] as const;
export type NotificationState = (typeof NOTIFICATION_STATES)[number];

export const NOTIFICATION_STATE_LABELS: Record<NotificationState, { ru: string; en: string }> = {
  pending: { ru: 'Не уведомлён', en: 'Pending' },
  excluded: { ru: 'Исключение п. 5.2', en: 'Excluded (5.2)' },
  letter: { ru: 'Письмо подготовлено', en: 'Letter ready' },
  sending: { ru: 'Отправка не подтверждена', en: 'Sending unconfirmed' },
  emailed: { ru: 'Отправлено по e-mail', en: 'E-mailed' },
  outbox: { ru: 'E-mail в папке исходящих', en: 'E-mail in outbox' },
  failed: { ru: 'Ошибка отправки', en: 'Failed' },
};

/** How subjects are added by criteria: one of these, each a query over PD records. */
export const AFFECTED_CRITERIA = ['system', 'purpose', 'period'] as const;
export type AffectedCriterion = (typeof AFFECTED_CRITERIA)[number];

export const MAX_AFFECTED_SUBJECTS = 100_000;
/** A CSV of contacts: one phone, e-mail or external id per line. */
export const MAX_AFFECTED_CSV_BYTES = 8 * 1024 * 1024;

export const BREACH_JOB_KINDS = ['add_subjects', 'notify'] as const;
export type BreachJobKind = (typeof BREACH_JOB_KINDS)[number];
export const BREACH_JOB_STATES = ['queued', 'running', 'done', 'failed'] as const;
export type BreachJobState = (typeof BREACH_JOB_STATES)[number];

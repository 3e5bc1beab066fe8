import type { DeadlineRuleId } from '../calendar/deadline-rules';

/** Case (обращение) vocabulary shared by the server, the web and the demo data. */

export const CASE_TYPES = [
  'access',
  'rectification',
  'blocking',
  'consent_withdrawal',
  'stop_processing',
  'destruction',
  'rkn_inquiry',
  'medical_records_copy',
  'other',
] as const;
export type CaseType = (typeof CASE_TYPES)[number];

/**
 * The legal clock each type starts (law.md). A blocking request is blocked at once; its clock is
 * the shortest term the verification can lead to (stop unlawful processing, 3 wd), the safe reading.
 * "Other" gets the general 10-working-day answer term unless the officer picks another rule.
 */
export const CASE_TYPE_RULES: Record<CaseType, DeadlineRuleId> = {
  access: 'access',
  rectification: 'rectify',
  blocking: 'stop-unlawful',
  consent_withdrawal: 'withdrawal',
  stop_processing: 'stop-demand',
  destruction: 'destroy-unneeded',
  rkn_inquiry: 'rkn-inquiry',
  medical_records_copy: 'medical-records-copy',
  other: 'access',
};

export const CASE_TYPE_LABELS: Record<CaseType, { ru: string; en: string }> = {
  access: { ru: 'Запрос сведений о ПДн', en: 'Access request' },
  rectification: { ru: 'Уточнение ПДн', en: 'Rectification' },
  blocking: { ru: 'Блокирование ПДн', en: 'Blocking' },
  consent_withdrawal: { ru: 'Отзыв согласия', en: 'Consent withdrawal' },
  stop_processing: { ru: 'Требование прекратить обработку', en: 'Stop processing' },
  destruction: { ru: 'Уничтожение ПДн', en: 'Destruction' },
  rkn_inquiry: { ru: 'Запрос Роскомнадзора', en: 'Roskomnadzor inquiry' },
  medical_records_copy: { ru: 'Копии медицинских документов', en: 'Copy of medical records' },
  other: { ru: 'Другое', en: 'Other' },
};

export const CASE_CHANNELS = ['post', 'email', 'in_person', 'web_form', 'rkn'] as const;
export type CaseChannel = (typeof CASE_CHANNELS)[number];

export const CASE_CHANNEL_LABELS: Record<CaseChannel, { ru: string; en: string }> = {
  post: { ru: 'Почта', en: 'Post' },
  email: { ru: 'Электронная почта', en: 'E-mail' },
  in_person: { ru: 'Лично', en: 'In person' },
  web_form: { ru: 'Форма на сайте', en: 'Web form' },
  rkn: { ru: 'Роскомнадзор', en: 'Roskomnadzor' },
};

export const REQUESTER_KINDS = ['subject', 'representative', 'rkn'] as const;
export type RequesterKind = (typeof REQUESTER_KINDS)[number];

export const CASE_STATUSES = ['new', 'identity_check', 'in_work', 'answered', 'closed', 'rejected'] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

/** Statuses whose legal clock still runs: the triage queue and the partial index cover exactly these. */
export const OPEN_STATUSES = ['new', 'identity_check', 'in_work'] as const satisfies readonly CaseStatus[];

/** Closed and rejected cases are read-only for everyone until an officer reopens them with a reason. */
export const FINAL_STATUSES = ['closed', 'rejected'] as const satisfies readonly CaseStatus[];

export function isFinalStatus(status: CaseStatus): boolean {
  return (FINAL_STATUSES as readonly CaseStatus[]).includes(status);
}

export function isOpenStatus(status: CaseStatus): boolean {
  return (OPEN_STATUSES as readonly CaseStatus[]).includes(status);
}

export const CASE_STATUS_LABELS: Record<CaseStatus, { ru: string; en: string }> = {
  new: { ru: 'Новое', en: 'New' },
  identity_check: { ru: 'Проверка личности', en: 'Identity check' },
  in_work: { ru: 'В работе', en: 'In work' },
  answered: { ru: 'Ответ направлен', en: 'Answered' },
  closed: { ru: 'Закрыто', en: 'Closed' },
  rejected: { ru: 'Отказано', en: 'Rejected' },
};

/**
 * Allowed moves. Closing an open case (duplicate, withdrawn by the requester) and rejecting need a
 * reason; `answered` needs a sent answer letter (checked by the server).
 */
export const CASE_TRANSITIONS: Record<CaseStatus, readonly CaseStatus[]> = {
  new: ['identity_check', 'in_work', 'rejected', 'closed'],
  identity_check: ['in_work', 'rejected', 'closed'],
  in_work: ['identity_check', 'answered', 'rejected', 'closed'],
  answered: ['closed'],
  closed: [],
  rejected: [],
};

export function transitionNeedsReason(from: CaseStatus, to: CaseStatus): boolean {
  return to === 'rejected' || (to === 'closed' && from !== 'answered');
}

export const LETTER_KINDS = ['answer', 'extension_notice', 'identity_request', 'other'] as const;
export type LetterKind = (typeof LETTER_KINDS)[number];

export const SEND_METHODS = ['post', 'email', 'in_person'] as const;
export type SendMethod = (typeof SEND_METHODS)[number];

/** Content-checked attachment kinds; the name's extension is never trusted. */
export const ATTACHMENT_KINDS = ['pdf', 'png', 'jpeg', 'tiff', 'docx'] as const;
export type AttachmentKind = (typeof ATTACHMENT_KINDS)[number];
export const ATTACHMENT_MAX_BYTES = 10 * 1024 * 1024;

export const TRIAGE_SORTS = ['due', 'received', 'number', 'updated'] as const;
export type TriageSort = (typeof TRIAGE_SORTS)[number];

/** "≤ 2 working days left" stands out in the queue. */
export const SOON_WORKING_DAYS = 2;

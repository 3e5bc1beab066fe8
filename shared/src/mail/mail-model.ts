import { ATTACHMENT_MAX_BYTES } from '../cases/case-model';
import type { WithdrawablePurpose } from './withdrawal-wording';

/** Mail desk vocabulary (incoming paper letters and e-mails) shared by the server and the web. */

export const MAIL_CHANNELS = ['post', 'email'] as const;
export type MailChannel = (typeof MAIL_CHANNELS)[number];

/** pending: nobody decided yet; matched / new_subject: the case is about a known person; unidentified: asked. */
export const MATCH_STATUSES = ['pending', 'matched', 'new_subject', 'unidentified'] as const;
export type MatchStatus = (typeof MATCH_STATUSES)[number];

export const MATCH_STATUS_LABELS: Record<MatchStatus, { ru: string; en: string }> = {
  pending: { ru: 'Не сопоставлено', en: 'Not matched' },
  matched: { ru: 'Субъект найден', en: 'Matched' },
  new_subject: { ru: 'Новый субъект', en: 'New subject' },
  unidentified: { ru: 'Не удалось идентифицировать', en: 'Unidentified' },
};

/** none: no scan; unavailable: the server has no OCR engine — the registrar types, as before. */
export const OCR_STATUSES = ['none', 'queued', 'running', 'done', 'failed', 'unavailable'] as const;
export type OcrStatus = (typeof OCR_STATUSES)[number];

/** The letter's fields OCR may prefill; each stays highlighted until the registrar confirms it. */
export const PREFILL_FIELDS = ['fullName', 'birthDate', 'phone', 'email', 'address'] as const;
export type PrefillField = (typeof PREFILL_FIELDS)[number];
export type LetterFieldValues = Record<PrefillField, string | null>;
/** What the registrar confirms: the sender's fields, and the scope when OCR read a list of purposes. */
export const CONFIRMABLE_FIELDS = [...PREFILL_FIELDS, 'scope'] as const;
export type ConfirmableField = (typeof CONFIRMABLE_FIELDS)[number];

/** Consent-based purposes a letter may name (processing_purposes.code), in the order the form lists them. */
export const WITHDRAWABLE_PURPOSE_LABELS: Record<WithdrawablePurpose, { ru: string; en: string }> = {
  online_booking: { ru: 'Онлайн-запись', en: 'Online booking' },
  feedback: { ru: 'Обратная связь', en: 'Feedback' },
  newsletter: { ru: 'Рассылка', en: 'Newsletter' },
  advertising: { ru: 'Реклама', en: 'Advertising' },
  recruitment: { ru: 'Подбор персонала', en: 'Recruitment' },
};

/** Scans: what a scanner or a phone produces. DOCX is no scan. */
export const SCAN_KINDS = ['pdf', 'png', 'jpeg', 'tiff'] as const;
/** A scan becomes a case attachment: the same limit. */
export const SCAN_MAX_BYTES = ATTACHMENT_MAX_BYTES;
/** A scanned letter rarely has more than a few pages; a 300-page PDF is a mistake, not a letter. */
export const SCAN_MAX_PAGES = 50;

/** What the e-mail import did with one message (the CLI prints these words). */
export const EMAIL_IMPORT_STATUSES = ['created', 'linked', 'duplicate', 'not-withdrawal', 'rejected'] as const;
export type EmailImportStatus = (typeof EMAIL_IMPORT_STATUSES)[number];

export type EmailImportLine = {
  file: string;
  status: EmailImportStatus;
  withdrawal: boolean;
  /** The case id the message went to (null when none was created or joined). */
  case: number | null;
  /** Why a message was rejected, in words for people (not printed by the CLI's JSON contract). */
  reason?: string;
  incomingNumber?: string | null;
};

/** Who enters letters and e-mails and matches them: the registrar, and the officer and admin who stand in. */
export const MAIL_INTAKE_ROLES = ['registrar', 'officer', 'admin'] as const;
/** The incoming list and a letter's page: everyone with a part in the mail desk; the auditor reads. */
export const MAIL_READER_ROLES = ['registrar', 'officer', 'admin', 'auditor'] as const;

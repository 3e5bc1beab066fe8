import { detectWithdrawal, type WithdrawalDetection } from '@pd-desk/shared/mail/withdrawal-wording';
import { msg } from '@pd-desk/shared/messages/catalogue';
import PostalMime, { type Address, type Attachment, type Email } from 'postal-mime';
import { DomainError } from '../../../errors';
import { contentHash } from './content-hash';
import { type EmailAddress, findInlineForward, parseAddress } from './forwarded';
import { htmlToText } from './html-text';
import { repairRawMail } from './raw-repair';

export type { EmailAddress } from './forwarded';

/** Larger than any mail server accepts (25 MiB is the usual cap, plus base64 overhead): anything above is not mail. */
export const MAX_EMAIL_BYTES = 40 * 1024 * 1024;

export interface EmailAttachment {
  fileName: string;
  mimeType: string;
  bytes: Uint8Array;
}

export interface ParsedEmail {
  /** Without the angle brackets; null when the message has none (then `contentHash` identifies it). */
  messageId: string | null;
  contentHash: string;
  from: EmailAddress;
  /** Who wrote the forwarded original (inline block or attached message), null when nothing is forwarded. */
  originalFrom: EmailAddress | null;
  /** Decoded (RFC 2047); '' when the message has none. */
  subject: string;
  /** ISO 8601 instant from the Date header, null when missing or unreadable. */
  date: string | null;
  /** The body as plain text (HTML converted when there is no plain part), an attached original appended. */
  text: string;
  /** The forwarded original's body, null when nothing is forwarded. */
  originalText: string | null;
  /** Every attachment, an attached original message (.eml) and its own attachments included. */
  attachments: EmailAttachment[];
}

/**
 * Reads an .eml file. Broken input never escapes as a crash: it is a DomainError (BAD_REQUEST) with a Russian
 * message and a `reason` (email_empty, email_too_large, email_not_a_message, email_unparseable) that the
 * importer reports as the file's `rejected` status.
 */
export async function parseEmail(bytes: Uint8Array): Promise<ParsedEmail> {
  if (bytes.length === 0) throw new DomainError('BAD_REQUEST', msg('mail.emailEmpty'), 'email_empty');
  if (bytes.length > MAX_EMAIL_BYTES) {
    throw new DomainError('BAD_REQUEST', msg('mail.emailTooLarge'), 'email_too_large');
  }
  const email = await parseMime(repairRawMail(bytes));
  if (!looksLikeEmail(email)) {
    throw new DomainError('BAD_REQUEST', msg('mail.emailNotAMessage'), 'email_not_a_message');
  }
  const from = mailbox(email.from);
  const subject = (email.subject ?? '').trim();
  const date = isoDate(email.date);
  const ownText = bodyText(email);
  const attached = await attachedOriginal(email.attachments);
  const inline = attached === null ? findInlineForward(ownText) : null;
  const text = attached === null ? ownText : `${ownText}\n\n${originalBlock(attached)}`.trim();
  return {
    messageId: messageIdOf(email.messageId),
    contentHash: contentHash({ fromAddress: from.address, date, subject, text }),
    from,
    originalFrom: attached?.from ?? inline?.from ?? null,
    subject,
    date,
    text,
    originalText: attached?.text ?? inline?.text ?? null,
    attachments: [...email.attachments.map(toAttachment), ...(attached?.attachments ?? [])],
  };
}

/** What the wording rules read: the subject is the first line, so a marker in the subject is a heading. */
export function emailWording(email: Pick<ParsedEmail, 'subject' | 'text'>): string {
  return `${email.subject}\n${email.text}`;
}

export function detectEmailWithdrawal(email: Pick<ParsedEmail, 'subject' | 'text'>): WithdrawalDetection {
  return detectWithdrawal(emailWording(email));
}

async function parseMime(bytes: Uint8Array): Promise<Email> {
  try {
    // Attached originals stay attachments (kept with the case); attachedOriginal() reads them itself.
    return await PostalMime.parse(bytes, { forceRfc822Attachments: true, attachmentEncoding: 'arraybuffer' });
  } catch {
    throw new DomainError('BAD_REQUEST', msg('mail.emailUnparseable'), 'email_unparseable');
  }
}

const MESSAGE_HEADERS = new Set(['from', 'date', 'subject', 'message-id', 'received', 'mime-version', 'to']);

function looksLikeEmail(email: Email): boolean {
  return email.headers.some((header) => MESSAGE_HEADERS.has(header.key));
}

function mailbox(address: Address | undefined): EmailAddress {
  // A group («Undisclosed recipients:;») has no address of its own: take its first member.
  const box = address?.group ? address.group[0] : address;
  if (!box) return { name: null, address: null };
  const parsed = parseAddress(box.address ?? '');
  return { name: box.name.trim() || null, address: parsed.address };
}

function isoDate(value: string | undefined): string | null {
  if (!value) return null;
  const time = Date.parse(value);
  return Number.isNaN(time) ? null : new Date(time).toISOString();
}

function messageIdOf(value: string | undefined): string | null {
  const id = value?.trim().replace(/^<|>$/g, '').trim();
  return id ? id : null;
}

function bodyText(email: Email): string {
  const text = email.text ?? (email.html ? htmlToText(email.html) : '');
  // No-break spaces (&nbsp;, Outlook's habit) are spaces to anyone searching or reading the text.
  return text
    .replace(/\r\n?/g, '\n')
    .replace(/\u00a0/g, ' ')
    .trim();
}

interface AttachedOriginal {
  from: EmailAddress;
  subject: string;
  text: string;
  attachments: EmailAttachment[];
}

/** The first attached message (message/rfc822) that reads as one; a broken one stays a plain attachment. */
async function attachedOriginal(attachments: Attachment[]): Promise<AttachedOriginal | null> {
  const part = attachments.find((attachment) => attachment.mimeType === 'message/rfc822');
  if (!part) return null;
  try {
    const original = await parseMime(repairRawMail(contentBytes(part)));
    if (!looksLikeEmail(original)) return null;
    return {
      from: mailbox(original.from),
      subject: (original.subject ?? '').trim(),
      text: bodyText(original),
      attachments: original.attachments.map(toAttachment),
    };
  } catch {
    return null;
  }
}

function originalBlock(original: AttachedOriginal): string {
  const from = [original.from.name, original.from.address && `<${original.from.address}>`].filter(Boolean).join(' ');
  return [
    '-------- Пересылаемое сообщение --------',
    `От: ${from}`,
    `Тема: ${original.subject}`,
    '',
    original.text,
  ].join('\n');
}

const EXTENSIONS: Record<string, string> = {
  'message/rfc822': '.eml',
  'application/pdf': '.pdf',
  'image/jpeg': '.jpg',
  'image/png': '.png',
  'image/tiff': '.tif',
  'text/plain': '.txt',
};

function toAttachment(attachment: Attachment, index: number): EmailAttachment {
  const fileName = attachment.filename?.trim() || `вложение-${index + 1}${EXTENSIONS[attachment.mimeType] ?? '.bin'}`;
  return { fileName, mimeType: attachment.mimeType, bytes: contentBytes(attachment) };
}

function contentBytes(attachment: Attachment): Uint8Array {
  const { content } = attachment;
  if (typeof content === 'string') return new TextEncoder().encode(content);
  return content instanceof Uint8Array ? content : new Uint8Array(content);
}

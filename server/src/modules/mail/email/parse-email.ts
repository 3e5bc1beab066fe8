// TEMPORARY stub of h11-eml's contract (replaced by the merge of h11-eml).
import { detectWithdrawal, type WithdrawalDetection } from '@pd-desk/shared/mail/withdrawal-wording';

export type EmailAddress = { name: string | null; address: string | null };
export interface ParsedEmail {
  messageId: string | null;
  contentHash: string;
  from: EmailAddress;
  originalFrom: EmailAddress | null;
  subject: string;
  date: string | null;
  text: string;
  originalText: string | null;
  attachments: { fileName: string; mimeType: string; bytes: Uint8Array }[];
}

export async function parseEmail(_bytes: Uint8Array): Promise<ParsedEmail> {
  throw new Error('e-mail stub');
}

export function detectEmailWithdrawal(email: Pick<ParsedEmail, 'subject' | 'text'>): WithdrawalDetection {
  return detectWithdrawal(`${email.subject}\n${email.text}`);
}

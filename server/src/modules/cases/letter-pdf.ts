import type { LetterContent } from '../../db/schema/cases';
import { letterDocument } from '../mail/documents/document-model';
import { renderDocumentPdf } from '../mail/documents/render-pdf';

/**
 * A4 letter on the letterhead: operator block, number and date, addressee, title, body, signature. Laid out from
 * the same document model as its DOCX (ADR 0017), so the two never say different things.
 */
export function renderLetterPdf(content: LetterContent, outgoingNumber: string): Promise<Buffer> {
  return renderDocumentPdf(letterDocument(content, outgoingNumber));
}

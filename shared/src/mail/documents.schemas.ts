import { z } from 'zod';
import { id } from '../schema-fields';

/** Every mail document comes as PDF and as DOCX, rendered from the same model (ADR 0017). */
export const mailDocumentFormat = z.enum(['pdf', 'docx']);
export type MailDocumentFormat = z.infer<typeof mailDocumentFormat>;

export const createAnswerInput = z.object({ planId: id });

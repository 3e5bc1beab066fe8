import { ruDate } from '@pd-desk/shared/calendar/ru-date';
import type { Letterhead } from '@pd-desk/shared/settings/settings.schemas';
import type { LetterContent } from '../../../db/schema/cases';

/**
 * The ONE template source of every mail document (ADR 0017): the answer and the destruction act are built as this
 * model, and the PDF and DOCX renderers only lay it out. A sentence added here appears in both files.
 */
export type DocBlock =
  | { kind: 'paragraph'; text: string; bold?: boolean }
  | { kind: 'heading'; text: string }
  | { kind: 'table'; columns: string[]; rows: string[][]; widths: number[] };

export type MailDocument = {
  /** File metadata and the download's name. */
  fileTitle: string;
  letterhead: Letterhead;
  /** «Исх. № … от …», «На вх. № … от …» under the letterhead; empty for an act. */
  references: string[];
  /** Name and address, top right; null for an act. */
  addressee: string | null;
  title: string;
  blocks: DocBlock[];
  signatures: { position: string; name: string }[];
  /** A journal is a wide table on many sheets: landscape, and «Стр. N из M» at the foot of each. */
  page?: { landscape?: boolean; numbered?: boolean };
};

/** A case letter as the model: the frozen content with its outgoing number, paragraphs split on blank lines. */
export function letterDocument(content: LetterContent, outgoingNumber: string): MailDocument {
  return {
    fileTitle: `${outgoingNumber} — ${content.title}`,
    letterhead: content.letterhead,
    references: [
      `Исх. № ${outgoingNumber} от ${ruDate(content.dateOn)}`,
      `На вх. № ${content.incomingNumber} от ${ruDate(content.incomingReceivedOn)}`,
    ],
    addressee: content.addressee,
    title: content.title,
    blocks: content.body
      .split(/\n{2,}/)
      .map((text) => text.trim())
      .filter(Boolean)
      .map((text) => ({ kind: 'paragraph' as const, text })),
    signatures: [{ position: content.letterhead.responsiblePosition, name: content.letterhead.responsiblePerson }],
  };
}

/** Everything a document says, in reading order: what the tests read and what both renderers must show. */
export function documentText(doc: MailDocument): string {
  const lines = [
    doc.letterhead.operatorName,
    doc.letterhead.address,
    ...doc.references,
    doc.addressee ?? '',
    doc.title,
    ...doc.blocks.flatMap((block) =>
      block.kind === 'table' ? [block.columns.join(' | '), ...block.rows.map((row) => row.join(' | '))] : [block.text],
    ),
    ...doc.signatures.map((s) => `${s.position} ${s.name}`),
  ];
  return lines.filter(Boolean).join('\n');
}

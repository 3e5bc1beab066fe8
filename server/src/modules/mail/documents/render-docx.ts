import { formatPhoneForDisplay } from '@pd-desk/shared/subjects/phone-normalise';
import {
  AlignmentType,
  BorderStyle,
  Document,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import type { DocBlock, MailDocument } from './document-model';

const FONT = 'Times New Roman';
/** Word measures text in half-points: 24 is 12 pt. */
const SIZE = 24;
const SMALL = 20;

const run = (text: string, options: { bold?: boolean; size?: number } = {}) =>
  new TextRun({ text, font: FONT, size: options.size ?? SIZE, bold: options.bold ?? false });

/** Line breaks inside one paragraph (an address over several lines) become Word breaks, not new paragraphs. */
function lines(text: string, options: { bold?: boolean; size?: number } = {}) {
  return text.split('\n').map(
    (line, i) =>
      new TextRun({
        text: line,
        font: FONT,
        size: options.size ?? SIZE,
        bold: options.bold ?? false,
        break: i > 0 ? 1 : 0,
      }),
  );
}

const NO_BORDERS = {
  top: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' },
  bottom: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' },
  left: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' },
  right: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' },
  insideHorizontal: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' },
  insideVertical: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' },
};

/** The same model as the PDF, as an editable Word file: offices that change a letter edit this one. */
export async function renderDocumentDocx(model: MailDocument): Promise<Buffer> {
  const { letterhead } = model;
  const contacts = [letterhead.phone && `тел. ${formatPhoneForDisplay(letterhead.phone)}`, letterhead.email]
    .filter(Boolean)
    .join(', ');
  const sender = [
    new Paragraph({ children: [run(letterhead.operatorName, { bold: true })] }),
    new Paragraph({ children: lines(letterhead.address, { size: SMALL }) }),
    ...(contacts ? [new Paragraph({ children: [run(contacts, { size: SMALL })] })] : []),
    new Paragraph({ children: [] }),
    ...model.references.map((reference) => new Paragraph({ children: [run(reference, { size: SMALL })] })),
  ];
  // Letterhead on the left and the addressee on the right, as on the PDF: a borderless two-column table.
  const head =
    model.addressee === null
      ? sender
      : [
          new Table({
            width: { size: 100, type: WidthType.PERCENTAGE },
            borders: NO_BORDERS,
            rows: [
              new TableRow({
                children: [
                  new TableCell({ width: { size: 50, type: WidthType.PERCENTAGE }, children: sender }),
                  new TableCell({
                    width: { size: 50, type: WidthType.PERCENTAGE },
                    children: [new Paragraph({ children: lines(model.addressee) })],
                  }),
                ],
              }),
            ],
          }),
        ];
  const body = model.blocks.flatMap(blockToDocx);
  const signatures = model.signatures.map(
    (s) =>
      new Paragraph({
        spacing: { before: 240 },
        children: [run(s.position), run(`\t__________________ ${s.name}`)],
        tabStops: [{ type: 'right', position: 9000 }],
      }),
  );
  const document = new Document({
    title: model.fileTitle,
    creator: letterhead.operatorName,
    sections: [
      {
        properties: { page: { margin: { top: 1134, bottom: 1134, left: 1701, right: 850 } } },
        children: [
          ...head,
          new Paragraph({ children: [] }),
          new Paragraph({
            alignment: AlignmentType.CENTER,
            spacing: { after: 200 },
            children: lines(model.title, { bold: true }),
          }),
          ...body,
          ...signatures,
        ],
      },
    ],
  });
  return Packer.toBuffer(document);
}

function blockToDocx(block: DocBlock): (Paragraph | Table)[] {
  if (block.kind === 'heading') {
    return [new Paragraph({ spacing: { before: 200, after: 100 }, children: [run(block.text, { bold: true })] })];
  }
  if (block.kind === 'paragraph') {
    // One Word paragraph per line, as in the PDF: Word stretches a justified line that ends in a line break.
    const textLines = block.text.split('\n');
    return textLines.map(
      (line, i) =>
        new Paragraph({
          alignment: AlignmentType.JUSTIFIED,
          indent: { firstLine: i === 0 ? 567 : 0 },
          spacing: { after: i === textLines.length - 1 ? 120 : 0 },
          children: lines(line, { bold: block.bold ?? false }),
        }),
    );
  }
  const total = block.widths.reduce((a, b) => a + b, 0);
  const cell = (text: string, bold: boolean, i: number) =>
    new TableCell({
      width: { size: Math.round(((block.widths[i] ?? 0) / total) * 100), type: WidthType.PERCENTAGE },
      children: [new Paragraph({ children: lines(text, { bold, size: SMALL }) })],
    });
  return [
    new Table({
      width: { size: 100, type: WidthType.PERCENTAGE },
      rows: [
        new TableRow({ tableHeader: true, children: block.columns.map((c, i) => cell(c, true, i)) }),
        ...block.rows.map((row) => new TableRow({ children: row.map((c, i) => cell(c, false, i)) })),
      ],
    }),
    new Paragraph({ children: [] }),
  ];
}

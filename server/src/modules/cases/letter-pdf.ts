import { createRequire } from 'node:module';
import PDFDocument from 'pdfkit';
import type { LetterContent } from '../../db/schema/cases';
import { ruDate } from './letter-templates';

// The font ships with the npm package, so a fresh machine renders Cyrillic without system fonts.
const require = createRequire(import.meta.url);
export const FONT_REGULAR = require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf');
export const FONT_BOLD = require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf');

/** A4 letter on the letterhead: operator block, number and date, addressee, title, body, signature. */
export function renderLetterPdf(content: LetterContent, outgoingNumber: string): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: 56, bottom: 56, left: 70, right: 56 },
    info: { Title: `${outgoingNumber} — ${content.title}`, Author: content.letterhead.operatorName },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  doc.registerFont('regular', FONT_REGULAR);
  doc.registerFont('bold', FONT_BOLD);
  const { letterhead } = content;
  const width = doc.page.width - doc.page.margins.left - doc.page.margins.right;

  doc
    .font('bold')
    .fontSize(12)
    .text(letterhead.operatorName, { width: width / 2 });
  doc
    .font('regular')
    .fontSize(9)
    .text(letterhead.address, { width: width / 2 });
  const contacts = [letterhead.phone && `тел. ${letterhead.phone}`, letterhead.email].filter(Boolean).join(', ');
  if (contacts) doc.text(contacts, { width: width / 2 });
  doc.moveDown(0.8);
  doc.fontSize(10).text(`Исх. № ${outgoingNumber} от ${ruDate(content.dateOn)}`);
  doc.text(`На вх. № ${content.incomingNumber} от ${ruDate(content.incomingReceivedOn)}`);

  const addresseeTop = 56;
  doc
    .fontSize(10)
    .text(content.addressee, doc.page.margins.left + width / 2 + 20, addresseeTop, { width: width / 2 - 20 });
  doc.x = doc.page.margins.left;
  doc.y = Math.max(doc.y, 170);

  doc.moveDown(1.5);
  doc.font('bold').fontSize(11).text(content.title, { width, align: 'center' });
  doc.moveDown(1);
  doc.font('regular').fontSize(11);
  for (const paragraph of content.body.split(/\n{2,}/)) {
    doc.text(paragraph.trim(), { width, align: 'justify', indent: 28 });
    doc.moveDown(0.6);
  }
  doc.moveDown(1.5);
  // Position on the left, signature line and name on the right, side by side.
  const signatureTop = doc.y;
  doc.text(letterhead.responsiblePosition, doc.page.margins.left, signatureTop, { width: width * 0.5 });
  const positionBottom = doc.y;
  doc.text(`__________________ ${letterhead.responsiblePerson}`, doc.page.margins.left + width * 0.5, signatureTop, {
    width: width * 0.5,
    align: 'right',
  });
  doc.y = Math.max(doc.y, positionBottom);
  doc.end();
  return done;
}

import { ruDate } from '@pd-desk/shared/calendar/ru-date';
import PDFDocument from 'pdfkit';
import { FONT_BOLD, FONT_REGULAR } from '../cases/pdf-fonts';
import type { SubjectLetter } from './subject-letter';

/** A PDF document in A4 with the DejaVu fonts; it is a readable stream, so a bundle is sent as it is written. */
export function openLettersPdf(title: string, author: string): PDFKit.PDFDocument {
  const doc = new PDFDocument({
    size: 'A4',
    autoFirstPage: false,
    margins: { top: 56, bottom: 56, left: 70, right: 56 },
    info: { Title: title, Author: author },
  });
  doc.registerFont('regular', FONT_REGULAR);
  doc.registerFont('bold', FONT_BOLD);
  return doc;
}

/** One letter from a new page: operator block, addressee, title, text, signature. */
export function writeSubjectLetter(doc: PDFKit.PDFDocument, letter: SubjectLetter): void {
  doc.addPage();
  const { letterhead } = letter;
  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;
  doc
    .font('bold')
    .fontSize(11)
    .text(letterhead.operatorName, left, 56, { width: width / 2 });
  doc
    .font('regular')
    .fontSize(9)
    .text(letterhead.address, { width: width / 2 });
  doc.fontSize(10).text(ruDate(letter.dateOn), { width: width / 2 });
  doc.text(letter.addressee, left + width / 2 + 20, 56, { width: width / 2 - 20 });
  doc.x = left;
  doc.y = Math.max(doc.y, 160);
  doc.moveDown(1);
  doc.font('bold').fontSize(11).text(letter.title, { width, align: 'center' });
  doc.moveDown(0.8);
  doc.font('regular').fontSize(10.5).text(letter.greeting, { width });
  doc.moveDown(0.5);
  for (const paragraph of letter.paragraphs) {
    doc.text(paragraph, { width, align: 'justify', indent: 28 });
    doc.moveDown(0.4);
  }
  doc.moveDown(1);
  doc.text(`${letterhead.responsiblePosition}    __________________ ${letterhead.responsiblePerson}`, { width });
}

export function renderSubjectLetterPdf(letter: SubjectLetter): Promise<Buffer> {
  const doc = openLettersPdf(letter.title, letter.letterhead.operatorName);
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  writeSubjectLetter(doc, letter);
  doc.end();
  return done;
}

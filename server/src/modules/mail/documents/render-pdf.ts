import { formatPhoneForDisplay } from '@pd-desk/shared/subjects/phone-normalise';
import PDFDocument from 'pdfkit';
import { FONT_BOLD, FONT_REGULAR } from '../../cases/pdf-fonts';
import type { DocBlock, MailDocument } from './document-model';

type Pdf = PDFKit.PDFDocument;

/** A4 on the letterhead, as the case letters look (cases/letter-pdf.ts), plus tables for the act. */
export function renderDocumentPdf(model: MailDocument): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    layout: model.page?.landscape ? 'landscape' : 'portrait',
    // Kept in memory until the end so the page numbers can say «из M».
    bufferPages: model.page?.numbered === true,
    margins: { top: 56, bottom: 56, left: 70, right: 56 },
    info: { Title: model.fileTitle, Author: model.letterhead.operatorName },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  doc.registerFont('regular', FONT_REGULAR);
  doc.registerFont('bold', FONT_BOLD);
  const width = doc.page.width - doc.page.margins.left - doc.page.margins.right;
  const half = model.addressee === null ? width : width / 2;
  const { letterhead } = model;

  doc.font('bold').fontSize(12).text(letterhead.operatorName, { width: half });
  doc.font('regular').fontSize(9).text(letterhead.address, { width: half });
  const contacts = [letterhead.phone && `тел. ${formatPhoneForDisplay(letterhead.phone)}`, letterhead.email]
    .filter(Boolean)
    .join(', ');
  if (contacts) doc.text(contacts, { width: half });
  doc.moveDown(0.8);
  for (const reference of model.references) doc.fontSize(10).text(reference);
  if (model.addressee !== null) {
    doc.fontSize(10).text(model.addressee, doc.page.margins.left + half + 20, 56, { width: half - 20 });
    doc.x = doc.page.margins.left;
    doc.y = Math.max(doc.y, 170);
  }
  doc.moveDown(1.5);
  doc.font('bold').fontSize(11).text(model.title, doc.page.margins.left, doc.y, { width, align: 'center' });
  doc.moveDown(1);
  for (const block of model.blocks) renderBlock(doc, block, width);
  doc.moveDown(1.5);
  doc.font('regular').fontSize(11);
  for (const signature of model.signatures) {
    const top = doc.y;
    doc.text(signature.position, doc.page.margins.left, top, { width: width * 0.5 });
    const bottom = doc.y;
    doc.text(`__________________ ${signature.name}`, doc.page.margins.left + width * 0.5, top, {
      width: width * 0.5,
      align: 'right',
    });
    doc.y = Math.max(doc.y, bottom);
    doc.moveDown(0.8);
  }
  if (model.page?.numbered) numberPages(doc);
  doc.end();
  return done;
}

function numberPages(doc: Pdf) {
  const { start, count } = doc.bufferedPageRange();
  for (let i = start; i < start + count; i++) {
    doc.switchToPage(i);
    const { margins } = doc.page;
    const bottom = margins.bottom;
    // Text below the bottom margin would start a new page: the footer is written with the margin lifted.
    margins.bottom = 0;
    doc
      .font('regular')
      .fontSize(8)
      .text(`Стр. ${i - start + 1} из ${count}`, margins.left, doc.page.height - bottom / 2 - 4, {
        width: doc.page.width - margins.left - margins.right,
        align: 'right',
      });
    margins.bottom = bottom;
  }
}

function renderBlock(doc: Pdf, block: DocBlock, width: number) {
  const left = doc.page.margins.left;
  if (block.kind === 'heading') {
    doc.moveDown(0.4);
    doc.font('bold').fontSize(11).text(block.text, left, doc.y, { width });
    doc.moveDown(0.3);
    return;
  }
  if (block.kind === 'paragraph') {
    doc.font(block.bold ? 'bold' : 'regular').fontSize(11);
    // Each line of the text (a paragraph, or an item of a list) is its own pdfkit paragraph: pdfkit leaves only
    // the LAST line of a text call unjustified, so lines ending in a hard break would be stretched across the page.
    block.text.split('\n').forEach((line, i) => {
      doc.text(line, left, doc.y, { width, align: 'justify', indent: i === 0 ? 28 : 0 });
    });
    doc.moveDown(0.6);
    return;
  }
  const total = block.widths.reduce((a, b) => a + b, 0);
  const columns = block.widths.map((w) => (w / total) * width);
  const drawRow = (cells: string[], bold: boolean) => {
    doc.font(bold ? 'bold' : 'regular').fontSize(8.5);
    const height = Math.max(...cells.map((cell, i) => doc.heightOfString(cell, { width: (columns[i] ?? 0) - 6 }))) + 6;
    if (doc.y + height > doc.page.height - doc.page.margins.bottom) {
      doc.addPage();
      // A table that runs on to the next sheet repeats its header there.
      if (!bold) drawRow(block.columns, true);
      doc.font(bold ? 'bold' : 'regular').fontSize(8.5);
    }
    const top = doc.y;
    let x = left;
    cells.forEach((cell, i) => {
      const w = columns[i] ?? 0;
      doc.rect(x, top, w, height).stroke();
      doc.text(cell, x + 3, top + 3, { width: w - 6 });
      x += w;
    });
    doc.x = left;
    doc.y = top + height;
  };
  drawRow(block.columns, true);
  for (const row of block.rows) drawRow(row, false);
  doc.moveDown(0.6);
}

import { setTimeout as sleep } from 'node:timers/promises';
import { msg } from '@pd-desk/shared/messages/catalogue';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { breachSubjects } from '../../db/schema/breaches';
import { DomainError } from '../../errors';
import type { ServiceContext } from '../../service-context';
import { appendAudit } from '../audit/audit.service';
import { breachNumber } from './breach-records';
import { openLettersPdf, renderSubjectLetterPdf, writeSubjectLetter } from './letters-pdf';
import { LETTER_STATES, letterMaker, letterPeople } from './letters-source';

const BUNDLE_HIGH_WATER_BYTES = 4 * 1024 * 1024;

/** One subject's letter as a PDF; a view of their data, audited. */
export async function subjectLetterPdf({ db, actor, clock }: ServiceContext, breachId: number, subjectId: number) {
  const letterFor = await letterMaker(db, clock, breachId);
  let person: Parameters<typeof letterFor>[0] | undefined;
  for await (const found of letterPeople(db, breachId, subjectId)) person = found;
  if (!person) throw new DomainError('NOT_FOUND', msg('breaches.letterNotFound'));
  const pdf = await renderSubjectLetterPdf(letterFor(person));
  await db.transaction((tx) =>
    appendAudit(tx, actor, {
      action: 'breach.letter_viewed',
      objectType: 'breach',
      objectId: breachId,
      details: { subjectId },
    }),
  );
  return { pdf, fileName: `${breachNumber(breachId)}-${subjectId}.pdf` };
}

/**
 * Every letter of the incident in one printable PDF, written page by page into the response while
 * the next page of people is read: memory stays flat at 10k letters. The export is audited by count.
 */
export async function letterBundle({ db, actor, clock }: ServiceContext, breachId: number) {
  const letterFor = await letterMaker(db, clock, breachId);
  const [count] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(breachSubjects)
    .where(and(eq(breachSubjects.breachId, breachId), inArray(breachSubjects.state, [...LETTER_STATES])));
  if (!count?.n) throw new DomainError('PRECONDITION_FAILED', msg('breaches.noLetters'), 'no_letters');
  await db.transaction((tx) =>
    appendAudit(tx, actor, {
      action: 'breach.letters_exported',
      objectType: 'breach',
      objectId: breachId,
      details: { letters: count.n },
    }),
  );
  const doc = openLettersPdf(`${breachNumber(breachId)}: уведомления субъектов`, 'PD Desk');
  void (async () => {
    try {
      for await (const person of letterPeople(db, breachId)) {
        writeSubjectLetter(doc, letterFor(person));
        // pdfkit buffers whatever the reader has not taken yet: wait for a slow download instead.
        while (doc.readableLength > BUNDLE_HIGH_WATER_BYTES && !doc.destroyed) await sleep(10);
      }
    } finally {
      doc.end();
    }
  })();
  return { stream: doc, fileName: `${breachNumber(breachId)}-letters.pdf`, letters: count.n };
}

import { yearOf } from '@pd-desk/shared/calendar/iso-date';
import type { LetterKind } from '@pd-desk/shared/cases/case-model';
import { describePlaceholders, letterPlaceholders } from '@pd-desk/shared/cases/letter-placeholders';
import type { CreateLetterInput, MarkLetterSentInput } from '@pd-desk/shared/cases/letters.schemas';
import { msg } from '@pd-desk/shared/messages/catalogue';
import { eq } from 'drizzle-orm';
import type { Clock } from '../../clock';
import type { Tx } from '../../db/client';
import { caseLetters, cases, type LetterContent } from '../../db/schema/cases';
import { DomainError } from '../../errors';
import type { Actor, ServiceContext } from '../../service-context';
import { appendAudit } from '../audit/audit.service';
import { refuseFutureDate } from '../calendar/past-dates';
import { getSetting } from '../settings/settings.service';
import { personDative } from './addressee-dative';
import { takeRegistrationNumber } from './case-numbering';
import { type CaseRow, lockCase, recordCaseEvent } from './case-records';
import { letterFacts, NO_FACTS } from './letter-facts';
import { renderLetterPdf } from './letter-pdf';
import { type LetterDraft, letterDraft } from './letter-templates';

export const LETTER_KIND_TITLES: Record<LetterKind, string> = {
  answer: 'ответ',
  extension_notice: 'уведомление о продлении срока',
  identity_request: 'запрос недостающих сведений',
  other: 'письмо',
};

/**
 * Name (in the dative, «Леонтьевой Елене Денисовне») and postal address (or e-mail) of the requester: the answer
 * goes in the form the request came. An authority (RKN) is addressed by its name as written.
 */
export function defaultAddressee(row: CaseRow): string {
  const name = row.requesterKind === 'rkn' ? row.requesterName : personDative(row.requesterName);
  return [name, row.requesterAddress ?? row.requesterEmail].filter(Boolean).join('\n');
}

/**
 * The draft reads the records of the subjects the case is about (art. 14 p. 7 answer), so opening it is a view of
 * their PD: audited by ids, as every view is.
 */
export async function draftLetter({ db, actor }: ServiceContext, caseId: number, kind: LetterKind) {
  if (kind === 'extension_notice') {
    throw new DomainError('BAD_REQUEST', msg('letters.useExtendDraft'), 'use_extend');
  }
  return db.transaction(async (tx) => {
    const [row] = await tx.select().from(cases).where(eq(cases.id, caseId));
    if (!row) throw new DomainError('NOT_FOUND', msg('cases.notFound'));
    const letterhead = await getSetting(tx, 'letterhead');
    const facts = await letterFacts(tx, caseId);
    await appendAudit(tx, actor, {
      action: 'letter.draft',
      objectType: 'case',
      objectId: caseId,
      details: { letterKind: kind, subjectIds: facts.subjectIds, records: facts.records.length },
    });
    return { ...letterDraft(kind, row, letterhead, facts), addressee: defaultAddressee(row) };
  });
}

/** A «[…]» blank left in the text must be filled or deleted before the letter gets a number and goes out. */
export function refuseBlanks(letter: { addressee: string; body: string }) {
  const blanks = letterPlaceholders(`${letter.addressee}\n${letter.body}`);
  if (blanks.length === 0) return;
  throw new DomainError(
    'BAD_REQUEST',
    msg('letters.placeholdersLeft', { blanks: describePlaceholders(blanks) }),
    'letter_placeholders',
  );
}

/** Gives the letter its outgoing number and freezes its text and letterhead, inside the caller's transaction. */
export async function insertLetter(
  tx: Tx,
  actor: Actor,
  row: CaseRow,
  letter: LetterDraft & { kind: LetterKind; addressee: string },
  clock: Clock,
) {
  refuseBlanks(letter);
  const today = clock.today();
  if (today < row.receivedOn) {
    // A letter answers the request: dated before it arrived, it would prove nothing (an extension notice least of all).
    throw new DomainError(
      'BAD_REQUEST',
      msg('letters.beforeRequest', { today, incomingNumber: row.incomingNumber, receivedOn: row.receivedOn }),
      'letter_before_request',
    );
  }
  const outgoingNumber = await takeRegistrationNumber(tx, 'outgoing', yearOf(today));
  const content: LetterContent = {
    letterhead: await getSetting(tx, 'letterhead'),
    addressee: letter.addressee,
    title: letter.title,
    body: letter.body,
    dateOn: today,
    incomingNumber: row.incomingNumber,
    incomingReceivedOn: row.receivedOn,
  };
  const [created] = await tx
    .insert(caseLetters)
    .values({ caseId: row.id, kind: letter.kind, outgoingNumber, content, createdById: actor.userId })
    .returning({ id: caseLetters.id, outgoingNumber: caseLetters.outgoingNumber });
  if (!created) throw new Error('letter insert returned nothing');
  await recordCaseEvent(tx, actor, row.id, {
    kind: 'letter_created',
    text: `Исх. № ${outgoingNumber}: ${LETTER_KIND_TITLES[letter.kind]}`,
    details: { letterId: created.id, outgoingNumber, letterKind: letter.kind },
  });
  return created;
}

export async function createLetter(ctx: ServiceContext, input: CreateLetterInput) {
  const { db, actor, clock } = ctx;
  if (input.kind === 'extension_notice') {
    throw new DomainError('BAD_REQUEST', msg('letters.useExtend'), 'use_extend');
  }
  const kind = input.kind;
  return db.transaction(async (tx) => {
    const row = await lockCase(tx, { id: input.caseId }, 'подготовить письмо');
    // The officer's text is the letter; the template gives only its title (which no records change).
    const { title } = letterDraft(kind, row, await getSetting(tx, 'letterhead'), NO_FACTS);
    return insertLetter(
      tx,
      actor,
      row,
      { kind, title, body: input.body, addressee: input.addressee ?? defaultAddressee(row) },
      clock,
    );
  });
}

export async function markLetterSent({ db, actor, clock }: ServiceContext, input: MarkLetterSentInput) {
  refuseFutureDate(clock, 'sent', input.sentOn);
  return db.transaction(async (tx) => {
    const [letter] = await tx.select().from(caseLetters).where(eq(caseLetters.id, input.letterId)).for('update');
    if (!letter) throw new DomainError('NOT_FOUND', msg('letters.notFound'));
    await lockCase(tx, { id: letter.caseId }, 'отметить отправку письма');
    if (letter.sentOn) {
      throw new DomainError(
        'CONFLICT',
        msg('letters.alreadySent', { outgoingNumber: letter.outgoingNumber, sentOn: letter.sentOn }),
        'already_sent',
      );
    }
    if (input.sentOn < letter.content.dateOn) {
      throw new DomainError(
        'BAD_REQUEST',
        msg('letters.sentBeforeLetter', {
          sentOn: input.sentOn,
          outgoingNumber: letter.outgoingNumber,
          dateOn: letter.content.dateOn,
        }),
        'sent_before_letter',
      );
    }
    const sent = {
      sentMethod: input.method,
      sentOn: input.sentOn,
      trackingNumber: input.trackingNumber ?? null,
      sentNote: input.note ?? null,
    };
    await tx.update(caseLetters).set(sent).where(eq(caseLetters.id, letter.id));
    await recordCaseEvent(tx, actor, letter.caseId, {
      kind: 'letter_sent',
      text: `Исх. № ${letter.outgoingNumber} отправлено`,
      details: { letterId: letter.id, outgoingNumber: letter.outgoingNumber, ...sent },
    });
    return { letterId: letter.id, ...sent };
  });
}

/** The PDF is rendered from the frozen content each time; every download is audited. */
export async function letterPdf({ db, actor }: ServiceContext, letterId: number) {
  const [letter] = await db
    .select({ caseId: caseLetters.caseId, outgoingNumber: caseLetters.outgoingNumber, content: caseLetters.content })
    .from(caseLetters)
    .where(eq(caseLetters.id, letterId));
  if (!letter) throw new DomainError('NOT_FOUND', msg('letters.notFound'));
  const pdf = await renderLetterPdf(letter.content, letter.outgoingNumber);
  await db.transaction((tx) =>
    appendAudit(tx, actor, {
      action: 'letter.download',
      objectType: 'case_letter',
      objectId: letterId,
      details: { caseId: letter.caseId, outgoingNumber: letter.outgoingNumber },
    }),
  );
  return { pdf, fileName: `${letter.outgoingNumber}.pdf` };
}

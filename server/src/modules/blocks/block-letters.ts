import { ruDate } from '@pd-desk/shared/calendar/ru-date';
import type { LetterKind } from '@pd-desk/shared/cases/case-model';
import { asc, eq } from 'drizzle-orm';
import type { Clock } from '../../clock';
import type { Tx } from '../../db/client';
import { subjectAddresses, subjects } from '../../db/schema/subjects';
import type { Actor } from '../../service-context';
import type { CaseRow } from '../cases/case-records';
import { defaultAddressee, insertLetter } from '../cases/letters.service';
import { fullNameOf } from '../subjects/page.service';

/** The notices of a block's resolution (art. 21 p. 1–3, 6): one per step, to the requester, and to the subject too when RKN asked. */
export type BlockNotice =
  | 'inaccuracy_confirmed'
  | 'unlawful_confirmed'
  | 'not_confirmed'
  | 'rectified'
  | 'stopped'
  | 'destroyed'
  | 'kept_blocked'
  | 'made_lawful';

const LAW = 'Федерального закона от 27.07.2006 № 152-ФЗ «О персональных данных»';

type NoticeFacts = { note: string; dueOn?: string | null; caseNumber: string; receivedOn: string };

const NOTICES: Record<BlockNotice, { kind: LetterKind; title: string; body: (f: NoticeFacts) => string }> = {
  inaccuracy_confirmed: {
    kind: 'other',
    title: 'Уведомление о подтверждении неточности персональных данных',
    body: (f) =>
      `Сведения, изложенные в обращении, подтвердились: ${f.note}\n\nВ соответствии с ч. 2 ст. 21 ${LAW} персональные данные будут уточнены, а блокировка снята не позднее ${ruDate(f.dueOn ?? f.receivedOn)}. До этого данные остаются заблокированными.`,
  },
  unlawful_confirmed: {
    kind: 'other',
    title: 'Уведомление о выявлении неправомерной обработки персональных данных',
    body: (f) =>
      `Проверка подтвердила неправомерную обработку персональных данных: ${f.note}\n\nВ соответствии с ч. 3 ст. 21 ${LAW} неправомерная обработка будет прекращена, а если обеспечить её правомерность невозможно — данные будут уничтожены не позднее ${ruDate(f.dueOn ?? f.receivedOn)}. До этого данные заблокированы.`,
  },
  not_confirmed: {
    kind: 'answer',
    title: 'Ответ по результатам проверки обращения о блокировании персональных данных',
    body: (f) =>
      `Проверка не подтвердила сведения, изложенные в обращении. Основания: ${f.note}\n\nБлокирование персональных данных, осуществлённое на период проверки (ч. 1 ст. 21 ${LAW}), снято.`,
  },
  rectified: {
    kind: 'answer',
    title: 'Уведомление об уточнении персональных данных и снятии блокировки',
    body: (f) =>
      `Персональные данные уточнены на основании представленных сведений, блокирование снято (ч. 2 ст. 21 ${LAW}). ${f.note}`,
  },
  made_lawful: {
    kind: 'answer',
    title: 'Уведомление об устранении нарушений при обработке персональных данных',
    body: (f) =>
      `Допущенные нарушения устранены, обработка персональных данных приведена в соответствие с законом, блокирование снято (ч. 3 ст. 21 ${LAW}). ${f.note}`,
  },
  stopped: {
    kind: 'other',
    title: 'Уведомление о прекращении неправомерной обработки персональных данных',
    body: (f) => `Неправомерная обработка персональных данных прекращена (ч. 3 ст. 21 ${LAW}). ${f.note}`,
  },
  destroyed: {
    kind: 'answer',
    title: 'Уведомление об уничтожении персональных данных',
    body: (f) =>
      `Персональные данные, обработка которых была неправомерной, уничтожены (ч. 3 ст. 21 ${LAW}); составлен акт об уничтожении. ${f.note}`,
  },
  kept_blocked: {
    kind: 'other',
    title: 'Уведомление о блокировании персональных данных до их уничтожения',
    body: (f) =>
      `Уничтожить персональные данные в установленный срок невозможно: ${f.note}\n\nВ соответствии с ч. 6 ст. 21 ${LAW} данные заблокированы и будут уничтожены не позднее ${ruDate(f.dueOn ?? f.receivedOn)}.`,
  },
};

function reference(row: CaseRow): string {
  const rkn = row.requesterKind === 'rkn' && row.rknInquiryNumber ? ` № ${row.rknInquiryNumber}` : '';
  return `По ${row.requesterKind === 'rkn' ? 'запросу' : 'обращению'}${rkn} от ${ruDate(row.receivedOn)} (вх. № ${row.incomingNumber}).`;
}

async function subjectAddressee(tx: Tx, subjectId: number): Promise<string> {
  const [s] = await tx
    .select({ lastName: subjects.lastName, firstName: subjects.firstName, middleName: subjects.middleName })
    .from(subjects)
    .where(eq(subjects.id, subjectId));
  const [address] = await tx
    .select({ address: subjectAddresses.address })
    .from(subjectAddresses)
    .where(eq(subjectAddresses.subjectId, subjectId))
    .orderBy(asc(subjectAddresses.id))
    .limit(1);
  return [s ? fullNameOf(s) : '', address?.address ?? '[почтовый адрес субъекта]'].filter(Boolean).join('\n');
}

/**
 * Issues the step's notice as numbered letters of the case (cases.letters): to the requester, and — when
 * Roskomnadzor asked and the processing was unlawful — to the subject as well (art. 21 p. 3).
 */
export async function issueBlockNotice(
  tx: Tx,
  { actor, clock }: { actor: Actor; clock: Clock },
  row: CaseRow,
  subjectId: number,
  notice: BlockNotice,
  facts: { note: string; dueOn?: string | null },
) {
  const template = NOTICES[notice];
  const body = `${reference(row)}\n\n${template.body({ ...facts, caseNumber: row.incomingNumber, receivedOn: row.receivedOn })}`;
  const addressees = [defaultAddressee(row)];
  const subjectToo =
    row.requesterKind === 'rkn' &&
    ['unlawful_confirmed', 'stopped', 'destroyed', 'kept_blocked', 'made_lawful'].includes(notice);
  if (subjectToo) addressees.push(await subjectAddressee(tx, subjectId));
  const letters = [];
  for (const addressee of addressees) {
    letters.push(
      await insertLetter(tx, actor, row, { kind: template.kind, title: template.title, body, addressee }, clock),
    );
  }
  return letters;
}

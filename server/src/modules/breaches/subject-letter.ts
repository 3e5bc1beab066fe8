import { formatInstant } from '@pd-desk/shared/calendar/instant';
import { ruDate } from '@pd-desk/shared/calendar/ru-date';
import type { Letterhead } from '@pd-desk/shared/settings/settings.schemas';
import { PD_FIELD_LABELS } from '@pd-desk/shared/subjects/pd-field-labels';
import type { PdField } from '@pd-desk/shared/subjects/pd-records';
import { formatPhoneForDisplay } from '@pd-desk/shared/subjects/phone-normalise';

/** Every letter starts with this title: the bundle is counted by it. */
export const SUBJECT_LETTER_TITLE = 'Уведомление об инциденте с персональными данными';

export interface SubjectLetterIncident {
  number: string;
  establishedAt: Date;
  description: string;
  dataCategories: readonly PdField[];
  measures: string;
}

export interface SubjectLetterPerson {
  lastName: string;
  firstName: string;
  middleName: string | null;
  address: string | null;
}

export interface SubjectLetter {
  letterhead: Letterhead;
  addressee: string;
  title: string;
  greeting: string;
  paragraphs: string[];
  dateOn: string;
}

/** Policy 3.3: the operator informs the user of a loss or disclosure of their data. One text for letter and e-mail. */
export function subjectLetter(
  incident: SubjectLetterIncident,
  person: SubjectLetterPerson,
  letterhead: Letterhead,
  timeZone: string,
  today: string,
): SubjectLetter {
  const fullName = [person.lastName, person.firstName, person.middleName].filter(Boolean).join(' ');
  const established = formatInstant(incident.establishedAt, timeZone).slice(0, 10);
  const categories = incident.dataCategories.map((field) => PD_FIELD_LABELS[field].ru).join(', ');
  const contact = [
    letterhead.phone && `по телефону ${formatPhoneForDisplay(letterhead.phone)}`,
    letterhead.email && `по электронной почте ${letterhead.email}`,
  ]
    .filter(Boolean)
    .join(' или ');
  return {
    letterhead,
    addressee: [fullName, person.address].filter(Boolean).join('\n'),
    title: SUBJECT_LETTER_TITLE,
    greeting: `Уважаемый(ая) ${[person.firstName, person.middleName].filter(Boolean).join(' ')}!`,
    paragraphs: [
      `В соответствии с п. 3.3 Политики обработки персональных данных ${letterhead.operatorName} сообщает, что ${ruDate(established)} выявлен инцидент ${incident.number}, в результате которого могли быть затронуты ваши персональные данные.`,
      `Что произошло: ${incident.description.trim()}`,
      ...(categories ? [`Затронутые категории данных: ${categories}.`] : []),
      ...(incident.measures.trim() ? [`Принятые меры: ${incident.measures.trim()}`] : []),
      'Роскомнадзор уведомлён об инциденте в установленный законом срок. Рекомендуем с осторожностью относиться к звонкам и письмам от имени клиники и не сообщать коды из СМС.',
      `Ответим на ваши вопросы${contact ? ` ${contact}` : ''}, а также по адресу: ${letterhead.address}.`,
    ],
    dateOn: today,
  };
}

export function subjectLetterText(letter: SubjectLetter): string {
  return [
    letter.greeting,
    '',
    ...letter.paragraphs.flatMap((p) => [p, '']),
    letter.letterhead.responsiblePosition,
    letter.letterhead.responsiblePerson,
    letter.letterhead.operatorName,
  ].join('\n');
}

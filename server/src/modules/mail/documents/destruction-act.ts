import { ruDate } from '@pd-desk/shared/calendar/ru-date';
import type { Letterhead } from '@pd-desk/shared/settings/settings.schemas';
import { PD_FIELD_LABELS } from '@pd-desk/shared/subjects/pd-field-labels';
import type { destructionActs } from '../../../db/schema/withdrawals';
import type { MailDocument } from './document-model';

export type ActFacts = {
  act: typeof destructionActs.$inferSelect;
  letterhead: Letterhead;
  subjectName: string;
  destroyedBy: string;
  /** The audit entries of the destruction: the event-log extract (local time). */
  extract: { at: string; system: string; categories: string[] }[];
};

const categoryList = (fields: readonly string[]) =>
  fields.map((f) => PD_FIELD_LABELS[f as keyof typeof PD_FIELD_LABELS]?.ru ?? f).join(', ');

/**
 * Акт об уничтожении персональных данных with every item of RKN Order No. 179 p. 3–4 (docs/law.md), and the extract
 * from the event log that must come with it for automated processing (p. 5). Both are kept 3 years (p. 8).
 */
export function actDocument({ act, letterhead, subjectName, destroyedBy, extract }: ActFacts): MailDocument {
  const row = (label: string, value: string) => [label, value];
  return {
    fileTitle: `Акт № ${act.number} об уничтожении персональных данных`,
    letterhead,
    references: [],
    addressee: null,
    title: `АКТ № ${act.number}\nоб уничтожении персональных данных`,
    blocks: [
      {
        kind: 'table',
        columns: ['Сведение (приказ Роскомнадзора от 28.10.2022 № 179)', 'Значение'],
        widths: [2, 3],
        rows: [
          row('Наименование и адрес оператора', `${letterhead.operatorName}, ${letterhead.address}`),
          row('Лицо, осуществляющее обработку по поручению оператора', 'не привлекалось: обработку вёл оператор'),
          row('ФИО субъекта, чьи персональные данные уничтожены', subjectName),
          row(
            'ФИО и должность лица, уничтожившего данные',
            `${destroyedBy}, ${letterhead.responsiblePosition.toLowerCase()}`,
          ),
          row(
            'Категории уничтоженных персональных данных',
            act.entries.map((e) => `${e.purpose}: ${categoryList(e.categories)}`).join('\n'),
          ),
          row(
            'Материальный носитель и количество листов (при обработке без средств автоматизации)',
            'не применимо: данные обрабатывались в электронном виде',
          ),
          row('Наименование информационной системы', [...new Set(act.entries.map((e) => e.system))].join('\n')),
          row('Способ уничтожения', act.method),
          row('Средство защиты информации, использованное для уничтожения', act.destructionTool ?? 'не указано'),
          row('Причина уничтожения', act.reason),
          row('Дата уничтожения', ruDate(act.destroyedOn)),
          row('Срок хранения акта и выгрузки', `3 года, до ${ruDate(act.keepUntil)} (п. 8 приказа № 179)`),
        ],
      },
      { kind: 'heading', text: 'Выгрузка из журнала регистрации событий в информационной системе' },
      {
        kind: 'table',
        // The event's own time is the date of destruction the extract must give, with the hour the log has.
        columns: [
          'Дата и время уничтожения',
          'ФИО субъекта',
          'Категории персональных данных',
          'Информационная система',
          'Причина уничтожения',
        ],
        widths: [1.7, 1.9, 2.1, 2.1, 3.2],
        rows: extract.map((e) => [e.at, subjectName, categoryList(e.categories), e.system, act.reason]),
      },
    ],
    signatures: [{ position: letterhead.responsiblePosition, name: destroyedBy }],
  };
}

/**
 * The two Roskomnadzor notices of 152-ФЗ ст. 21 ч. 3.1 as fields, in the order the law lists them,
 * so the officer copies each into the portal's form or prints the whole. Pure: the server builds a
 * draft from the incident, and freezes the same list when the filing is recorded.
 */
import { formatInstant } from '../calendar/instant';
import { PD_FIELD_LABELS } from '../subjects/pd-field-labels';
import type { PdField } from '../subjects/pd-records';
import type { FilingKind } from './breach-model';
import type { RknContact } from './breaches.schemas';

export interface RknNoticeField {
  key: string;
  label: string;
  value: string;
}

export interface RknNoticeSource {
  operatorName: string;
  operatorAddress: string;
  establishedAt: Date;
  description: string;
  dataCategories: readonly PdField[];
  systems: readonly string[];
  subjectsEstimate: number | null;
  subjectsExact: number | null;
  causes: string;
  harm: string;
  measures: string;
  rknContact: RknContact;
  investigationResults: string;
  responsiblePersons: string;
  noticeReference: string | null;
}

const NOT_GIVEN = '— не указано —';
const orNotGiven = (value: string) => value.trim() || NOT_GIVEN;

function contactLine(contact: RknContact): string {
  return [contact.name, contact.position, contact.phone && `тел. ${contact.phone}`, contact.email]
    .filter(Boolean)
    .join(', ');
}

function ruInstant(at: Date, timeZone: string): string {
  const [date, rest] = formatInstant(at, timeZone).split('T') as [string, string];
  const [year, month, day] = date.split('-');
  return `${day}.${month}.${year} ${rest.slice(0, 5)} (UTC${rest.slice(5)})`;
}

export function rknNoticeTitle(kind: FilingKind): string {
  return kind === 'notice'
    ? 'Уведомление об инциденте (ст. 21 ч. 3.1 п. 1 152-ФЗ)'
    : 'Уведомление о результатах внутреннего расследования (ст. 21 ч. 3.1 п. 2 152-ФЗ)';
}

export function rknNoticeFields(kind: FilingKind, source: RknNoticeSource, timeZone: string): RknNoticeField[] {
  const operator: RknNoticeField[] = [
    { key: 'operator', label: 'Оператор', value: source.operatorName },
    { key: 'operatorAddress', label: 'Адрес оператора', value: source.operatorAddress },
    {
      key: 'establishedAt',
      label: 'Дата и время выявления инцидента',
      value: ruInstant(source.establishedAt, timeZone),
    },
  ];
  const contact = {
    key: 'rknContact',
    label: 'Лицо, уполномоченное оператором на взаимодействие с Роскомнадзором',
    value: contactLine(source.rknContact),
  };
  if (kind === 'notice') {
    return [
      ...operator,
      { key: 'description', label: 'Описание инцидента', value: orNotGiven(source.description) },
      {
        key: 'dataCategories',
        label: 'Категории персональных данных',
        value: source.dataCategories.map((field) => PD_FIELD_LABELS[field].ru).join(', ') || NOT_GIVEN,
      },
      { key: 'systems', label: 'Информационные системы', value: source.systems.join(', ') || NOT_GIVEN },
      {
        key: 'subjects',
        label: 'Предполагаемое количество субъектов',
        value: String(source.subjectsExact ?? source.subjectsEstimate ?? NOT_GIVEN),
      },
      { key: 'causes', label: 'Предполагаемые причины инцидента', value: orNotGiven(source.causes) },
      { key: 'harm', label: 'Предполагаемый вред, нанесённый правам субъектов', value: orNotGiven(source.harm) },
      { key: 'measures', label: 'Принятые меры по устранению последствий', value: orNotGiven(source.measures) },
      contact,
    ];
  }
  return [
    ...operator,
    {
      key: 'noticeReference',
      label: 'Номер первичного уведомления на портале',
      value: source.noticeReference ?? NOT_GIVEN,
    },
    {
      key: 'investigationResults',
      label: 'Результаты внутреннего расследования',
      value: orNotGiven(source.investigationResults),
    },
    {
      key: 'responsiblePersons',
      label: 'Лица, действия которых стали причиной инцидента (при наличии)',
      value: source.responsiblePersons.trim() || 'не выявлены',
    },
    {
      key: 'subjects',
      label: 'Количество субъектов, чьи данные затронуты',
      value: String(source.subjectsExact ?? source.subjectsEstimate ?? NOT_GIVEN),
    },
    contact,
  ];
}

import { describe, expect, it } from 'vitest';
import { type RknNoticeSource, rknNoticeFields } from './rkn-notice';

const source: RknNoticeSource = {
  operatorName: 'ООО «Имплантация»',
  operatorAddress: 'г. Екатеринбург',
  establishedAt: new Date('2026-12-31T18:30:00Z'),
  description: 'Письмо со списком пациентов ушло не тому адресату',
  dataCategories: ['full_name', 'phone'],
  systems: ['МИС'],
  subjectsEstimate: 1200,
  subjectsExact: null,
  causes: 'Ошибка автоподстановки адреса',
  harm: '',
  measures: 'Отзыв письма',
  rknContact: { name: 'Иванова А. А.', position: 'ответственный', phone: '+7 343 000-00-00', email: '' },
  investigationResults: '',
  responsiblePersons: '',
  noticeReference: null,
};

describe('rknNoticeFields', () => {
  it('lists every field art. 21 p. 3.1 (1) names, with the instant in the operator zone and its offset', () => {
    const fields = rknNoticeFields('notice', source, 'Asia/Yekaterinburg');
    const byKey = Object.fromEntries(fields.map((f) => [f.key, f.value]));
    expect(Object.keys(byKey)).toEqual(
      expect.arrayContaining(['description', 'causes', 'harm', 'measures', 'rknContact', 'establishedAt']),
    );
    expect(byKey.establishedAt).toBe('31.12.2026 23:30 (UTC+05:00)');
    expect(byKey.dataCategories).toBe('ФИО, телефон');
    expect(byKey.harm).toBe('— не указано —');
    expect(byKey.rknContact).toBe('Иванова А. А., ответственный, тел. +7 343 000-00-00');
    expect(byKey.subjects).toBe('1200');
  });

  it('the report names the investigation results and the persons responsible', () => {
    const fields = rknNoticeFields(
      'report',
      { ...source, subjectsExact: 998, noticeReference: 'RKN-1', investigationResults: 'Итоги' },
      'Europe/Kaliningrad',
    );
    const byKey = Object.fromEntries(fields.map((f) => [f.key, f.value]));
    expect(byKey).toMatchObject({
      establishedAt: '31.12.2026 20:30 (UTC+02:00)',
      noticeReference: 'RKN-1',
      investigationResults: 'Итоги',
      responsiblePersons: 'не выявлены',
      subjects: '998',
    });
  });
});

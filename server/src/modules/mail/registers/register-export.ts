import { formatInstant } from '@pd-desk/shared/calendar/instant';
import { CASE_CHANNEL_LABELS, CASE_STATUS_LABELS, CASE_TYPE_LABELS } from '@pd-desk/shared/cases/case-model';
import type { MailExportFormat, MailRegister } from '@pd-desk/shared/mail/registers.schemas';
import { PD_FIELD_LABELS } from '@pd-desk/shared/subjects/pd-field-labels';
import ExcelJS from 'exceljs';
import type { ServiceContext } from '../../../service-context';
import { appendAudit } from '../../audit/audit.service';
import { ruDate } from '../../cases/letter-templates';
import { LETTER_KIND_TITLES } from '../../cases/letters.service';
import { actRows, incomingRows, outgoingRows } from './register-queries';

const ALL = { limit: 100_000, offset: 0 };
const SEND_METHOD_LABELS = { post: 'почтой', email: 'электронной почтой', in_person: 'лично' } as const;
const dateOrEmpty = (iso: string | null) => (iso ? ruDate(iso) : '');

/** `sheet` is the worksheet's name: Excel allows 31 characters, less than a journal's title. */
type Sheet = { title: string; sheet: string; columns: string[]; rows: string[][] };

/** The paper journal's columns, in clear: an export is a register the officer prints or hands to an auditor. */
async function sheetOf(
  { db }: ServiceContext,
  register: MailRegister,
  filters: Record<string, string>,
): Promise<Sheet> {
  if (register === 'incoming') {
    const { rows } = await incomingRows(db, filters, ALL);
    return {
      title: 'Журнал входящей корреспонденции',
      sheet: 'Входящие',
      columns: [
        'Вх. №',
        'Дата получения',
        'Дата регистрации',
        'Канал',
        'Отправитель',
        'Адрес отправителя',
        'Вид',
        'Статус',
        'Срок',
      ],
      rows: rows.map((r) => [
        r.incomingNumber,
        ruDate(r.receivedOn),
        ruDate(r.registeredOn),
        CASE_CHANNEL_LABELS[r.channel].ru,
        r.sender,
        r.senderAddress ?? '',
        CASE_TYPE_LABELS[r.kind].ru,
        CASE_STATUS_LABELS[r.status].ru,
        ruDate(r.dueOn),
      ]),
    };
  }
  if (register === 'outgoing') {
    const { rows } = await outgoingRows(db, filters, ALL);
    return {
      title: 'Журнал исходящей корреспонденции',
      sheet: 'Исходящие',
      columns: ['Исх. №', 'Дата', 'Адресат', 'Вид', 'На вх. №', 'Отправлено', 'Способ', 'Трек-номер (ШПИ)'],
      rows: rows.map((r) => [
        r.outgoingNumber,
        dateOrEmpty(r.dateOn),
        r.addressee.replaceAll('\n', ', '),
        LETTER_KIND_TITLES[r.kind],
        r.incomingNumber,
        dateOrEmpty(r.sentOn),
        r.sentMethod ? SEND_METHOD_LABELS[r.sentMethod] : '',
        r.trackingNumber ?? '',
      ]),
    };
  }
  const { rows } = await actRows(db, filters, ALL);
  return {
    title: 'Журнал актов об уничтожении персональных данных',
    sheet: 'Акты об уничтожении',
    columns: [
      'Акт №',
      'Дата уничтожения',
      'Субъект',
      'Информационные системы',
      'Категории данных',
      'Причина',
      'По вх. №',
      'Хранить до',
    ],
    rows: rows.map((r) => [
      r.number,
      ruDate(r.destroyedOn),
      r.subject,
      [...new Set(r.entries.map((e) => e.system))].join(', '),
      [...new Set(r.entries.flatMap((e) => e.categories))].map((f) => PD_FIELD_LABELS[f].ru).join(', '),
      r.reason,
      r.incomingNumber,
      ruDate(r.keepUntil),
    ]),
  };
}

const csvCell = (value: string) => (/[";\n\r]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value);

/** CSV in Excel's Russian «;» dialect with a BOM, or XLSX; every export is audited with its filters and size. */
export async function exportMailRegister(
  ctx: ServiceContext,
  register: MailRegister,
  filters: Record<string, string>,
  format: MailExportFormat,
) {
  const sheet = await sheetOf(ctx, register, filters);
  await ctx.db.transaction((tx) =>
    appendAudit(tx, ctx.actor, {
      action: 'mail.register_exported',
      objectType: 'mail_register',
      objectId: register,
      details: { format, rows: sheet.rows.length, filters },
    }),
  );
  const stamp = formatInstant(ctx.clock.now(), ctx.clock.timeZone).slice(0, 10);
  const name = `${register}-${stamp}.${format}`;
  if (format === 'csv') {
    const body = `\uFEFF${[sheet.columns, ...sheet.rows].map((line) => line.map(csvCell).join(';')).join('\r\n')}\r\n`;
    return { body, type: 'text/csv; charset=utf-8', name };
  }
  const workbook = new ExcelJS.Workbook();
  const ws = workbook.addWorksheet(sheet.sheet);
  ws.addRow([sheet.title]).font = { bold: true, size: 13 };
  ws.addRow(sheet.columns).font = { bold: true };
  for (const line of sheet.rows) ws.addRow(line);
  ws.columns.forEach((column) => {
    column.width = 22;
  });
  const body = Buffer.from(await workbook.xlsx.writeBuffer());
  return { body, type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', name };
}

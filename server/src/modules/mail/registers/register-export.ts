import { CASE_CHANNEL_LABELS, CASE_STATUS_LABELS, CASE_TYPE_LABELS } from '@pd-desk/shared/cases/case-model';
import type { TableExportFormat } from '@pd-desk/shared/exports/exports.schemas';
import type { MailRegister } from '@pd-desk/shared/mail/registers.schemas';
import { PD_FIELD_LABELS } from '@pd-desk/shared/subjects/pd-field-labels';
import { maskFullName } from '@pd-desk/shared/subjects/subject-mask';
import { type ExportAudit, type ExportColumn, exportPaged } from '../../../http/table-export';
import type { ServiceContext } from '../../../service-context';
import { maskedRequester } from '../../cases/case-records';
import { LETTER_KIND_TITLES } from '../../cases/letters.service';
import { actRows, incomingRows, outgoingRows } from './register-queries';

const SEND_METHOD_LABELS = { post: 'почтой', email: 'электронной почтой', in_person: 'лично' } as const;

type Row<F extends (...args: never[]) => Promise<{ rows: unknown[] }>> = Awaited<ReturnType<F>>['rows'][number];

/**
 * The registrar keeps the journals but opens a person one at a time (`mail.registers.reveal`): the registrar's
 * export shows people as the list does, masked, without addresses. The officer and the auditor get the journal
 * in clear — it is the register they print or hand to an inspector.
 */
const inClear = (ctx: ServiceContext) => ctx.actor.role === 'officer' || ctx.actor.role === 'auditor';

function incomingColumns(clear: boolean): ExportColumn<Row<typeof incomingRows>>[] {
  return [
    { header: 'Вх. №', cell: (r) => r.incomingNumber },
    { header: 'Дата получения', width: 14, cell: (r) => ({ date: r.receivedOn }) },
    { header: 'Дата регистрации', width: 14, cell: (r) => ({ date: r.registeredOn }) },
    { header: 'Канал', cell: (r) => CASE_CHANNEL_LABELS[r.channel].ru },
    { header: 'Отправитель', width: 30, cell: (r) => (clear ? r.sender : maskedRequester(r.requesterKind, r.sender)) },
    { header: 'Адрес отправителя', width: 36, cell: (r) => (clear ? (r.senderAddress ?? '') : '') },
    { header: 'Вид', width: 30, cell: (r) => CASE_TYPE_LABELS[r.kind].ru },
    { header: 'Статус', cell: (r) => CASE_STATUS_LABELS[r.status].ru },
    { header: 'Срок', width: 14, cell: (r) => ({ date: r.dueOn }) },
  ];
}

function outgoingColumns(clear: boolean): ExportColumn<Row<typeof outgoingRows>>[] {
  return [
    { header: 'Исх. №', cell: (r) => r.outgoingNumber },
    { header: 'Дата', width: 14, cell: (r) => ({ date: r.dateOn }) },
    {
      header: 'Адресат',
      width: 40,
      cell: (r) =>
        clear
          ? r.addressee.replaceAll('\n', ', ')
          : maskedRequester(r.requesterKind, r.addressee.split('\n')[0]?.trim() ?? ''),
    },
    { header: 'Вид', width: 30, cell: (r) => LETTER_KIND_TITLES[r.kind] },
    { header: 'На вх. №', cell: (r) => r.incomingNumber },
    { header: 'Отправлено', width: 14, cell: (r) => ({ date: r.sentOn }) },
    { header: 'Способ', cell: (r) => (r.sentMethod ? SEND_METHOD_LABELS[r.sentMethod] : '') },
    { header: 'Трек-номер (ШПИ)', cell: (r) => r.trackingNumber ?? '' },
  ];
}

function actColumns(clear: boolean): ExportColumn<Row<typeof actRows>>[] {
  return [
    { header: 'Акт №', cell: (r) => r.number },
    { header: 'Дата уничтожения', width: 14, cell: (r) => ({ date: r.destroyedOn }) },
    { header: 'Субъект', width: 30, cell: (r) => (clear ? r.subject : maskFullName(r.subject)) },
    {
      header: 'Информационные системы',
      width: 36,
      cell: (r) => [...new Set(r.entries.map((e) => e.system))].join(', '),
    },
    {
      header: 'Категории данных',
      width: 36,
      cell: (r) => [...new Set(r.entries.flatMap((e) => e.categories))].map((f) => PD_FIELD_LABELS[f].ru).join(', '),
    },
    { header: 'Причина', width: 30, cell: (r) => r.reason },
    { header: 'По вх. №', cell: (r) => r.incomingNumber },
    { header: 'Хранить до', width: 14, cell: (r) => ({ date: r.keepUntil }) },
  ];
}

/** CSV or XLSX of a register with the list's filters; audited as a PD export (filters and row count). */
export async function exportMailRegister(
  ctx: ServiceContext,
  register: MailRegister,
  filters: Record<string, string>,
  format: TableExportFormat,
) {
  const clear = inClear(ctx);
  const audit: ExportAudit = {
    action: 'mail.register_exported',
    objectType: 'mail_register',
    objectId: register,
    filters: { ...filters, masked: !clear },
  };
  // The paper journal's columns; the rows come a page at a time from the same queries as the lists.
  if (register === 'incoming') {
    const table = { title: 'Журнал входящей корреспонденции', sheet: 'Входящие', columns: incomingColumns(clear) };
    return exportPaged(ctx, { ...table, fileBase: register }, (p) => incomingRows(ctx.db, filters, p), format, audit);
  }
  if (register === 'outgoing') {
    const table = { title: 'Журнал исходящей корреспонденции', sheet: 'Исходящие', columns: outgoingColumns(clear) };
    return exportPaged(ctx, { ...table, fileBase: register }, (p) => outgoingRows(ctx.db, filters, p), format, audit);
  }
  const table = {
    title: 'Журнал актов об уничтожении персональных данных',
    sheet: 'Акты об уничтожении',
    columns: actColumns(clear),
  };
  return exportPaged(ctx, { ...table, fileBase: register }, (p) => actRows(ctx.db, filters, p), format, audit);
}

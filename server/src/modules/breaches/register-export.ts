import { PassThrough } from 'node:stream';
import { BREACH_CATEGORY_LABELS, BREACH_STATUS_LABELS } from '@pd-desk/shared/breaches/breach-model';
import type { ListBreachesInput, RegisterExportFormat } from '@pd-desk/shared/breaches/breaches.schemas';
import { formatInstant } from '@pd-desk/shared/calendar/instant';
import { PD_FIELD_LABELS } from '@pd-desk/shared/subjects/pd-field-labels';
import ExcelJS from 'exceljs';
import type { ServiceContext } from '../../service-context';
import { appendAudit } from '../audit/audit.service';
import { listBreaches } from './incidents.service';
import { openLettersPdf } from './letters-pdf';

const COLUMNS = [
  '№',
  'Выявлен',
  'Вид',
  'Что произошло',
  'Категории данных',
  'Субъектов',
  'Уведомление РКН (24 ч): срок',
  'Направлено, № на портале',
  'Итоги (72 ч): срок',
  'Направлено, № на портале',
  'Статус',
] as const;

type Row = Awaited<ReturnType<typeof listBreaches>>['rows'][number];

function cells(row: Row, timeZone: string): string[] {
  const local = (at: Date | string) => formatInstant(new Date(at), timeZone).replace('T', ' ');
  const [notice, report] = row.clocks;
  const filed = (clock: typeof notice) =>
    clock?.filed
      ? `${clock.filed.at.replace('T', ' ')}, № ${clock.filed.portalReference}${clock.filed.late ? ' (с опозданием)' : ''}`
      : clock?.overdue
        ? 'не направлено — просрочено'
        : 'не направлено';
  return [
    row.number,
    local(row.establishedAt),
    BREACH_CATEGORY_LABELS[row.category].ru,
    row.description,
    row.dataCategories.map((f) => PD_FIELD_LABELS[f].ru).join(', '),
    String(row.subjectsExact ?? row.subjectsEstimate ?? ''),
    notice?.due.replace('T', ' ') ?? '',
    filed(notice),
    report?.due.replace('T', ' ') ?? '',
    filed(report),
    BREACH_STATUS_LABELS[row.status].ru,
  ];
}

const csvCell = (value: string) => (/[";\n\r]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value);

/** The register as CSV (Excel's Russian «;» dialect with a BOM), XLSX or a printable PDF. Exports are audited. */
export async function exportRegister(
  ctx: ServiceContext,
  filters: Omit<ListBreachesInput, 'limit' | 'offset'>,
  format: RegisterExportFormat,
) {
  const { rows } = await listBreaches(ctx, { ...filters, limit: 100_000, offset: 0 });
  const table = rows.map((row) => cells(row, ctx.clock.timeZone));
  await appendAudit(ctx.db, ctx.actor, {
    action: 'breach.register_exported',
    objectType: 'breach_register',
    details: { format, rows: rows.length, filters },
  });
  const name = `incidents-${ctx.clock.today()}.${format}`;
  if (format === 'csv') {
    const text = `\uFEFF${[COLUMNS, ...table].map((line) => line.map(csvCell).join(';')).join('\r\n')}\r\n`;
    return { body: text, type: 'text/csv; charset=utf-8', name };
  }
  if (format === 'xlsx') {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Журнал инцидентов');
    sheet.addRow([...COLUMNS]).font = { bold: true };
    for (const line of table) sheet.addRow(line);
    sheet.columns.forEach((column, index) => {
      column.width = index === 3 ? 60 : 20;
    });
    const body = Buffer.from(await workbook.xlsx.writeBuffer());
    return { body, type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', name };
  }
  const doc = openLettersPdf('Журнал учёта инцидентов', 'PD Desk');
  doc.addPage({ size: 'A4', layout: 'landscape', margins: { top: 40, bottom: 40, left: 40, right: 40 } });
  doc.font('bold').fontSize(13).text('Журнал учёта инцидентов с персональными данными');
  doc.moveDown(0.5);
  for (const line of table) {
    doc.font('bold').fontSize(9).text(`${line[0]} · ${line[1]} · ${line[2]} · ${line[10]}`);
    doc.font('regular').fontSize(8.5);
    for (let i = 3; i < COLUMNS.length - 1; i++) doc.text(`${COLUMNS[i]}: ${line[i] || '—'}`);
    doc.moveDown(0.5);
  }
  doc.end();
  return { body: doc.pipe(new PassThrough()), type: 'application/pdf', name };
}

import { PassThrough, Readable } from 'node:stream';
import type { AuditAction, AuditObjectType } from '@pd-desk/shared/audit/audit-actions';
import { formatInstant } from '@pd-desk/shared/calendar/instant';
import { ruDate } from '@pd-desk/shared/calendar/ru-date';
import type { TableExportFormat } from '@pd-desk/shared/exports/exports.schemas';
import ExcelJS from 'exceljs';
import { appendAudit } from '../modules/audit/audit.service';
import type { ServiceContext } from '../service-context';

/** A cell: text, a number, or a calendar date (ISO) that CSV writes as dd.mm.yyyy and XLSX as a real date. */
export type ExportCell = string | number | null | { date: string | null };
export type ExportColumn<R> = { header: string; width?: number; cell: (row: R) => ExportCell };

export type TableExport<R> = {
  /** The first line of the sheet: what the table is («Журнал входящей корреспонденции»). */
  title: string;
  /** The worksheet's name: Excel allows 31 characters. */
  sheet: string;
  /** The download's name before the date stamp: `queue` → `queue-2026-12-01.xlsx`. */
  fileBase: string;
  columns: ExportColumn<R>[];
  /** How many rows the export holds, for the audit entry (counted before the first byte leaves). */
  total: number;
  /** The rows, a page at a time straight from the database: no export holds a whole table in memory. */
  pages: AsyncIterable<R[]>;
};

/** What the audit entry of an export says: which table, with which filters, how many rows; never the rows. */
export type ExportAudit = {
  action: AuditAction;
  objectType: AuditObjectType;
  objectId?: string;
  filters: Record<string, unknown>;
};

export const EXPORT_PAGE_SIZE = 500;

/** Offset paging over a list query; stops at the first short page. `first` is a page already fetched. */
async function* offsetPages<R>(
  fetchPage: (page: { limit: number; offset: number }) => Promise<R[]>,
  first: R[],
): AsyncIterable<R[]> {
  let rows = first;
  let offset = 0;
  for (;;) {
    if (rows.length > 0) yield rows;
    if (rows.length < EXPORT_PAGE_SIZE) return;
    offset += EXPORT_PAGE_SIZE;
    rows = await fetchPage({ limit: EXPORT_PAGE_SIZE, offset });
  }
}

type PageOf<R> = (page: { limit: number; offset: number }) => Promise<{ rows: R[]; total: number }>;

/** A list query that pages and counts (`{ rows, total }`, as every list here does) as an export's rows. */
export async function pagedRows<R>(fetchPage: PageOf<R>): Promise<Pick<TableExport<R>, 'total' | 'pages'>> {
  const first = await fetchPage({ limit: EXPORT_PAGE_SIZE, offset: 0 });
  return { total: first.total, pages: offsetPages(async (page) => (await fetchPage(page)).rows, first.rows) };
}

/**
 * OWASP «CSV injection»: a cell a spreadsheet would read as a formula (= + - @, or a tab/CR that some readers
 * strip before looking) gets a leading apostrophe, so it is shown as the text it is and never evaluated.
 */
export function neutraliseFormula(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

function csvText(cell: ExportCell): string {
  if (cell === null) return '';
  if (typeof cell === 'number') return String(cell);
  if (typeof cell === 'object') return cell.date ? ruDate(cell.date) : '';
  return neutraliseFormula(cell);
}

/** RFC 4180 quoting with «;» as the separator (see ADR 0019). */
export function csvCell(cell: ExportCell): string {
  const text = csvText(cell);
  return /[";\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

const csvLine = (cells: ExportCell[]) => `${cells.map(csvCell).join(';')}\r\n`;

async function* csvChunks<R>(table: Pick<TableExport<R>, 'columns' | 'pages'>): AsyncIterable<string> {
  // The BOM tells Excel and LibreOffice the file is UTF-8: without it Excel reads Cyrillic as cp1251.
  yield `\uFEFF${csvLine(table.columns.map((c) => c.header))}`;
  for await (const rows of table.pages) {
    yield rows.map((row) => csvLine(table.columns.map((c) => c.cell(row)))).join('');
  }
}

function xlsxValue(cell: ExportCell): ExcelJS.CellValue {
  if (cell === null || typeof cell !== 'object') return cell;
  return cell.date ? new Date(`${cell.date}T00:00:00Z`) : null;
}

/** ExcelJS's streaming writer: each row is committed to the zip stream as it is written, then forgotten. */
function xlsxStream<R>(table: Pick<TableExport<R>, 'title' | 'sheet' | 'columns' | 'pages'>): Readable {
  const out = new PassThrough();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  const sheet = workbook.addWorksheet(table.sheet, { views: [{ state: 'frozen', ySplit: 2 }] });
  sheet.columns = table.columns.map((c) => ({ width: c.width ?? 18 }));
  const write = async () => {
    const title = sheet.addRow([table.title]);
    title.font = { bold: true, size: 13 };
    title.commit();
    const header = sheet.addRow(table.columns.map((c) => c.header));
    header.font = { bold: true };
    header.commit();
    for await (const rows of table.pages) {
      for (const row of rows) {
        const line = sheet.addRow(table.columns.map((c) => xlsxValue(c.cell(row))));
        table.columns.forEach((column, i) => {
          const value = column.cell(row);
          if (value !== null && typeof value === 'object') line.getCell(i + 1).numFmt = 'dd.mm.yyyy';
        });
        line.commit();
      }
    }
    sheet.commit();
    await workbook.commit();
  };
  write().catch((error: unknown) => out.destroy(error instanceof Error ? error : new Error(String(error))));
  return out;
}

/** The file as a stream: rows are written as the pages arrive. */
export function tableBody<R>(
  table: Pick<TableExport<R>, 'title' | 'sheet' | 'columns' | 'pages'>,
  format: TableExportFormat,
) {
  return format === 'csv' ? Readable.from(csvChunks(table)) : xlsxStream(table);
}

export const EXPORT_TYPES = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;

/** The download's name: the table and the day in the operator's zone. */
export function exportFileName({ clock }: ServiceContext, base: string, extension: string) {
  return `${base}-${formatInstant(clock.now(), clock.timeZone).slice(0, 10)}.${extension}`;
}

/** The audit entry of a PD export: written (and committed) before the first row leaves the server. */
export async function auditExport(ctx: ServiceContext, audit: ExportAudit, details: Record<string, unknown>) {
  await ctx.db.transaction((tx) =>
    appendAudit(tx, ctx.actor, {
      action: audit.action,
      objectType: audit.objectType,
      objectId: audit.objectId ?? null,
      details: { ...details, filters: audit.filters },
    }),
  );
}

/** Audits the export, then streams it as CSV or XLSX. */
export async function tableExportFile<R>(
  ctx: ServiceContext,
  table: TableExport<R>,
  format: TableExportFormat,
  audit: ExportAudit,
) {
  await auditExport(ctx, audit, { format, rows: table.total });
  return {
    body: tableBody(table, format),
    type: EXPORT_TYPES[format],
    name: exportFileName(ctx, table.fileBase, format),
  };
}

/** The common case: a table over a paging list query, audited, then streamed. */
export async function exportPaged<R>(
  ctx: ServiceContext,
  table: Omit<TableExport<R>, 'total' | 'pages'>,
  fetchPage: PageOf<R>,
  format: TableExportFormat,
  audit: ExportAudit,
) {
  return tableExportFile(ctx, { ...table, ...(await pagedRows(fetchPage)) }, format, audit);
}

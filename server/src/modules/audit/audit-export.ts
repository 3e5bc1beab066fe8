import { listAuditInput } from '@pd-desk/shared/audit/audit.schemas';
import { formatInstant } from '@pd-desk/shared/calendar/instant';
import { ruDate } from '@pd-desk/shared/calendar/ru-date';
import type { TableExportFormat } from '@pd-desk/shared/exports/exports.schemas';
import { sql } from 'drizzle-orm';
import { auditLog } from '../../db/schema/audit';
import { queryFilters } from '../../http/export-route';
import { EXPORT_PAGE_SIZE, type ExportColumn, tableExportFile } from '../../http/table-export';
import type { ServiceContext } from '../../service-context';
import { type AuditFilter, auditWhere, listAudit } from './audit.service';

type AuditRow = Awaited<ReturnType<typeof listAudit>>['items'][number];

const localTime = (at: string, timeZone: string) => {
  const wall = formatInstant(new Date(at), timeZone);
  return `${ruDate(wall.slice(0, 10))} ${wall.slice(11, 16)}`;
};
const json = (value: unknown) => (value === null || value === undefined ? '' : JSON.stringify(value));

function columns(timeZone: string): ExportColumn<AuditRow>[] {
  return [
    { header: '№', width: 8, cell: (r) => r.seq },
    { header: 'Время', width: 18, cell: (r) => localTime(r.at, timeZone) },
    { header: 'Пользователь', cell: (r) => r.actorLogin ?? '' },
    { header: 'Действие', width: 26, cell: (r) => r.action },
    { header: 'Объект', cell: (r) => r.objectType ?? '' },
    { header: 'ID объекта', cell: (r) => r.objectId ?? '' },
    { header: 'Изменения', width: 40, cell: (r) => (r.detailsHidden ? 'скрыто' : json(r.changes)) },
    { header: 'Подробности', width: 40, cell: (r) => (r.detailsHidden ? 'скрыто' : json(r.details)) },
    { header: 'IP', width: 14, cell: (r) => r.ip ?? '' },
  ];
}

/** The newest first, a page at a time by sequence number, as the screen pages. */
async function* auditPages(ctx: ServiceContext, filter: Omit<AuditFilter, 'limit' | 'cursor'>, below: number) {
  let cursor: number | undefined = below;
  do {
    const page = await listAudit(ctx, { ...filter, limit: EXPORT_PAGE_SIZE, cursor });
    if (page.items.length > 0) yield page.items;
    cursor = page.nextBeforeSeq;
  } while (cursor !== undefined);
}

/**
 * The audit log with the screen's filters (period, user, object), as each role sees it (the admin without the
 * details of entries about people). The export itself is an audit entry: its filters and row count.
 */
export async function exportAuditLog(ctx: ServiceContext, query: Record<string, string>, format: TableExportFormat) {
  const {
    limit: _limit,
    cursor: _cursor,
    ...filter
  } = queryFilters(listAuditInput, {
    ...query,
    actorId: query.actorId ? Number(query.actorId) : undefined,
  });
  // The count and the pages stop at the same entry: the export's own entry (written next) is not in it.
  const [count] = await ctx.db
    .select({ n: sql<number>`count(*)::int`, last: sql<number>`coalesce(max(${auditLog.seq}), 0)`.mapWith(Number) })
    .from(auditLog)
    .where(auditWhere(filter));
  const table = {
    title: 'Журнал аудита',
    sheet: 'Аудит',
    fileBase: 'audit-log',
    columns: columns(ctx.clock.timeZone),
    total: count?.n ?? 0,
    pages: auditPages(ctx, filter, (count?.last ?? 0) + 1),
  };
  return tableExportFile(ctx, table, format, { action: 'audit.exported', objectType: 'audit', filters: filter });
}

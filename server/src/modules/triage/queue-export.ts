import { CASE_CHANNEL_LABELS, CASE_STATUS_LABELS, CASE_TYPE_LABELS } from '@pd-desk/shared/cases/case-model';
import type { TableExportFormat } from '@pd-desk/shared/exports/exports.schemas';
import { filtersFromParams } from '@pd-desk/shared/triage/queue-params';
import { triageListInput } from '@pd-desk/shared/triage/triage.schemas';
import { type ExportColumn, exportPaged } from '../../http/table-export';
import type { ServiceContext } from '../../service-context';
import { triageList } from './triage.service';

type QueueRow = Awaited<ReturnType<typeof triageList>>['items'][number];

const URGENCY_LABELS = { overdue: 'Просрочено', today: 'Сегодня', soon: 'Скоро' } as const;

/** The queue as the officer sees it: the same rows, order and masking (a work list needs no names in clear). */
const COLUMNS: ExportColumn<QueueRow>[] = [
  { header: 'Вх. №', cell: (r) => r.incomingNumber },
  { header: 'Вид', width: 30, cell: (r) => CASE_TYPE_LABELS[r.type].ru },
  { header: 'Канал', cell: (r) => CASE_CHANNEL_LABELS[r.channel].ru },
  { header: 'Статус', cell: (r) => CASE_STATUS_LABELS[r.status].ru },
  { header: 'Получено', width: 14, cell: (r) => ({ date: r.receivedOn }) },
  { header: 'Срок', width: 14, cell: (r) => ({ date: r.dueOn }) },
  { header: 'Рабочих дней осталось', width: 12, cell: (r) => r.workingDaysLeft },
  { header: 'Срочность', cell: (r) => (r.urgency ? URGENCY_LABELS[r.urgency] : '') },
  { header: 'Заявитель', width: 24, cell: (r) => r.requester },
  { header: 'Субъекты', width: 30, cell: (r) => r.subjects.join(', ') },
  { header: 'Исполнитель', width: 24, cell: (r) => r.assignee?.displayName ?? 'Не назначен' },
  { header: 'Блокировка', cell: (r) => (r.blocked ? 'Да' : '') },
];

/**
 * The triage queue with the filters and sort of the screen, read from the same query string as the queue's URL
 * (`?type=…&status=…&q=…`). Audited as a PD export: the filters (the search text is personal data: only whether
 * there was one) and the row count.
 */
export async function exportQueue(ctx: ServiceContext, query: Record<string, string>, format: TableExportFormat) {
  const filters = triageListInput.parse(filtersFromParams({ get: (key) => query[key] ?? null }));
  const { search, limit: _limit, offset: _offset, ...shown } = filters;
  return exportPaged(
    ctx,
    { title: 'Очередь обращений', sheet: 'Очередь', fileBase: 'queue', columns: COLUMNS },
    async (page) => {
      const { items, total } = await triageList(ctx, { ...filters, ...page });
      return { rows: items, total };
    },
    format,
    {
      action: 'triage.exported',
      objectType: 'case',
      filters: { ...shown, search: search !== undefined },
    },
  );
}

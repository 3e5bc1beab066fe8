import { Text } from '@mantine/core';
import { useElementSize, useMergedRef } from '@mantine/hooks';
import { flexRender, getCoreRowModel, type Row, useReactTable } from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, type RefObject, useImperativeHandle, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { type QueueColumnMeta, type QueueTableMeta, queueColumns } from './queue-columns';
import { columnVisibility } from './queue-layout';
import type { QueueFilters } from './queue-params';
import classes from './queue-table.module.css';
import type { QueueRow } from './types';
import { useQueueRows } from './use-queue-pages';

const ROW_HEIGHT = 37;
const HEADER_HEIGHT = 35;

export type QueueTableHandle = { rowAt: (index: number) => QueueRow | undefined; scrollTo: (index: number) => void };

type Props = {
  filters: QueueFilters;
  head: { items: QueueRow[]; total: number } | undefined;
  stale: boolean;
  height: string;
  cursor: number;
  onCursor: (index: number) => void;
  onOpen: (row: QueueRow) => void;
  /** Only roles that can act on the selected cases (the officer) get the checkboxes. */
  selectable: boolean;
  isSelected: (row: QueueRow) => boolean;
  toggle: (row: QueueRow) => void;
  onSort: (sort: NonNullable<QueueFilters['sort']>) => void;
  handle: RefObject<QueueTableHandle | null>;
  emptyText: string;
};

/**
 * The queue at any length: only the rows in view (plus a few) are in the DOM, in a real <table>
 * whose spacer rows stand for the rest, so 10 000 open cases scroll as smoothly as 20.
 */
export function QueueTable(props: Props) {
  const { filters, head, stale, height, cursor, onCursor, onOpen, selectable, isSelected, toggle, onSort, handle } =
    props;
  const { t } = useTranslation('triage');
  const { t: tCases } = useTranslation('cases');
  // The scroller's own width (the navbar and padding already taken): which columns fit, see queue-layout.ts.
  const { ref: measured, width } = useElementSize<HTMLDivElement>();
  const scroller = useRef<HTMLDivElement>(null);
  const scrollerRef = useMergedRef(scroller, measured);
  const total = head?.total ?? 0;
  const virtualizer = useVirtualizer({
    count: total,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
    scrollPaddingStart: HEADER_HEIGHT,
  });
  const items = virtualizer.getVirtualItems();
  const rowAt = useQueueRows(filters, head, items[0]?.index ?? 0, items.at(-1)?.index ?? 0);
  useImperativeHandle(handle, () => ({
    rowAt,
    scrollTo: (index) => virtualizer.scrollToIndex(index, { align: 'auto' }),
  }));

  const windowRows = items.map((item) => rowAt(item.index)).filter((row) => row !== undefined);
  const columns = useMemo(() => queueColumns({ t, tCases }, { selectable }), [t, tCases, selectable]);
  const meta: QueueTableMeta = { isSelected, toggle };
  // Before the first measure (width 0) every column shows, as before: hiding all would flash an empty table.
  const visibility = useMemo(() => (width > 0 ? columnVisibility(columns, width) : {}), [columns, width]);
  const layoutKey = Object.keys(visibility).join(',');
  const table = useReactTable({
    data: windowRows,
    columns,
    meta,
    state: { columnVisibility: visibility },
    getCoreRowModel: getCoreRowModel(),
    getRowId: (row) => String(row.id),
    // Sorting and paging happen on the server. manualPagination also stops TanStack resetting the
    // page index whenever `data` changes, which here is every render (the window's rows): a render loop.
    manualSorting: true,
    manualPagination: true,
  });
  const byId = new Map(table.getRowModel().rows.map((row) => [row.original.id, row]));
  const leafColumns = table.getVisibleLeafColumns();
  const padTop = items[0]?.start ?? 0;
  const padBottom = virtualizer.getTotalSize() - (items.at(-1)?.end ?? 0);
  const sort = filters.sort ?? 'due';
  const direction = filters.direction ?? 'asc';

  return (
    <div ref={scrollerRef} className={classes.scroller} style={{ height }} data-testid="queue-scroller">
      <table className={`${classes.table} ${stale ? classes.stale : ''}`} aria-rowcount={total + 1}>
        <colgroup>
          {leafColumns.map((column) => (
            <col key={column.id} style={{ width: (column.columnDef.meta as QueueColumnMeta).width }} />
          ))}
        </colgroup>
        <thead>
          <tr aria-rowindex={1}>
            {table.getFlatHeaders().map((header) => {
              const meta = header.column.columnDef.meta as QueueColumnMeta;
              const label = flexRender(header.column.columnDef.header, header.getContext());
              const sorted = meta.sort === sort;
              return (
                <th key={header.id} aria-sort={sorted ? (direction === 'asc' ? 'ascending' : 'descending') : undefined}>
                  {meta.sort ? (
                    <button type="button" className={classes.sortButton} onClick={() => meta.sort && onSort(meta.sort)}>
                      {label}
                      {sorted ? (direction === 'asc' ? ' ↑' : ' ↓') : ''}
                    </button>
                  ) : (
                    label
                  )}
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>
          {padTop > 0 && <Spacer height={padTop} columns={leafColumns.length} />}
          {items.map((item) => {
            const data = rowAt(item.index);
            const row = data && byId.get(data.id);
            return row ? (
              <QueueTableRow
                key={row.id}
                row={row}
                columns={columns}
                layoutKey={layoutKey}
                index={item.index}
                cursor={item.index === cursor}
                selected={isSelected(row.original)}
                onClick={() => onCursor(item.index)}
                onOpen={() => onOpen(row.original)}
              />
            ) : (
              <tr key={`loading-${item.index}`} className={classes.placeholder} aria-rowindex={item.index + 2}>
                <td colSpan={leafColumns.length}>{t('loadingRow')}</td>
              </tr>
            );
          })}
          {padBottom > 0 && <Spacer height={padBottom} columns={leafColumns.length} />}
        </tbody>
      </table>
      {head && total === 0 && (
        <Text c="dimmed" ta="center" py="xl">
          {props.emptyText}
        </Text>
      )}
    </div>
  );
}

/** Stands for the rows above or below the window; aria-rowcount and aria-rowindex tell the real positions. */
function Spacer({ height, columns }: { height: number; columns: number }) {
  return (
    <tr className={classes.spacer} style={{ height }}>
      <td colSpan={columns} />
    </tr>
  );
}

type RowProps = {
  row: Row<QueueRow>;
  /** The column definitions: new ones (another language) must redraw the row. */
  columns: unknown;
  /** The hidden columns: another set (the window was resized) must redraw the row too. */
  layoutKey: string;
  index: number;
  cursor: boolean;
  selected: boolean;
  onClick: () => void;
  onOpen: () => void;
};

/**
 * A row renders again only when its case, cursor, selection or language changed: while scrolling,
 * just the rows coming into view are rendered, not the whole window. TanStack builds new Row objects
 * for every window, so rows compare by the case object the query cache keeps stable. The handlers
 * need no comparing: they only use the row's index and case, which are compared.
 */
const QueueTableRow = memo(
  function QueueTableRow({ row, index, cursor, selected, onClick, onOpen }: RowProps) {
    return (
      <tr
        className={classes.row}
        aria-rowindex={index + 2}
        aria-selected={selected}
        aria-current={cursor ? 'true' : undefined}
        data-cursor={cursor || undefined}
        data-selected={selected || undefined}
        data-urgency={row.original.urgency ?? undefined}
        onClick={onClick}
        onDoubleClick={onOpen}
      >
        {row.getVisibleCells().map((cell) => (
          <td key={cell.id}>{flexRender(cell.column.columnDef.cell, cell.getContext())}</td>
        ))}
      </tr>
    );
  },
  (before, after) =>
    before.row.original === after.row.original &&
    before.columns === after.columns &&
    before.layoutKey === after.layoutKey &&
    before.index === after.index &&
    before.cursor === after.cursor &&
    before.selected === after.selected,
);

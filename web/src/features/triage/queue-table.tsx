import { Text } from '@mantine/core';
import { useElementSize, useMergedRef } from '@mantine/hooks';
import { flexRender, getCoreRowModel, type Row, useReactTable } from '@tanstack/react-table';
import { defaultRangeExtractor, type Range, useVirtualizer } from '@tanstack/react-virtual';
import {
  type FocusEvent,
  type KeyboardEvent,
  memo,
  type RefObject,
  useCallback,
  useImperativeHandle,
  useLayoutEffect,
  useMemo,
  useReducer,
  useRef,
} from 'react';
import { useTranslation } from 'react-i18next';
import { type QueueColumnMeta, type QueueTableMeta, queueColumns, queueRowLabel } from './queue-columns';
import { spacedRows, withCursorRow } from './queue-grid';
import { columnVisibility } from './queue-layout';
import type { QueueFilters } from './queue-params';
import classes from './queue-table.module.css';
import type { QueueRow } from './types';
import { useQueueRows } from './use-queue-pages';

const ROW_HEIGHT = 37;
const HEADER_HEIGHT = 35;

export type QueueTableHandle = {
  rowAt: (index: number) => QueueRow | undefined;
  scrollTo: (index: number) => void;
  /** Puts the focus on the cursor's row, now or as soon as it is rendered. */
  focusCursor: () => void;
  /** How far the rows are scrolled, to come back to the same view. */
  scrollTop: () => number;
};

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
  /** Where the rows start scrolled (the view the queue was left with). */
  initialScrollTop?: number;
};

/**
 * The queue at any length: only the rows in view (plus a few, plus the cursor's) are in the DOM, in a real <table>
 * whose spacer rows stand for the rest, so 10 000 open cases scroll as smoothly as 20. It is an ARIA grid with one
 * tab stop, the cursor's row, whose name says the case: the cursor is where the focus is (ADR 0026).
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
  const rangeExtractor = useCallback(
    (range: Range) => withCursorRow(defaultRangeExtractor(range), cursor, total),
    [cursor, total],
  );
  const virtualizer = useVirtualizer({
    count: total,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
    scrollPaddingStart: HEADER_HEIGHT,
    rangeExtractor,
    initialOffset: props.initialScrollTop ?? 0,
  });
  const items = virtualizer.getVirtualItems();
  const range = virtualizer.range;
  const rowAt = useQueueRows(filters, head, range?.startIndex ?? 0, range?.endIndex ?? 0, cursor);
  const focus = useRovingFocus(scroller, cursor);
  useImperativeHandle(handle, () => ({
    rowAt,
    scrollTo: (index) => virtualizer.scrollToIndex(index, { align: 'auto' }),
    focusCursor: focus.request,
    scrollTop: () => scroller.current?.scrollTop ?? 0,
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
  const padBottom = virtualizer.getTotalSize() - (items.at(-1)?.end ?? 0);
  const sort = filters.sort ?? 'due';
  const direction = filters.direction ?? 'asc';
  // Space selects, as in any grid with checkboxes; Enter and the letter keys are the page's (use-queue-keys.ts).
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== ' ' || !selectable || !focus.rowOf(event.target)) return;
    event.preventDefault();
    const row = rowAt(cursor);
    if (row) toggle(row);
  };

  return (
    <div ref={scrollerRef} className={classes.scroller} style={{ height }} data-testid="queue-scroller">
      <table
        className={`${classes.table} ${stale ? classes.stale : ''}`}
        // biome-ignore lint/a11y/noNoninteractiveElementToInteractiveRole: a <table> is the grid pattern's own element (WAI-ARIA APG «data grid»); its rows take the roving focus (ADR 0026).
        role="grid"
        aria-label={t('grid.label')}
        aria-rowcount={total + 1}
        aria-multiselectable={selectable || undefined}
      >
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
        <tbody onFocus={focus.onFocus} onBlur={focus.onBlur} onKeyDown={onKeyDown}>
          {spacedRows(items).map(({ item, spaceBefore }) => {
            const data = rowAt(item.index);
            const row = data && byId.get(data.id);
            return [
              spaceBefore > 0 && (
                <Spacer key={`space-${item.index}`} height={spaceBefore} columns={leafColumns.length} />
              ),
              <QueueTableRow
                // By position, not by case: a row whose page arrives is the same element, so it keeps the focus.
                key={item.index}
                row={row}
                label={row ? queueRowLabel(row.original, { t, tCases }) : t('loadingRow')}
                columns={columns}
                layoutKey={layoutKey}
                span={leafColumns.length}
                index={item.index}
                cursor={item.index === cursor}
                selected={selectable ? !!row && isSelected(row.original) : undefined}
                onClick={() => onCursor(item.index)}
                onOpen={() => row && onOpen(row.original)}
              />,
            ];
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

/**
 * Keeps the focus on the cursor's row while the focus belongs to the grid: the cursor moved by a key, the row
 * re-rendered, or the queue came back from a case. The focus belongs to the grid from the moment a row takes it
 * until it goes to something else on the page (not when the window merely loses focus, or a row leaves the DOM).
 */
function useRovingFocus(scroller: RefObject<HTMLDivElement | null>, cursor: number) {
  const wanted = useRef(false);
  // A request renders the grid once more, so the effect below runs even when the cursor did not move.
  const [, rerender] = useReducer((n: number) => n + 1, 0);
  const rowOf = (target: EventTarget | null): HTMLTableRowElement | null =>
    target instanceof HTMLTableRowElement && scroller.current?.contains(target) ? target : null;
  useLayoutEffect(() => {
    if (!wanted.current) return;
    const row = scroller.current?.querySelector<HTMLElement>(`tr[data-index="${cursor}"]`);
    if (row && document.activeElement !== row) row.focus({ preventScroll: true });
  });
  return {
    rowOf,
    request: () => {
      wanted.current = true;
      rerender();
    },
    onFocus: (event: FocusEvent) => {
      if (rowOf(event.target)) wanted.current = true;
    },
    onBlur: (event: FocusEvent) => {
      if (rowOf(event.relatedTarget)) return;
      // No new target and the row gone from the DOM: it scrolled away or re-rendered, the focus is still ours.
      if (event.relatedTarget === null && !(event.target as Element).isConnected) return;
      wanted.current = false;
    },
  };
}

/** Stands for the rows above or below the window; aria-rowcount and aria-rowindex tell the real positions. */
function Spacer({ height, columns }: { height: number; columns: number }) {
  return (
    <tr className={classes.spacer} style={{ height }} aria-hidden>
      <td colSpan={columns} />
    </tr>
  );
}

type RowProps = {
  /** Absent while the row's page loads: the same element then shows a placeholder, and keeps the focus. */
  row: Row<QueueRow> | undefined;
  /** The accessible name: what a screen reader says when the row takes the focus. */
  label: string;
  /** The column definitions: new ones (another language) must redraw the row. */
  columns: unknown;
  /** The hidden columns: another set (the window was resized) must redraw the row too. */
  layoutKey: string;
  span: number;
  index: number;
  cursor: boolean;
  /** undefined where nothing can be selected (the auditor): the row then says nothing about selection. */
  selected: boolean | undefined;
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
  function QueueTableRow({ row, label, span, index, cursor, selected, onClick, onOpen }: RowProps) {
    return (
      <tr
        className={row ? classes.row : classes.placeholder}
        data-index={index}
        aria-rowindex={index + 2}
        aria-label={label}
        aria-selected={selected}
        aria-current={cursor ? 'true' : undefined}
        // One tab stop for the whole grid: the cursor's row (roving tabindex).
        tabIndex={cursor ? 0 : -1}
        data-cursor={cursor || undefined}
        data-selected={selected || undefined}
        data-urgency={row?.original.urgency ?? undefined}
        onClick={onClick}
        onDoubleClick={onOpen}
      >
        {row ? (
          row
            .getVisibleCells()
            .map((cell) => <td key={cell.id}>{flexRender(cell.column.columnDef.cell, cell.getContext())}</td>)
        ) : (
          <td colSpan={span}>{label}</td>
        )}
      </tr>
    );
  },
  (before, after) =>
    before.row?.original === after.row?.original &&
    before.label === after.label &&
    before.columns === after.columns &&
    before.layoutKey === after.layoutKey &&
    before.span === after.span &&
    before.index === after.index &&
    before.cursor === after.cursor &&
    before.selected === after.selected,
);

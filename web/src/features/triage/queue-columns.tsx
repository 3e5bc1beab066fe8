import { type CaseStatus, isOpenStatus, type TriageSort } from '@pd-desk/shared/cases/case-model';
import type { ColumnDef, Table } from '@tanstack/react-table';
import type { TFunction } from 'i18next';
import { Link } from 'react-router';
import { FROM_QUEUE, paths } from '../../config/paths';
import { formatDate } from '../../lib/format';
import { BlockedBadge, BlockStepNote } from '../blocks/blocked-badge';
import { DaysLeft, daysLeftText, ProvisionalMark } from '../cases/due-status';
import { STATUS_COLORS } from '../cases/status-badge';
import classes from './queue-table.module.css';
import type { QueueRow } from './types';

export type QueueColumnMeta = {
  sort?: TriageSort;
  width: number | string;
  /** Columns that give way when the table is narrow, first 1 (see queue-layout.ts); without it, always shown. */
  hideOrder?: number;
};

/** Passed as the table's meta, so the columns stay the same objects while the selection changes. */
export type QueueTableMeta = { isSelected: (row: QueueRow) => boolean; toggle: (row: QueueRow) => void };

export type QueueLabels = { t: TFunction<'triage'>; tCases: TFunction<'cases'> };

/**
 * The cells are plain elements styled with Mantine's variables: a Mantine component per cell costs
 * frames when rows stream into view at 10 000 cases.
 */
function statusStyle(status: CaseStatus) {
  const color = STATUS_COLORS[status];
  // The text darker than Mantine's light variant (green on its tint is 3.8:1): 4.5:1 at 12 px (WCAG 1.4.3).
  return {
    background: `var(--mantine-color-${color}-light)`,
    color: `color-mix(in srgb, var(--mantine-color-${color}-9) 70%, black)`,
  };
}

/** Masked names only: the list is seen over the officer's shoulder; the case page shows them in clear. */
function whoText(row: QueueRow): string {
  return [row.requester, ...row.subjects.filter((s) => s !== row.requester)].join(' · ');
}

/**
 * What a screen reader says when the row takes the focus: the case as a person would read it off the row — number,
 * type, the masked names, the due date and the clock — not the cells one by one.
 */
export function queueRowLabel(row: QueueRow, { t, tCases }: QueueLabels): string {
  return t('grid.row', {
    number: row.incomingNumber,
    type: tCases(`types.${row.type}`),
    who: whoText(row),
    due: formatDate(row.dueOn),
    left: daysLeftText(tCases, row.workingDaysLeft, isOpenStatus(row.status)),
  });
}

/**
 * What the narrow table leaves out (type, received date, assignee, status), said in the number's tooltip instead, so a
 * hidden column is a hover away rather than gone.
 */
function hiddenDetails(row: QueueRow, table: Table<QueueRow>, { t, tCases }: QueueLabels): string | undefined {
  const hidden = (id: string) => table.getColumn(id)?.getIsVisible() === false;
  const details = [
    hidden('type') && tCases(`types.${row.type}`),
    hidden('received') && `${t('columns.received')}: ${formatDate(row.receivedOn)}`,
    hidden('assignee') && `${t('columns.assignee')}: ${row.assignee?.displayName ?? '—'}`,
    hidden('status') && tCases(`statuses.${row.status}`),
  ].filter((detail) => typeof detail === 'string');
  return details.length > 0 ? details.join(' · ') : undefined;
}

/**
 * Built once per language: TanStack renders a cell function as a component, so a new function on
 * every render would remount every cell of the window on every keystroke.
 */
export function queueColumns(
  { t, tCases }: QueueLabels,
  { selectable }: { selectable: boolean },
): ColumnDef<QueueRow, unknown>[] {
  const column = (def: ColumnDef<QueueRow, unknown> & { meta: QueueColumnMeta }) => def;
  const columns = [
    column({
      id: 'select',
      meta: { width: 36 },
      header: '',
      cell: ({ row, table }) => {
        const { isSelected, toggle } = table.options.meta as QueueTableMeta;
        // A plain checkbox: hundreds of Mantine ones in a scrolling window cost frames; «x» is the keyboard way.
        return (
          <input
            type="checkbox"
            className={classes.check}
            aria-label={t('columns.select', { number: row.original.incomingNumber })}
            checked={isSelected(row.original)}
            onChange={() => toggle(row.original)}
            onClick={(event) => event.stopPropagation()}
            // A click ticks the box but leaves the focus on the row: the queue's keys go on working.
            onMouseDown={(event) => event.preventDefault()}
            tabIndex={-1}
          />
        );
      },
    }),
    column({
      id: 'number',
      meta: { width: 108, sort: 'number' },
      header: t('columns.number'),
      cell: ({ row, table }) => (
        <Link
          className={classes.number}
          to={paths.case.href(row.original.id)}
          state={FROM_QUEUE}
          tabIndex={-1}
          title={hiddenDetails(row.original, table, { t, tCases })}
        >
          {row.original.incomingNumber}
        </Link>
      ),
    }),
    column({
      id: 'type',
      meta: { width: 170, hideOrder: 2 },
      header: t('columns.type'),
      cell: ({ row }) => {
        const type = tCases(`types.${row.original.type}`);
        return <span title={type}>{type}</span>;
      },
    }),
    column({
      id: 'requester',
      meta: { width: 'auto' },
      header: t('columns.requester'),
      cell: ({ row }) => (
        <span title={whoText(row.original)}>
          {row.original.blocked && <BlockedBadge />} <span lang="ru">{whoText(row.original)}</span>
        </span>
      ),
    }),
    column({
      id: 'received',
      meta: { width: 88, sort: 'received', hideOrder: 1 },
      header: t('columns.received'),
      cell: ({ row }) => formatDate(row.original.receivedOn),
    }),
    column({
      id: 'due',
      meta: { width: 100, sort: 'due' },
      header: t('columns.due'),
      cell: ({ row }) => (
        <span className={classes.due}>
          {formatDate(row.original.dueOn)}
          {row.original.dueProvisional && <ProvisionalMark />}
        </span>
      ),
    }),
    column({
      id: 'left',
      meta: { width: 225 },
      header: t('columns.left'),
      cell: ({ row }) => (
        <>
          <DaysLeft workingDaysLeft={row.original.workingDaysLeft} open={isOpenStatus(row.original.status)} />
          {row.original.blockSteps.map((s) => (
            <BlockStepNote key={s.blockId} step={s.step} dueOn={s.dueOn} />
          ))}
        </>
      ),
    }),
    column({
      id: 'status',
      // The last to give way: at 200 % zoom (683 px) the names need the room more than the status chip.
      meta: { width: 150, hideOrder: 4 },
      header: t('columns.status'),
      cell: ({ row }) => {
        const status = tCases(`statuses.${row.original.status}`);
        return (
          <span className={classes.status} style={statusStyle(row.original.status)} title={status}>
            {status}
          </span>
        );
      },
    }),
    column({
      id: 'assignee',
      meta: { width: 140, hideOrder: 3 },
      header: t('columns.assignee'),
      cell: ({ row }) => {
        const name = row.original.assignee?.displayName;
        return name ? (
          <span title={name} lang="ru">
            {name}
          </span>
        ) : (
          <span className={classes.dimmed}>—</span>
        );
      },
    }),
  ];
  // The auditor reads the queue but cannot assign: a checkbox would select for nothing.
  return selectable ? columns : columns.filter((def) => def.id !== 'select');
}

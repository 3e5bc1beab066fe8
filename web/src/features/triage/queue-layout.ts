import type { ColumnDef, VisibilityState } from '@tanstack/react-table';
import type { QueueColumnMeta } from './queue-columns';
import type { QueueRow } from './types';

/** Below this the names column cannot show a masked requester and a subject without cutting both. */
export const REQUESTER_MIN_WIDTH = 150;

/**
 * Which columns the table's width can hold. A column with a `hideOrder` gives way (first 1, then 2…) until the fixed
 * columns plus the names column fit: at 1024 px the queue keeps number, names, due date, days left and status, and
 * what it drops is in the number's tooltip (see `hiddenDetails`). Measured width, not the viewport: the navbar and
 * padding are the page's business.
 */
export function columnVisibility(columns: ColumnDef<QueueRow, unknown>[], width: number): VisibilityState {
  const metas = columns.map((column) => ({ id: column.id ?? '', meta: column.meta as QueueColumnMeta }));
  const fixedWidth = (meta: QueueColumnMeta) => (typeof meta.width === 'number' ? meta.width : REQUESTER_MIN_WIDTH);
  let needed = metas.reduce((sum, { meta }) => sum + fixedWidth(meta), 0);
  const visibility: VisibilityState = {};
  const givingWay = metas.filter(({ meta }) => meta.hideOrder !== undefined);
  givingWay.sort((a, b) => (a.meta.hideOrder ?? 0) - (b.meta.hideOrder ?? 0));
  for (const { id, meta } of givingWay) {
    if (needed <= width) break;
    visibility[id] = false;
    needed -= fixedWidth(meta);
  }
  return visibility;
}

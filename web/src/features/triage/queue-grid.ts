/**
 * The queue as an ARIA grid with one roving tab stop (ADR 0026): the pure parts, kept apart from React so the
 * rules are tested on their own.
 */

/** The cursor after a move of `delta` rows, held inside the list (an empty list keeps it at 0). */
export function movedCursor(cursor: number, delta: number, total: number): number {
  return Math.min(Math.max(cursor + delta, 0), Math.max(total - 1, 0));
}

/**
 * The rows the virtual window renders, plus the cursor's row wherever it is: a focused row that scrolled out of the
 * window and left the DOM would drop the focus to <body>, and a screen reader with it.
 */
export function withCursorRow(indexes: number[], cursor: number, total: number): number[] {
  if (cursor < 0 || cursor >= total || indexes.includes(cursor)) return indexes;
  return [...indexes, cursor].sort((a, b) => a - b);
}

type Placed = { index: number; start: number; end: number };

/**
 * The rendered rows in order, each with the empty height before it: the window and the cursor's row may be apart,
 * and a spacer stands for the rows between them, so every row sits where the scrollbar says.
 */
export function spacedRows<T extends Placed>(items: T[]): { item: T; spaceBefore: number }[] {
  let end = 0;
  return items.map((item) => {
    const spaceBefore = item.start - end;
    end = item.end;
    return { item, spaceBefore };
  });
}

/** Where the queue was left: the filters it showed, the row under the cursor and how far it was scrolled. */
export type QueuePlace = { filterKey: string; index: number; caseId: number | null; scrollTop: number };

let lastPlace: QueuePlace | null = null;

/** Remembers the place for the next visit of the queue (a module variable: it lives as long as the page). */
export function rememberPlace(place: QueuePlace): void {
  lastPlace = place;
}

/** The remembered place for these filters (another filter set is another list: it starts at its top). */
export function recallPlace(filterKey: string): QueuePlace | null {
  return lastPlace?.filterKey === filterKey ? lastPlace : null;
}

/**
 * The row of a remembered case, which may have moved while the case was open (a new case came in above it): the
 * case's own row among those loaded, or the remembered index when it is not (or no longer) there.
 */
export function restoredIndex(place: Pick<QueuePlace, 'index' | 'caseId'>, loaded: { id: number }[]): number {
  if (place.caseId === null || loaded[place.index]?.id === place.caseId) return place.index;
  const found = loaded.findIndex((row) => row.id === place.caseId);
  return found >= 0 ? found : place.index;
}

import { keepPreviousData, useQueries, useQuery } from '@tanstack/react-query';
import { useTRPC } from '../../lib/trpc';
import type { QueueFilters } from './queue-params';
import type { QueueRow } from './types';

export const PAGE_SIZE = 100;

/**
 * The queue as pages of PAGE_SIZE rows fetched by offset as the window scrolls over them: the
 * scrollbar covers the whole queue from the first answer, and dragging it to row 9 000 loads only
 * the page under the window, not the 90 before it.
 */
export function useQueueHead(filters: QueueFilters) {
  const trpc = useTRPC();
  // The previous answer stays on screen while a new filter loads, instead of an empty table flashing.
  return useQuery({
    ...trpc.triage.list.queryOptions({ ...filters, limit: PAGE_SIZE, offset: 0 }),
    placeholderData: keepPreviousData,
  });
}

/**
 * Row lookup over the window's pages and the cursor's (its row stays rendered when scrolled away); page 0 is the
 * head's, so a new filter shows the old rows until it loads.
 */
export function useQueueRows(
  filters: QueueFilters,
  head: { items: QueueRow[]; total: number } | undefined,
  firstIndex: number,
  lastIndex: number,
  cursorIndex: number,
) {
  const trpc = useTRPC();
  // One page ahead and one behind are fetched too, so scrolling on reaches rows that are already there.
  const firstPage = Math.max(1, Math.floor(firstIndex / PAGE_SIZE) - 1);
  const lastPage = Math.min(Math.floor(lastIndex / PAGE_SIZE) + 1, Math.floor(((head?.total ?? 0) - 1) / PAGE_SIZE));
  const pages = Array.from({ length: Math.max(0, lastPage - firstPage + 1) }, (_, i) => firstPage + i);
  const cursorPage = Math.floor(cursorIndex / PAGE_SIZE);
  if (cursorPage > 0 && cursorIndex < (head?.total ?? 0) && !pages.includes(cursorPage)) pages.push(cursorPage);
  const results = useQueries({
    queries: pages.map((page) =>
      trpc.triage.list.queryOptions({ ...filters, limit: PAGE_SIZE, offset: page * PAGE_SIZE }),
    ),
  });
  return (index: number): QueueRow | undefined => {
    const page = Math.floor(index / PAGE_SIZE);
    if (page === 0) return head?.items[index];
    return results[pages.indexOf(page)]?.data?.items[index % PAGE_SIZE];
  };
}

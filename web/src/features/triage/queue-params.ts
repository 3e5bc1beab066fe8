import { type QueueFilters, queueQueryPairs } from '@pd-desk/shared/triage/queue-params';

// The URL form of the queue's filters lives in shared: the server reads the same query string for the export.
export * from '@pd-desk/shared/triage/queue-params';

export function paramsFromFilters(filters: QueueFilters): URLSearchParams {
  return new URLSearchParams(queueQueryPairs(filters));
}

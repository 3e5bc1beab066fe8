import {
  CASE_CHANNELS,
  CASE_STATUSES,
  CASE_TYPES,
  type CaseChannel,
  type CaseStatus,
  type CaseType,
  TRIAGE_SORTS,
  type TriageSort,
} from '../cases/case-model';
import type { SaveViewInput } from './triage.schemas';

/** What the queue shows, as a saved view stores it and as the URL (and the queue export's query) carries it. */
export type QueueFilters = SaveViewInput['filters'];
export type Urgency = NonNullable<QueueFilters['urgency']>;
export const URGENCIES = ['overdue', 'today', 'soon'] as const satisfies readonly Urgency[];

function list<T extends string>(raw: string | null, allowed: readonly T[]): T[] | undefined {
  const values = (raw ?? '').split(',').filter((v): v is T => (allowed as readonly string[]).includes(v));
  return values.length > 0 ? values : undefined;
}

function oneOf<T extends string>(raw: string | null, allowed: readonly T[]): T | undefined {
  return (allowed as readonly string[]).includes(raw ?? '') ? (raw as T) : undefined;
}

function assigneeOf(raw: string | null): QueueFilters['assignee'] {
  if (raw === 'me' || raw === 'none') return raw;
  return raw && /^\d+$/.test(raw) ? Number(raw) : undefined;
}

/** What both URLSearchParams (web) and the server's query string give: shared code runs without the DOM. */
export type QueryReader = { get(key: string): string | null };

/** Unknown or hand-edited values are dropped rather than sent to the server to be refused. */
export function filtersFromParams(params: QueryReader): QueueFilters {
  const search = params.get('q')?.trim();
  return {
    types: list<CaseType>(params.get('type'), CASE_TYPES),
    channels: list<CaseChannel>(params.get('channel'), CASE_CHANNELS),
    statuses: list<CaseStatus>(params.get('status'), CASE_STATUSES),
    assignee: assigneeOf(params.get('assignee')),
    urgency: oneOf<Urgency>(params.get('urgency'), URGENCIES),
    search: search || undefined,
    sort: oneOf<TriageSort>(params.get('sort'), TRIAGE_SORTS),
    direction: oneOf(params.get('dir'), ['asc', 'desc'] as const),
  };
}

/** The URL's query as key–value pairs (defaults left out): `new URLSearchParams(queueQueryPairs(f))`. */
export function queueQueryPairs(filters: QueueFilters): [string, string][] {
  const params: [string, string][] = [];
  const put = (key: string, value: string | number | readonly string[] | undefined) => {
    const text = Array.isArray(value) ? value.join(',') : value === undefined ? '' : String(value);
    if (text) params.push([key, text]);
  };
  put('q', filters.search);
  put('type', filters.types);
  put('channel', filters.channels);
  put('status', filters.statuses);
  put('assignee', filters.assignee);
  put('urgency', filters.urgency);
  put('sort', filters.sort === 'due' ? undefined : filters.sort);
  put('dir', filters.direction === 'asc' ? undefined : filters.direction);
  return params;
}

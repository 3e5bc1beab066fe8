import type { AppRouter } from '@pd-desk/server/trpc';
import type { inferRouterOutputs } from '@trpc/server';

type Outputs = inferRouterOutputs<AppRouter>;

export type QueueRow = Outputs['triage']['list']['items'][number];
export type JournalRow = Outputs['cases']['list']['items'][number];

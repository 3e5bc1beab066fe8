import type { AppRouter } from '@pd-desk/server/trpc';
import type { inferRouterOutputs } from '@trpc/server';

type Outputs = inferRouterOutputs<AppRouter>;

export type CaseDetail = Outputs['cases']['byId'];
export type CaseLetter = CaseDetail['letters'][number];
export type CaseEventItem = CaseDetail['events'][number];

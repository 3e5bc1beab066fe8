import type { AppRouter } from '@pd-desk/server/trpc';
import type { inferRouterOutputs } from '@trpc/server';

type Outputs = inferRouterOutputs<AppRouter>;

export type BreachDetail = Outputs['breaches']['byId'];
export type BreachJob = BreachDetail['jobs'][number];
export type BreachNotice = Outputs['breaches']['notice'];

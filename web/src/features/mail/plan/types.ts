import type { AppRouter } from '@pd-desk/server/trpc';
import type { inferRouterOutputs } from '@trpc/server';

type Outputs = inferRouterOutputs<AppRouter>;

export type PlanPage = Outputs['mail']['plan']['byCase'];
export type Plan = NonNullable<PlanPage['plan']>;
export type PlanLine = Plan['lines'][number];

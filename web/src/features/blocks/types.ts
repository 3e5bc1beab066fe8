import type { AppRouter } from '@pd-desk/server/trpc';
import type { inferRouterOutputs } from '@trpc/server';

type Outputs = inferRouterOutputs<AppRouter>;

export type BlockListItem = Outputs['blocks']['list']['items'][number];
export type BlockPage = Outputs['blocks']['byId'];
export type BlockSubject = Outputs['subjects']['byId'];
export type BlockScopeItem = BlockListItem['scope'][number];

import type { AppRouter } from '@pd-desk/server/trpc';
import type { inferRouterOutputs } from '@trpc/server';

export type CalendarYearRow = inferRouterOutputs<AppRouter>['calendar']['years'][number];

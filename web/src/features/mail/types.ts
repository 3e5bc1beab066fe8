import type { AppRouter } from '@pd-desk/server/trpc';
import type { inferRouterOutputs } from '@trpc/server';

type Outputs = inferRouterOutputs<AppRouter>;
export type InboxRow = Outputs['mail']['intake']['list']['items'][number];
export type MailItem = Outputs['mail']['intake']['byId'];
export type MatchSuggestion = Outputs['mail']['match']['suggestions'][number];
export type EmailImportResult = Outputs['mail']['email']['import'][number];

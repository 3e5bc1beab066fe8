import type { AppRouter } from '@pd-desk/server/trpc';
import type { inferRouterOutputs } from '@trpc/server';

type Outputs = inferRouterOutputs<AppRouter>;

export type SubjectPage = Outputs['subjects']['byId'];
export type SubjectReveal = Outputs['subjects']['reveal'];
export type PdRecord = SubjectPage['records'][number];
export type Consent = SubjectPage['consents'][number];
export type Representative = SubjectPage['representatives'][number];
export type HistoryItem = Outputs['subjects']['history']['items'][number];

/** The value to show: the revealed one when the officer pressed «Показать», else the masked one. */
export function shown(masked: string, revealed: ReadonlyArray<{ id: number; value: string }> | undefined, id: number) {
  return revealed?.find((r) => r.id === id)?.value ?? masked;
}

import { type QueryFilters, useQueryClient } from '@tanstack/react-query';
import { useTRPC } from './trpc';

/*
 * One refresh per domain, called after every change in it. Each lists every router whose screens show
 * the domain's data, so a change made in one place (the queue, a modal, the case page) never leaves
 * another list stale. Only queries on screen refetch; the rest are marked stale and reload when opened.
 */

type Trpc = ReturnType<typeof useTRPC>;

function useInvalidate(pick: (trpc: Trpc) => QueryFilters[]) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return () => Promise.all(pick(trpc).map((filter) => queryClient.invalidateQueries(filter)));
}

/** A case changed: its page, the queue and journal, the dashboard and the subject pages that list it. */
export const useInvalidateCases = () =>
  useInvalidate((trpc) => [
    trpc.cases.pathFilter(),
    trpc.triage.pathFilter(),
    trpc.dashboard.pathFilter(),
    trpc.subjects.pathFilter(),
  ]);

/** A subject changed: its page, the search results (subjects.search) and the case pages that show its name. */
export const useInvalidateSubjects = () =>
  useInvalidate((trpc) => [trpc.subjects.pathFilter(), trpc.cases.pathFilter()]);

/** A system or purpose changed: the catalogue (subjects.catalogue) and the subject records that name it. */
export const useInvalidateCatalogue = () => useInvalidate((trpc) => [trpc.subjects.pathFilter()]);

/** A user changed: the user list, which also feeds every officer picker. */
export const useInvalidateUsers = () => useInvalidate((trpc) => [trpc.users.pathFilter()]);

/** A key, webhook subscription or delivery changed: the admin screen of integrations. */
export const useInvalidateIntegrations = () => useInvalidate((trpc) => [trpc.integrations.pathFilter()]);

/** An incident changed: its page, the register, and the clocks the queue and dashboard show. */
export const useInvalidateBreaches = () => useInvalidate((trpc) => [trpc.breaches.pathFilter()]);

/** A block changed: the blocks screen, the subject (badges, records), its case (timeline, letters) and the queue. */
export const useInvalidateBlocks = () =>
  useInvalidate((trpc) => [
    trpc.blocks.pathFilter(),
    trpc.subjects.pathFilter(),
    trpc.cases.pathFilter(),
    trpc.triage.pathFilter(),
  ]);

/**
 * A letter or e-mail came in or was matched, or a withdrawal's plan or documents changed: the mail desk (plan,
 * registers), and the cases, queue and subjects it registers into.
 */
export const useInvalidateMail = () =>
  useInvalidate((trpc) => [
    trpc.mail.pathFilter(),
    trpc.cases.pathFilter(),
    trpc.triage.pathFilter(),
    trpc.dashboard.pathFilter(),
    trpc.subjects.pathFilter(),
  ]);

/** The letterhead or numbering changed. */
export const useInvalidateSettings = () => useInvalidate((trpc) => [trpc.settings.pathFilter()]);

/** The production calendar changed: every legal clock on every screen moves with it. */
export function useInvalidateEverything() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries();
}

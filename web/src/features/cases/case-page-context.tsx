import { useQueryClient } from '@tanstack/react-query';
import { createContext, useContext } from 'react';
import { useTRPC } from '../../lib/trpc';
import type { CaseDetail } from './types';

type CasePage = {
  detail: CaseDetail;
  /** Shows a failed change in the page banner (the conflict message lives there). */
  report: (error: unknown) => void;
};

export const CasePageContext = createContext<CasePage | null>(null);

export function useCasePage(): CasePage {
  const page = useContext(CasePageContext);
  if (!page) throw new Error('useCasePage outside the case page');
  return page;
}

/** After a change: the case, the queue and the dashboard all show it. */
export function useRefreshCases() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries(trpc.cases.pathFilter()),
      queryClient.invalidateQueries(trpc.triage.pathFilter()),
      queryClient.invalidateQueries(trpc.dashboard.pathFilter()),
    ]);
}

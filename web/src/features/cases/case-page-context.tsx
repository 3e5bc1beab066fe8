import { createContext, useContext } from 'react';
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

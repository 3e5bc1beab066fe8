import type { TooltipProps } from '@mantine/core';
import { afterFirstPaint } from '../../lib/after-first-paint';

/** Mantine's Tooltip, fetched after the first paint; until then the element it explains shows without it. */
export const Hint = afterFirstPaint<TooltipProps>(
  () => import('./tooltip-loaded').then((m) => m.Tooltip),
  ({ children }) => children,
);

import { VisuallyHidden } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useMatches } from 'react-router';
import { pageOf } from './page-title';

/** How long a new page may take to show its heading (the data behind it arrives over a slow network). */
const HEADING_WAIT_MS = 10_000;

/**
 * Focus on the new page's h1, once it is drawn. Not when the page already put focus inside its main region (a
 * search box it focuses on purpose): only focus left on <body> or outside the page (the nav link, the sign-in
 * button that is gone) is moved. Returns the cleanup that stops waiting.
 */
function focusHeadingWhenShown(): () => void {
  const tryFocus = () => {
    const heading = document.querySelector<HTMLElement>('main h1');
    if (!heading) return false;
    const active = document.activeElement;
    const main = heading.closest('main');
    if (active && active !== document.body && active !== main && main?.contains(active)) return true;
    if (!heading.hasAttribute('tabindex')) heading.setAttribute('tabindex', '-1');
    heading.focus();
    return true;
  };
  if (tryFocus()) return () => {};
  const observer = new MutationObserver(() => {
    if (tryFocus()) stop();
  });
  const timer = window.setTimeout(() => stop(), HEADING_WAIT_MS);
  const stop = () => {
    observer.disconnect();
    window.clearTimeout(timer);
  };
  observer.observe(document.body, { childList: true, subtree: true });
  return stop;
}

/**
 * Every page change, for those who cannot see it: the window title names the page («Очередь — PD Desk»), a polite
 * live region says the new page's name, and focus moves to its h1 (routes may opt out, see PageHandle). The first
 * page of a visit is titled only: focus stays at the top, where the skip link is the first Tab stop.
 */
export function RouteAnnouncer() {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const page = pageOf(useMatches());
  const title = page ? page.handle.title(t, page.params) : '';
  const focusHeading = page?.handle.focusHeading !== false;
  const [announcement, setAnnouncement] = useState('');
  const previousPath = useRef<string | null>(null);

  useEffect(() => {
    document.title = title ? t('titles.withApp', { page: title }) : t('appName');
  }, [title, t]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: a new page is a new path; the title follows from it.
  useEffect(() => {
    const first = previousPath.current === null;
    previousPath.current = pathname;
    if (first) return;
    setAnnouncement(title);
    return focusHeading ? focusHeadingWhenShown() : undefined;
  }, [pathname]);

  return (
    <VisuallyHidden role="status" aria-live="polite" aria-atomic="true">
      {announcement}
    </VisuallyHidden>
  );
}

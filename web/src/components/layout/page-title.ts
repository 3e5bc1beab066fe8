import type { TFunction } from 'i18next';
import type { Params, UIMatch } from 'react-router';

/**
 * What a route tells the shell about itself (its `handle` in app/router.tsx): its name for the window title and the
 * announcement of a new page, and whether the shell moves focus to its heading when it opens.
 */
export type PageHandle = {
  title: (t: TFunction, params: Params) => string;
  /**
   * false: the screen places focus itself on arrival (the queue puts it back on the case the user left it at), so
   * the shell leaves focus where the screen puts it. Title and announcement still happen.
   */
  focusHeading?: boolean;
};

/** A route named by a shell key (`nav.queue`, `titles.audit`), with the route's id in `titles.subject` and the like. */
export function titled(key: string, options: Pick<PageHandle, 'focusHeading'> = {}): { handle: PageHandle } {
  return { handle: { title: (t, params) => t(key, { id: Object.values(params)[0] }), ...options } };
}

/** The innermost route that names its page. */
export function pageOf(matches: UIMatch[]): { handle: PageHandle; params: Params } | undefined {
  for (const match of [...matches].reverse()) {
    const handle = match.handle as PageHandle | undefined;
    if (handle?.title) return { handle, params: match.params };
  }
  return undefined;
}

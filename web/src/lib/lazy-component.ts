import { type ComponentType, lazy } from 'react';

/**
 * A component fetched on first render instead of with the screen that shows it (dialogs, menus' contents), so
 * forms, zod and date pickers stay off the first screen. `preload` fetches it ahead, when the browser is idle.
 */
// biome-ignore lint/suspicious/noExplicitAny: a component's props are whatever the loaded component declares.
export function lazyComponent<T extends ComponentType<any>>(load: () => Promise<T>) {
  const Lazy = lazy(async () => ({ default: await load() }));
  return Object.assign(Lazy, { preload: load });
}

/** Fetches the given lazy parts once the page is idle, so the first click on them does not wait for the network. */
export function preloadWhenIdle(...parts: { preload: () => Promise<unknown> }[]): () => void {
  const run = () => {
    for (const part of parts) void part.preload();
  };
  if (typeof requestIdleCallback === 'function') {
    const id = requestIdleCallback(run, { timeout: 3000 });
    return () => cancelIdleCallback(id);
  }
  const id = setTimeout(run, 1000);
  return () => clearTimeout(id);
}

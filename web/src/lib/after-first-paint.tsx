import { type ComponentType, createElement, Suspense } from 'react';
import { lazyComponent } from './lazy-component';

/**
 * A control whose overlay (a menu, a dropdown, a tooltip) is not needed to draw the screen: its code is fetched when
 * it first renders, alongside the screen's data, and until it arrives `Placeholder` draws it as it will look, inert
 * (a disabled button, a read-only field). The first screen paints without Mantine's floating layer (ADR 0030).
 */
export function afterFirstPaint<P extends object>(
  load: () => Promise<ComponentType<P>>,
  Placeholder: ComponentType<P>,
): ComponentType<P> {
  const Loaded = lazyComponent(load);
  return function AfterFirstPaint(props: P) {
    return <Suspense fallback={<Placeholder {...props} />}>{createElement(Loaded, props)}</Suspense>;
  };
}

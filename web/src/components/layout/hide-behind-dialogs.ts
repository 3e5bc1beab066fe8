import { useEffect } from 'react';

const OPEN_DIALOG = '[role="dialog"][aria-modal="true"]';

/**
 * While a dialog is open, the page behind it (the app's root element; Mantine portals dialogs outside it) is
 * `inert`: hidden from screen readers and out of reach of Tab and the mouse. Mantine marks its dialogs aria-modal,
 * which not every screen reader honours. Inert also blocks Mantine's focus return, which fires while the closing
 * dialog is still fading out: so when the last dialog is gone, focus goes back to where it was when the first one
 * opened, unless something else took it meanwhile.
 */
export function useHideBehindDialogs(root: HTMLElement | null): void {
  useEffect(() => {
    if (!root) return;
    let focusBefore: Element | null = null;
    const update = () => {
      const open = document.querySelector(OPEN_DIALOG) !== null;
      if (open === root.inert) return;
      if (open) {
        focusBefore = document.activeElement;
        root.inert = true;
        return;
      }
      root.inert = false;
      const active = document.activeElement;
      if (
        (active === null || active === document.body) &&
        focusBefore instanceof HTMLElement &&
        focusBefore.isConnected
      ) {
        focusBefore.focus({ preventScroll: true });
      }
      focusBefore = null;
    };
    const observer = new MutationObserver(update);
    observer.observe(document.body, { childList: true, subtree: true });
    return () => {
      observer.disconnect();
      root.inert = false;
    };
  }, [root]);
}

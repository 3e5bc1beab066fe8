import { type HotkeyItem, useHotkeys } from '@mantine/hooks';

type Handlers = {
  move: (delta: number) => void;
  open: () => void;
  /** Absent for roles that cannot act on cases (the auditor): the key is then not taken at all. */
  assign?: () => void;
  toggle?: () => void;
  focusSearch: () => void;
};

/** Keys typed into a dialog, a menu or a list box belong to it, not to the queue behind. */
function belongsElsewhere(event: KeyboardEvent): boolean {
  const target = event.target instanceof Element ? event.target : null;
  return !!target?.closest('[role="dialog"], [role="menu"], [role="listbox"]');
}

/**
 * Mail-client keys for the queue. Physical keys, so j/k/a/x work with the Russian layout on
 * (where the J key types «о»); Enter on a focused button or link keeps doing what the button does.
 */
export function useQueueKeys(handlers: Handlers, enabled: boolean) {
  // The default action is only taken from the keys the queue actually handles.
  const when = (run: () => void) => (event: KeyboardEvent) => {
    if (!enabled || belongsElsewhere(event)) return;
    event.preventDefault();
    run();
  };
  const physical = { usePhysicalKeys: true, preventDefault: false };
  const logical = { preventDefault: false };
  useHotkeys([
    ['j', when(() => handlers.move(1)), physical],
    ['k', when(() => handlers.move(-1)), physical],
    ['ArrowDown', when(() => handlers.move(1)), logical],
    ['ArrowUp', when(() => handlers.move(-1)), logical],
    ...(handlers.assign ? [['a', when(handlers.assign), physical] satisfies HotkeyItem] : []),
    ...(handlers.toggle ? [['x', when(handlers.toggle), physical] satisfies HotkeyItem] : []),
    ['/', when(handlers.focusSearch), physical],
    [
      'Enter',
      (event) => {
        const target = event.target instanceof Element ? event.target : null;
        if (!target?.closest('button, a, [role="button"]')) when(handlers.open)(event);
      },
      logical,
    ],
  ]);
}

import type { Role } from '@pd-desk/shared/auth/roles';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { mswServer, trpcHandlers } from '../../testing/msw-server';
import { renderRoute } from '../../testing/render';
import { SignedIn, userAs } from '../../testing/signed-in';
import QueueRoute from './queue.route';

const ROW = {
  id: 7,
  version: 1,
  incomingNumber: 'ВХ-2026-0007',
  type: 'access',
  channel: 'post',
  status: 'new',
  receivedOn: '2026-11-30',
  dueOn: '2026-12-14',
  dueProvisional: false,
  dueOnDayOff: false,
  extended: false,
  requesterKind: 'subject',
  requester: 'И•••••а М. П.',
  subjects: [],
  assignee: null,
  blocked: false,
  blockSteps: [],
  workingDaysLeft: 9,
  urgency: null,
};

function showQueueTo(role: Role, items = [ROW]) {
  mswServer.use(
    ...trpcHandlers({
      'auth.me': () => ({ data: userAs(role) }),
      'triage.list': () => ({ data: { today: '2026-12-01', total: items.length, items } }),
      'triage.views': () => ({ data: [] }),
      'breaches.clocks': () => ({ data: { clocks: [] } }),
      'dashboard.summary': () => ({ data: { counts: {} } }),
      'users.list': () => ({ data: [] }),
    }),
  );
  renderRoute(
    <SignedIn>
      <QueueRoute />
    </SignedIn>,
  );
}

describe('triage queue by role', () => {
  // jsdom lays nothing out: the virtual table needs a scroller with a height to put rows in it.
  beforeEach(() => {
    vi.spyOn(Element.prototype, 'clientHeight', 'get').mockReturnValue(600);
    vi.spyOn(Element.prototype, 'clientWidth', 'get').mockReturnValue(1200);
  });
  afterEach(() => vi.restoreAllMocks());

  it('gives the auditor no checkboxes, no register button and no assign or select keys', async () => {
    showQueueTo('auditor');
    expect(await screen.findByText('ВХ-2026-0007', {}, { timeout: 10_000 })).toBeInTheDocument();
    expect(screen.queryAllByRole('checkbox')).toHaveLength(0);
    expect(screen.queryByRole('button', { name: 'Зарегистрировать обращение' })).not.toBeInTheDocument();
    const hints = screen.getByLabelText('Клавиши');
    expect(hints).not.toHaveTextContent(/выбрать|назначить/i);
  });

  it('gives the officer a checkbox per row and the register button', async () => {
    showQueueTo('officer');
    expect(await screen.findByText('ВХ-2026-0007', {}, { timeout: 10_000 })).toBeInTheDocument();
    expect(screen.getByRole('checkbox', { name: /ВХ-2026-0007/ })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Зарегистрировать обращение' })).toBeInTheDocument();
  });
});

describe('the queue as a grid with a roving focus', () => {
  beforeEach(() => {
    vi.spyOn(Element.prototype, 'clientHeight', 'get').mockReturnValue(600);
    vi.spyOn(Element.prototype, 'clientWidth', 'get').mockReturnValue(1200);
  });
  afterEach(() => vi.restoreAllMocks());

  const rows = [7, 8, 9].map((n) => ({
    ...ROW,
    id: n,
    incomingNumber: `ВХ-2026-000${n}`,
    workingDaysLeft: n - 8,
    dueOn: `2026-12-0${n}`,
  }));

  it('is one tab stop, the cursor row, named after its case', async () => {
    showQueueTo('officer', rows);
    const grid = await screen.findByRole('grid', { name: 'Обращения в очереди' }, { timeout: 10_000 });
    const first = await screen.findByRole('row', { name: /^ВХ-2026-0007/ }, { timeout: 10_000 });
    expect(first).toHaveAccessibleName(
      'ВХ-2026-0007, Запрос сведений о ПДн, И•••••а М. П., срок 07.12.2026, просрочено на 1 рабочий день',
    );
    expect(first).toHaveAttribute('tabindex', '0');
    expect(grid.querySelectorAll('tr[tabindex="0"]')).toHaveLength(1);
    expect(screen.getByRole('row', { name: /^ВХ-2026-0008, .*срок сегодня$/ })).toHaveAttribute('tabindex', '-1');
  });

  it('moves the focus with j and k, and Space ticks the focused row', async () => {
    const user = userEvent.setup();
    showQueueTo('officer', rows);
    await screen.findByRole('row', { name: /^ВХ-2026-0007/ }, { timeout: 10_000 });
    await user.keyboard('j');
    const second = screen.getByRole('row', { name: /^ВХ-2026-0008/ });
    expect(second).toHaveFocus();
    expect(second).toHaveAttribute('aria-current', 'true');
    expect(second).toHaveAttribute('tabindex', '0');
    await user.keyboard('{ArrowDown}');
    expect(screen.getByRole('row', { name: /^ВХ-2026-0009, .*остался 1 рабочий день$/ })).toHaveFocus();
    await user.keyboard('k');
    expect(second).toHaveFocus();
    await user.keyboard(' ');
    expect(screen.getByRole('checkbox', { name: /ВХ-2026-0008/ })).toBeChecked();
    expect(second).toHaveAttribute('aria-selected', 'true');
    expect(second).toHaveFocus();
  });

  it('says nothing of selection to the auditor, who cannot select', async () => {
    const user = userEvent.setup();
    showQueueTo('auditor', rows);
    const grid = await screen.findByRole('grid', {}, { timeout: 10_000 });
    await screen.findByRole('row', { name: /^ВХ-2026-0007/ }, { timeout: 10_000 });
    // The cursor's row, wherever an earlier visit of the queue left it (the place is remembered per filter set).
    const current = grid.querySelector<HTMLElement>('tr[tabindex="0"]');
    expect(current).not.toBeNull();
    expect(current).not.toHaveAttribute('aria-selected');
    current?.focus();
    await user.keyboard(' ');
    expect(screen.queryAllByRole('checkbox')).toHaveLength(0);
    expect(current).toHaveFocus();
  });
});

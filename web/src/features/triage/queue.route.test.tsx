import type { Role } from '@pd-desk/shared/auth/roles';
import { screen } from '@testing-library/react';
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

function showQueueTo(role: Role) {
  mswServer.use(
    ...trpcHandlers({
      'auth.me': () => ({ data: userAs(role) }),
      'triage.list': () => ({ data: { today: '2026-12-01', total: 1, items: [ROW] } }),
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

import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { mswServer, trpcHandler } from '../../testing/msw-server';
import { renderRoute } from '../../testing/render';
import { BreachClock, BreachClocksPanel, instantText } from './breach-clocks';

const NOTICE = {
  kind: 'notice' as const,
  dueAt: '2027-01-01T18:30:00.000Z',
  due: '2027-01-01T23:30+05:00',
  filed: null,
};

describe('BreachClock', () => {
  it('counts down to the minute and shows the due instant in the operator zone', () => {
    renderRoute(<BreachClock clock={NOTICE} now={new Date('2027-01-01T05:00:00Z')} />);
    expect(screen.getByTestId('clock-notice')).toHaveTextContent('осталось 13 ч 30 мин');
    expect(screen.getByTestId('clock-notice')).toHaveTextContent('срок 01.01.2027 23:30');
  });

  it('an overdue clock says by how much', () => {
    renderRoute(<BreachClock clock={NOTICE} now={new Date('2027-01-01T19:31:00Z')} />);
    expect(screen.getByTestId('clock-notice')).toHaveTextContent('просрочено на 1 ч 1 мин');
  });

  it('a filed clock shows the filing, late ones say so', () => {
    const filed = { ...NOTICE, filed: { at: '2027-01-02T09:00+05:00', portalReference: 'RKN-7', late: true } };
    renderRoute(<BreachClock clock={filed} now={new Date('2027-01-03T00:00:00Z')} />);
    expect(screen.getByTestId('clock-notice')).toHaveTextContent('направлено с опозданием 02.01.2027 09:00, № RKN-7');
  });

  it('the queue panel shows only the clocks under 6 hours', async () => {
    const soon = new Date(Date.now() + 2 * 3_600_000).toISOString();
    const later = new Date(Date.now() + 20 * 3_600_000).toISOString();
    mswServer.use(
      ...trpcHandler('breaches.clocks', () => ({
        data: {
          urgentMinutes: 360,
          clocks: [
            { breachId: 1, number: 'И-0001', category: 'hacking', ...NOTICE, dueAt: soon },
            { breachId: 2, number: 'И-0002', category: 'hacking', ...NOTICE, dueAt: later },
          ],
        },
      })),
    );
    renderRoute(<BreachClocksPanel urgentOnly />);
    expect(await screen.findByText('И-0001')).toBeInTheDocument();
    expect(screen.queryByText('И-0002')).not.toBeInTheDocument();
    expect(instantText('2027-01-03T23:30+05:00')).toBe('03.01.2027 23:30');
  });
});

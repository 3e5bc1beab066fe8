import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { mswServer, trpcHandlers } from '../../testing/msw-server';
import { renderRoute } from '../../testing/render';
import IntegrationsRoute from './integrations.route';

const SYSTEMS = [
  { id: 1, code: 'booking_site', name: 'Онлайн-запись на сайте', description: null, active: true, version: 1 },
  { id: 3, code: 'newsletter', name: 'Новостная рассылка', description: null, active: true, version: 1 },
];
const KEY = {
  id: 7,
  systemId: 1,
  systemCode: 'booking_site',
  systemName: 'Онлайн-запись на сайте',
  prefix: 'pdd_Ab12Cd',
  scopes: ['permissions:read'],
  rateLimit: 600,
  expiresAt: null,
  lastUsedAt: '2026-12-01T05:30:00.000Z',
  createdAt: '2026-11-30T05:00:00.000Z',
  revokedAt: null,
};
const DELIVERY = {
  id: 31,
  subscriptionId: 2,
  systemCode: 'booking_site',
  url: 'https://booking.example/hook',
  eventId: '1b9d6bcd-bbfd-4b2d-9b5d-ab8dfbbd4bed',
  eventType: 'block.created',
  occurredAt: '2026-12-01T04:00:00.000Z',
  attempts: 5,
  nextAttemptAt: '2026-12-01T05:10:00.000Z',
  lastAttemptAt: '2026-12-01T05:05:00.000Z',
  lastStatus: null,
  lastError: 'connect ECONNREFUSED 10.0.0.5:443',
  deliveredAt: null,
};

describe('integrations admin screen', () => {
  it('lists keys, issues one and shows it once; the delivery log retries a failed delivery', async () => {
    const created: unknown[] = [];
    const retried: unknown[] = [];
    mswServer.use(
      ...trpcHandlers({
        'subjects.catalogue.list': () => ({ data: { systems: SYSTEMS, purposes: [] } }),
        'integrations.keys': () => ({ data: [KEY] }),
        'integrations.webhooks': () => ({ data: [] }),
        'integrations.deliveries': () => ({ data: [DELIVERY] }),
        'integrations.createKey': (input) => {
          created.push(input);
          return { data: { id: 8, key: 'pdd_THE-ONE-TIME-KEY', prefix: 'pdd_THE-ON', system: 'newsletter' } };
        },
        'integrations.retryDelivery': (input) => {
          retried.push(input);
          return { data: { id: 31 } };
        },
      }),
    );
    renderRoute(<IntegrationsRoute />);
    const keys = await screen.findByRole('region', { name: 'Ключи API' });
    expect(await within(keys).findByText('pdd_Ab12Cd…')).toBeInTheDocument();
    expect(within(keys).getByText('600/мин')).toBeInTheDocument();
    expect(within(keys).getByText('Действует')).toBeInTheDocument();
    expect(screen.getByText(/Подписок нет/)).toBeInTheDocument();

    const log = screen.getByRole('region', { name: 'Журнал доставок' });
    expect(within(log).getByText('connect ECONNREFUSED 10.0.0.5:443')).toBeInTheDocument();
    expect(within(log).getByText(/Следующая попытка/)).toBeInTheDocument();
    await userEvent.click(within(log).getByRole('button', { name: 'Повторить' }));
    await vi.waitFor(() => expect(retried).toEqual([{ id: 31 }]));

    await userEvent.click(within(keys).getByRole('button', { name: 'Выпустить ключ' }));
    const dialog = await screen.findByRole('dialog', { name: 'Выпустить ключ' });
    await userEvent.type(within(dialog).getByLabelText('Система'), 'Новостная');
    await userEvent.click(await screen.findByRole('option', { name: /Новостная рассылка/, hidden: true }));
    await userEvent.click(within(dialog).getByRole('checkbox', { name: /suppression:read/ }));
    const limit = within(dialog).getByLabelText(/Лимит/);
    await userEvent.clear(limit);
    await userEvent.type(limit, '0');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Выпустить ключ' }));
    expect(await screen.findByText('pdd_THE-ONE-TIME-KEY')).toBeInTheDocument();
    expect(screen.getByText(/хранит только хеш/)).toHaveTextContent('Новостная рассылка');
    expect(created).toEqual([
      { systemId: 3, scopes: ['permissions:read', 'suppression:read'], rateLimit: 0, expiresOn: null },
    ]);
  }, 30_000);

  it('asks before revoking a key', async () => {
    const revoked: unknown[] = [];
    mswServer.use(
      ...trpcHandlers({
        'subjects.catalogue.list': () => ({ data: { systems: SYSTEMS, purposes: [] } }),
        'integrations.keys': () => ({ data: [KEY] }),
        'integrations.webhooks': () => ({ data: [] }),
        'integrations.deliveries': () => ({ data: [] }),
        'integrations.revokeKey': (input) => {
          revoked.push(input);
          return { data: { id: 7 } };
        },
      }),
    );
    renderRoute(<IntegrationsRoute />);
    await userEvent.click(await screen.findByRole('button', { name: 'Отозвать: Онлайн-запись на сайте' }));
    const dialog = await screen.findByRole('dialog', { name: 'Отозвать' });
    expect(dialog).toHaveTextContent('Система сразу потеряет доступ');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Отозвать' }));
    await vi.waitFor(() => expect(revoked).toEqual([{ id: 7 }]));
  });
});

import { AUDIT_ACTION_LABELS } from '@pd-desk/shared/audit/audit-action-labels';
import { AUDIT_ACTIONS } from '@pd-desk/shared/audit/audit-actions';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactNode } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { changeLanguage } from '../../lib/i18n';
import { mswServer, trpcHandlers } from '../../testing/msw-server';
import { renderRoute } from '../../testing/render';
import { useSession } from '../auth/use-session';
import AuditRoute from './audit.route';

const auditor = { id: 3, login: 'auditor', displayName: 'Аудитор', role: 'auditor', sessionId: 's' };

/** The registration of case 7, as the server lists it (ids and masked values only). */
const created = {
  seq: 41,
  at: '2026-12-01T04:05:00.000Z',
  actorId: 2,
  actorLogin: 'officer',
  action: 'case.created',
  objectType: 'case',
  objectId: '7',
  changes: {
    type: { before: null, after: 'access' },
    requesterKind: { before: null, after: 'subject' },
    receivedOn: { before: null, after: '2026-11-30' },
    dueOn: { before: null, after: '2026-12-14' },
    dueProvisional: { before: null, after: false },
    subjectIds: { before: null, after: [12] },
  },
  details: null,
  detailsHidden: false,
  ip: '127.0.0.1',
};
/** Case 7 given to officer 2: a staff member's id, read as the name. */
const assigned = {
  ...created,
  seq: 42,
  action: 'case.assigned',
  changes: { assigneeId: { before: null, after: 2 } },
  details: { createdById: 9 },
};
const hidden = { ...created, seq: 40, action: 'case.view', changes: null, details: null, detailsHidden: true };

function SignedIn({ children }: { children: ReactNode }) {
  return useSession().data ? children : null;
}

function renderAudit() {
  mswServer.use(
    ...trpcHandlers({
      'auth.me': () => ({ data: auditor }),
      'users.list': () => ({
        data: [{ id: 2, login: 'officer', displayName: 'Петрова Анна', role: 'officer', disabled: false }],
      }),
      'audit.list': () => ({ data: { items: [assigned, created, hidden] } }),
    }),
  );
  renderRoute(
    <SignedIn>
      <AuditRoute />
    </SignedIn>,
  );
}

afterEach(() => changeLanguage('ru'));

describe('audit screen', () => {
  it('every action code the server writes has a Russian and an English label', () => {
    for (const action of AUDIT_ACTIONS) {
      expect(AUDIT_ACTION_LABELS[action]?.ru, action).toMatch(/[а-яё]/i);
      expect(AUDIT_ACTION_LABELS[action]?.en, action).toMatch(/^[A-Z][\w ’'(),:-]+$/);
    }
  });

  it('shows an entry in words: the action, the object linked, the fields named, dates dd.mm.yyyy, folded', async () => {
    renderAudit();
    const row = (await screen.findByText('Обращение зарегистрировано', {}, { timeout: 10_000 })).closest(
      'tr',
    ) as HTMLElement;
    expect(within(row).getByText('01.12.2026 09:05')).toBeInTheDocument();
    expect(within(row).getByRole('link', { name: 'Обращение №7' })).toHaveAttribute('href', '/cases/7');
    // Folded: one line of «field: value», nothing of the codes.
    expect(row).toHaveTextContent('Тип: Запрос сведений о ПДн; Заявитель: Субъект ПДн; Дата получения: 30.11.2026');
    expect(row).not.toHaveTextContent('requesterKind');
    expect(row).not.toHaveTextContent('2026-11-30');
    expect(within(row).queryByRole('table')).toBeNull();

    await userEvent.click(within(row).getByRole('button', { name: 'Подробнее: 6 полей' }));
    // The fold opens over a frame or two (Mantine's Collapse), so wait for it rather than read it at once.
    const details = await within(row).findByRole('table');
    expect(within(details).getByText('Срок').closest('tr')).toHaveTextContent('14.12.2026');
    expect(within(details).getByText('Срок предварительный').closest('tr')).toHaveTextContent('нет');
    expect(within(details).getByRole('link', { name: '№12' })).toHaveAttribute('href', '/subjects/12');
    // An entry about people shown without details says so instead.
    const view = screen.getByText('Просмотр обращения').closest('tr') as HTMLElement;
    expect(view).toHaveTextContent('Подробности записей о людях видят ответственный и аудитор');
  });

  it('names the staff member behind a user id, and keeps the id of one it does not know', async () => {
    renderAudit();
    const row = (await screen.findByText('Назначен исполнитель', {}, { timeout: 10_000 })).closest('tr') as HTMLElement;
    expect(row).toHaveTextContent('Исполнитель: Петрова Анна; Кем создано: 9');
  });

  it('reads in English', async () => {
    changeLanguage('en');
    renderAudit();
    const row = (await screen.findByText('Request registered', {}, { timeout: 10_000 })).closest('tr') as HTMLElement;
    expect(row).toHaveTextContent('Type: Access request; Requester: Data subject; Received on: 30.11.2026');
    expect(within(row).getByRole('link', { name: 'Request №7' })).toBeInTheDocument();
    expect(within(row).getByRole('button', { name: 'Details: 6 fields' })).toBeInTheDocument();
  });
});

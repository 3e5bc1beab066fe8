import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactNode } from 'react';
import { describe, expect, it } from 'vitest';
import { mswServer, trpcHandlers } from '../../testing/msw-server';
import { renderRoute } from '../../testing/render';
import { useSession } from '../auth/use-session';
import CaseRoute from './case.route';
import { DaysLeft } from './due-status';
import type { CaseDetail } from './types';

const officer = {
  id: 1,
  login: 'officer',
  displayName: 'Ольга Смирнова',
  role: 'officer',
  timeZone: 'Asia/Yekaterinburg',
};

function caseDetail(version: number): CaseDetail {
  return {
    id: 7,
    version,
    incomingNumber: 'ВХ-2026-0007',
    type: 'access',
    rule: 'access',
    ruleTitle: 'Ответ на запрос субъекта о его персональных данных',
    article: 'ст. 14 ч. 3, 7; ст. 20 ч. 1–2 152-ФЗ',
    channel: 'post',
    requester: {
      kind: 'subject',
      name: 'Иванова Мария Петровна',
      address: null,
      email: null,
      authorityDocument: null,
      rknInquiryNumber: null,
    },
    summary: null,
    revealable: ['requester', 'subjects'],
    receivedOn: '2026-12-30',
    registeredOn: '2026-12-30',
    dueOn: '2027-01-22',
    dueProvisional: true,
    dueOnDayOff: false,
    workingDaysLeft: 2,
    extended: false,
    extensionReason: null,
    canExtend: true,
    status: 'new',
    statusReason: null,
    allowedTransitions: ['identity_check', 'in_work', 'rejected', 'closed'],
    assignee: { id: 1, displayName: 'Ольга Смирнова' },
    answeredAt: null,
    closedAt: null,
    createdAt: '2026-12-30T04:00:00.000Z',
    updatedAt: '2026-12-30T04:00:00.000Z',
    subjects: [],
    events: [],
    attachments: [],
    letters: [],
  };
}

/** The case page lives behind RequireAuth in the app: here it waits for the session the same way. */
function SignedIn({ children }: { children: ReactNode }) {
  return useSession().data ? children : null;
}

describe('case page', () => {
  it('says a colleague changed the case, keeps nothing of ours, and reloads on request', async () => {
    let version = 3;
    let reads = 0;
    let transitions = 0;
    mswServer.use(
      ...trpcHandlers({
        'auth.me': () => ({ data: officer }),
        'users.list': () => ({ data: [] }),
        'cases.byId': () => {
          reads += 1;
          return { data: caseDetail(version) };
        },
        'cases.transition': (input) => {
          transitions += 1;
          // The colleague saved version 4 while this page still showed version 3.
          version = 4;
          expect(input).toMatchObject({ id: 7, version: 3, to: 'in_work' });
          return {
            error: {
              message:
                'Обращение ВХ-2026-0007 уже изменил другой пользователь, пока вы его редактировали. Ваши изменения не сохранены: обновите карточку и повторите.',
              code: 'CONFLICT',
              httpStatus: 409,
            },
          };
        },
      }),
    );
    renderRoute(
      <SignedIn>
        <CaseRoute />
      </SignedIn>,
      { path: '/cases/:caseId', url: '/cases/7' },
    );
    await userEvent.click(await screen.findByRole('button', { name: 'В работу' }));

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Изменения не сохранены');
    expect(alert).toHaveTextContent('уже изменил другой пользователь');
    expect(transitions).toBe(1);
    expect(screen.getByText('Новое')).toBeInTheDocument();

    const readsBefore = reads;
    await userEvent.click(within(alert).getByRole('button', { name: 'Обновить карточку' }));
    await waitFor(() => expect(screen.queryByRole('alert')).not.toBeInTheDocument());
    expect(reads).toBeGreaterThan(readsBefore);
  });

  it.each([
    ['officer', true],
    ['auditor', false],
  ] as const)('the %s sees the status, extension and letter actions: %s', async (role, shown) => {
    mswServer.use(
      ...trpcHandlers({
        'auth.me': () => ({ data: { ...officer, role } }),
        'users.list': () => ({ data: [] }),
        'cases.byId': () => ({ data: caseDetail(1) }),
      }),
    );
    renderRoute(
      <SignedIn>
        <CaseRoute />
      </SignedIn>,
      { path: '/cases/:caseId', url: '/cases/7' },
    );
    expect(await screen.findByRole('heading', { name: 'ВХ-2026-0007' }, { timeout: 10_000 })).toBeInTheDocument();
    for (const name of ['В работу', 'Продлить срок', 'Подготовить ответ']) {
      expect(screen.queryAllByRole('button', { name: new RegExp(name) }).length > 0).toBe(shown);
    }
  });
});

describe('working days left', () => {
  it.each([
    [1, 'остался 1 рабочий день'],
    [2, 'осталось 2 рабочих дня'],
    [5, 'осталось 5 рабочих дней'],
    [11, 'осталось 11 рабочих дней'],
    [21, 'остался 21 рабочий день'],
    [0, 'срок сегодня'],
    [-1, 'просрочено на 1 рабочий день'],
    [-3, 'просрочено на 3 рабочих дня'],
    [-12, 'просрочено на 12 рабочих дней'],
  ])('%i reads «%s»', async (left, text) => {
    renderRoute(<DaysLeft workingDaysLeft={left} open />);
    expect(await screen.findByText(text)).toBeInTheDocument();
  });

  it('says when the calendar year is missing instead of guessing', async () => {
    renderRoute(<DaysLeft workingDaysLeft={null} open />);
    expect(await screen.findByText('календарь не загружен')).toBeInTheDocument();
  });
});

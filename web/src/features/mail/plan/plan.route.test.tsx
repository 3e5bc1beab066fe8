import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactNode } from 'react';
import { describe, expect, it } from 'vitest';
import { mswServer, trpcHandlers } from '../../../testing/msw-server';
import { renderRoute } from '../../../testing/render';
import { useSession } from '../../auth/use-session';
import PlanRoute from './plan.route';
import type { PlanLine, PlanPage } from './types';

const officer = {
  id: 1,
  login: 'officer',
  displayName: 'Ольга Смирнова',
  role: 'officer',
  timeZone: 'Asia/Yekaterinburg',
};

function line(overrides: Partial<PlanLine>): PlanLine {
  return {
    id: 1,
    recordId: 11,
    proposedAction: 'destroy',
    action: 'destroy',
    basisText: 'Политика конфиденциальности, п. 2, цель 3; срок хранения: До отзыва согласия',
    note: null,
    confirmed: false,
    doneAt: null,
    destructionActId: null,
    systemCode: 'newsletter',
    systemName: 'Новостная рассылка',
    purposeId: 3,
    purposeCode: 'newsletter',
    purposeName: 'Новостная рассылка клиники',
    purposeDefaultBasis: 'consent',
    legalBasis: 'consent',
    legalBasisNote: null,
    externalId: 'nl-1',
    dataFields: ['full_name', 'email'],
    consentId: 5,
    state: 'active',
    retainUntil: null,
    ...overrides,
  };
}

const MEDICAL = line({
  id: 2,
  recordId: 12,
  proposedAction: 'keep',
  action: 'keep',
  basisText:
    '323-ФЗ; 152-ФЗ, ст. 10 ч. 2 п. 4; срок хранения: 25 лет с последнего посещения (приказ Минздрава России № 408 от 03.08.2023)',
  systemCode: 'mis',
  systemName: 'Медицинская информационная система',
  purposeCode: 'medical_care',
  purposeName: 'Оказание медицинской помощи',
  legalBasis: 'law',
  externalId: null,
  dataFields: ['full_name', 'health'],
});

function page(): PlanPage {
  return {
    case: {
      id: 7,
      incomingNumber: 'ВХ-2026-0007',
      type: 'consent_withdrawal',
      status: 'new',
      receivedOn: '2026-12-05',
      version: 1,
      typeLabel: 'Отзыв согласия',
    },
    letterScope: null,
    plan: {
      id: 3,
      caseId: 7,
      subjectId: 9,
      scopePurposeIds: null,
      status: 'draft',
      dueOn: '2027-01-04',
      dueOnDayOff: true,
      createdById: 1,
      createdAt: '2026-12-05T05:00:00.000Z',
      confirmedById: null,
      confirmedAt: null,
      completedAt: null,
      answerLetterId: null,
      version: 1,
      subjectName: 'И•••••а М. П.',
      workBy: '2026-12-30',
      today: '2026-12-05',
      lines: [line({}), MEDICAL],
      acts: [],
      answer: null,
    },
  } as PlanPage;
}

function SignedIn({ children }: { children: ReactNode }) {
  return useSession().data ? children : null;
}

describe('withdrawal plan page', () => {
  // The whole page with Mantine's select and modal renders slowly on a busy machine.
  it('shows each record with its proposal and basis, the clock ending on a holiday, and asks why on a change', {
    timeout: 30_000,
  }, async () => {
    const changes: unknown[] = [];
    mswServer.use(
      ...trpcHandlers({
        'auth.me': () => ({ data: officer }),
        'subjects.catalogue.list': () => ({ data: { systems: [], purposes: [] } }),
        'mail.plan.byCase': () => ({ data: page() }),
        'mail.plan.setLine': (input) => {
          changes.push(input);
          return { data: { lineId: 1, action: 'continue' } };
        },
      }),
    );
    renderRoute(
      <SignedIn>
        <PlanRoute />
      </SignedIn>,
      { path: '/mail/cases/:caseId/plan', url: '/mail/cases/7/plan' },
    );
    expect(await screen.findByRole('heading', { name: 'План действий по отзыву согласия' })).toBeInTheDocument();
    expect(screen.getByText('Срок исполнения: 04.01.2027')).toBeInTheDocument();
    expect(screen.getByText('Срок приходится на нерабочий день — выполнить до 30.12.2026')).toBeInTheDocument();
    const lines = screen.getByRole('region', { name: 'Записи субъекта и действия' });
    const medical = within(lines).getByRole('row', { name: /Медицинская информационная система/ });
    expect(medical).toHaveTextContent('Прекратить, хранить по закону');
    expect(medical).toHaveTextContent('приказ Минздрава России № 408 от 03.08.2023');
    expect(within(lines).getByRole('row', { name: /Новостная рассылка/ })).toHaveTextContent('внешний id nl-1');

    // Another action than proposed asks for the reason before anything is sent.
    await userEvent.click(within(lines).getByLabelText('Действие: Новостная рассылка клиники'));
    // Both lines' dropdowns are in the document (Mantine keeps them mounted, hidden): the first is the newsletter's.
    const [option] = await screen.findAllByRole('option', { name: 'Не затрагивается отзывом', hidden: true });
    await userEvent.click(option as HTMLElement);
    const dialog = await screen.findByRole('dialog', {
      name: 'Другое действие для записи «Новостная рассылка клиники»',
    });
    expect(changes).toEqual([]);
    await userEvent.type(within(dialog).getByLabelText(/Почему действие отличается/), 'Письмо называет только рекламу');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Подтвердить' }));
    await expect
      .poll(() => changes)
      .toEqual([{ lineId: 1, action: 'continue', note: 'Письмо называет только рекламу' }]);
  });
});

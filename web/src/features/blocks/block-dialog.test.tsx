import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { mswServer, trpcHandler } from '../../testing/msw-server';
import { renderRoute } from '../../testing/render';
import { SignedIn, userAs } from '../../testing/signed-in';
import { BlockDialog } from './block-dialog';

const record = (id: number, system: string, purpose: string, dataFields: string[]) => ({
  id,
  system: {
    id: id * 10,
    code: system,
    name: system === 'booking_site' ? 'Онлайн-запись на сайте' : 'Медицинская информационная система',
  },
  purpose: {
    id: id * 100,
    code: purpose,
    name: purpose === 'online_booking' ? 'Онлайн-запись' : 'Медицинская помощь',
    retention: null,
  },
  dataFields,
  state: 'active',
  blockedFields: null,
});

const SUBJECT = {
  id: 42,
  version: 3,
  name: 'И•••••а М. П.',
  records: [
    record(1, 'booking_site', 'online_booking', ['full_name', 'phone', 'email']),
    record(2, 'mis', 'medical_care', ['full_name', 'health']),
  ],
  blocks: [],
};

// Text is pasted, not typed: typing Cyrillic key by key into a Mantine modal takes seconds on a busy two-core machine.
describe('block dialog', () => {
  it('blocks only the booking record’s phone and registers the case from the call in the same request', async () => {
    let sent: unknown = null;
    mswServer.use(
      ...trpcHandler('auth.me', () => ({ data: userAs('officer') })),
      ...trpcHandler('subjects.byId', () => ({ data: SUBJECT })),
      ...trpcHandler('blocks.create', (input) => {
        sent = input;
        return { data: { id: 5, version: 1, state: 'active', caseId: 9, caseNumber: 'ВХ-2026-00017' } };
      }),
    );
    renderRoute(
      <SignedIn>
        <BlockDialog subjectId={42} opened onClose={() => {}} />
      </SignedIn>,
    );
    await userEvent.click(
      await screen.findByLabelText('телефон — Онлайн-запись на сайте № 1', {}, { timeout: 10_000 }),
    );
    // Field-level: the record itself stays unticked, the chart untouched.
    expect(screen.getByLabelText('Онлайн-запись на сайте — Онлайн-запись (№ 1)')).not.toBeChecked();
    await userEvent.click(screen.getByLabelText(/Что оспаривается/));
    await userEvent.paste('Номер чужой');
    await userEvent.click(screen.getByLabelText(/Заявитель/));
    await userEvent.paste('Иванова М. П.');
    const submit = screen.getByRole('button', { name: 'Зарегистрировать без блокировки' });
    expect(submit).toBeDisabled();
    // Inaccurate data is blocked only once the officer confirms it harms nobody.
    await userEvent.click(screen.getByLabelText(/не нарушает права/));
    await userEvent.click(screen.getByRole('button', { name: 'Заблокировать' }));

    expect(await screen.findByRole('status', {}, { timeout: 10_000 })).toHaveTextContent(
      'Данные заблокированы по обращению ВХ-2026-00017',
    );
    expect(sent).toMatchObject({
      subjectId: 42,
      reason: 'inaccurate',
      noHarmConfirmed: true,
      scope: { wholeSubject: false, purposeIds: [], recordIds: [], fields: [{ recordId: 1, field: 'phone' }] },
      newCase: { channel: 'in_person', requester: { kind: 'subject', name: 'Иванова М. П.' } },
    });
  }, 90_000);

  it('shows the server’s refusal and keeps the form', async () => {
    mswServer.use(
      ...trpcHandler('auth.me', () => ({ data: userAs('officer') })),
      ...trpcHandler('subjects.byId', () => ({ data: SUBJECT })),
      ...trpcHandler('blocks.create', () => ({
        error: {
          message: 'Запись не принадлежит этому субъекту или уже выведена из обработки',
          code: 'BAD_REQUEST',
          httpStatus: 400,
        },
      })),
    );
    renderRoute(
      <SignedIn>
        <BlockDialog subjectId={42} opened onClose={() => {}} />
      </SignedIn>,
    );
    await userEvent.click(await screen.findByLabelText('Все данные субъекта', {}, { timeout: 10_000 }));
    await userEvent.click(screen.getByLabelText('Неправомерная обработка'));
    await userEvent.click(screen.getByLabelText(/Что оспаривается/));
    await userEvent.paste('Согласия не давала');
    await userEvent.click(screen.getByLabelText(/Заявитель/));
    await userEvent.paste('Иванова');
    await userEvent.click(screen.getByRole('button', { name: 'Заблокировать' }));
    expect(await screen.findByRole('alert', {}, { timeout: 10_000 })).toHaveTextContent(
      'Запись не принадлежит этому субъекту',
    );
    expect(screen.getByLabelText(/Что оспаривается/)).toHaveValue('Согласия не давала');
  }, 90_000);
});

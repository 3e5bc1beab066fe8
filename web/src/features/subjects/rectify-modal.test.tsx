import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { mswServer, trpcHandler } from '../../testing/msw-server';
import { renderRoute } from '../../testing/render';
import { RectifyModal } from './rectify-modal';
import type { SubjectPage } from './types';

const SUBJECT = {
  id: 42,
  externalId: null,
  version: 3,
  category: 'patient',
  mergedIntoId: null,
  createdAt: '2026-11-01T05:00:00.000Z',
  updatedAt: '2026-11-01T05:00:00.000Z',
  name: 'И•••••а М. П.',
  birthDate: '••.••.1985',
  formerNames: [],
  phones: [{ id: 7, value: '+7 ••• •••-67-89' }],
  emails: [],
  addresses: [],
  records: [],
  consents: [],
  representatives: [],
  cases: [],
  letters: [],
  blocks: [],
  breaches: [],
  merges: [],
} as unknown as SubjectPage;

const STALE =
  'Запись изменил другой пользователь, пока вы её редактировали. Ничего не перезаписано: обновите страницу и внесите правку заново.';

// Typing Cyrillic key by key into a Mantine modal takes seconds on a busy two-core machine.
describe('rectify modal', () => {
  it('shows the conflict message when a colleague saved first, keeps what was typed and offers a reload', async () => {
    let sent: unknown = null;
    mswServer.use(
      ...trpcHandler('subjects.rectify', (input) => {
        sent = input;
        return { error: { message: STALE, code: 'CONFLICT', httpStatus: 409 } };
      }),
    );
    const onReload = vi.fn();
    const onDone = vi.fn();
    renderRoute(
      <RectifyModal subject={SUBJECT} revealed={null} opened onClose={() => {}} onDone={onDone} onReload={onReload} />,
    );
    await userEvent.type(await screen.findByLabelText('Новое значение'), 'Петрова');
    await userEvent.type(screen.getByLabelText('Причина'), 'Смена фамилии после брака');
    await userEvent.type(screen.getByLabelText('Подтверждающий документ'), 'Свидетельство о браке');
    await userEvent.click(screen.getByRole('button', { name: 'Исправить' }));

    expect(await screen.findByRole('alert')).toHaveTextContent('Запись изменил другой пользователь');
    expect(sent).toMatchObject({ subjectId: 42, version: 3, field: 'lastName', value: 'Петрова' });
    expect(onDone).not.toHaveBeenCalled();
    expect(screen.getByLabelText('Новое значение')).toHaveValue('Петрова');
    await userEvent.click(screen.getByRole('button', { name: 'Обновить страницу' }));
    await waitFor(() => expect(onReload).toHaveBeenCalledOnce());
  }, 30_000);

  it('asks for a reason and evidence before calling the server', async () => {
    let called = false;
    mswServer.use(
      ...trpcHandler('subjects.rectify', () => {
        called = true;
        return { data: { version: 4, rectificationId: 1 } };
      }),
    );
    renderRoute(
      <RectifyModal
        subject={SUBJECT}
        revealed={null}
        opened
        onClose={() => {}}
        onDone={() => {}}
        onReload={() => {}}
      />,
    );
    await userEvent.type(await screen.findByLabelText('Новое значение'), 'Петрова');
    await userEvent.click(screen.getByRole('button', { name: 'Исправить' }));
    expect(await screen.findByText('Укажите причину (не короче 5 символов)')).toBeInTheDocument();
    expect(screen.getByText('Укажите подтверждающий документ')).toBeInTheDocument();
    expect(called).toBe(false);
  }, 30_000);
});

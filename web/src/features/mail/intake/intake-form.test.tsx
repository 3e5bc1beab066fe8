import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactNode } from 'react';
import { describe, expect, it } from 'vitest';
import { mswServer, trpcHandlers } from '../../../testing/msw-server';
import { renderRoute } from '../../../testing/render';
import { useSession } from '../../auth/use-session';
import { IntakeForm } from './intake-form';

const registrar = {
  id: 2,
  login: 'registrar',
  displayName: 'Ирина Ковалёва',
  role: 'registrar',
  timeZone: 'Asia/Yekaterinburg',
};

function SignedIn({ children }: { children: ReactNode }) {
  return useSession().data ? children : null;
}

describe('intake form', () => {
  it('from the keyboard: Enter takes the scanner file, Enter confirms each read field, Ctrl+Enter saves', async () => {
    const created: unknown[] = [];
    mswServer.use(
      ...trpcHandlers({
        'auth.me': () => ({ data: registrar }),
        'mail.intake.scannerFiles': () => ({
          data: {
            configured: true,
            files: [{ name: 'scan-1.png', sizeBytes: 10, modifiedAt: '2026-12-01T04:00:00Z' }],
          },
        }),
        'mail.intake.takeScannerFile': () => ({
          data: { id: 5, fileName: 'scan-1.png', pageCount: 1, mimeType: 'image/png', ocrStatus: 'queued' },
        }),
        'mail.intake.scanStatus': () => ({ data: [{ id: 5, ocrStatus: 'done', ocrProgress: 1 }] }),
        'mail.intake.scanPrefill': () => ({
          data: {
            fields: {
              fullName: 'Ивановой Марии Петровны',
              birthDate: '1985-03-12',
              phone: '79123456789',
              email: null,
              address: null,
            },
            withdrawal: true,
            scope: 'all',
          },
        }),
        'mail.intake.create': (input) => {
          created.push(input);
          return { data: { id: 9, caseId: 3, incomingNumber: 'ВХ-2026-0009', dueOn: '2026-12-31' } };
        },
      }),
    );
    renderRoute(
      <SignedIn>
        <IntakeForm />
      </SignedIn>,
    );
    const user = userEvent.setup();
    const take = await screen.findByRole('button', { name: 'Взять из папки сканера: scan-1.png' }, { timeout: 15_000 });
    await waitFor(() => expect(take).toHaveFocus());
    await user.keyboard('{Enter}');

    const sender = await screen.findByRole('textbox', { name: 'Отправитель (как написано)' });
    await waitFor(() => expect(sender).toHaveValue('Ивановой Марии Петровны'), { timeout: 5000 });
    await waitFor(() => expect(sender).toHaveFocus());
    expect(sender).toHaveAttribute('data-prefill-state', 'pending');
    expect(screen.getByRole('textbox', { name: 'Телефон' })).toHaveValue('+7 912 345-67-89');

    // Not yet confirmed: Ctrl+Enter refuses and says why.
    await user.keyboard('{Control>}{Enter}{/Control}');
    expect(await screen.findByRole('alert')).toHaveTextContent('Подтвердите распознанные поля');
    expect(created).toHaveLength(0);

    await user.keyboard('{Enter}');
    expect(sender).toHaveAttribute('data-prefill-state', 'confirmed');
    await user.keyboard('{Enter}{Enter}');
    expect(screen.getByRole('button', { name: /Сохранить и следующее/ })).toHaveFocus();
    await user.keyboard('{Control>}{Enter}{/Control}');

    await waitFor(() => expect(created).toHaveLength(1));
    expect(created[0]).toMatchObject({
      senderName: 'Ивановой Марии Петровны',
      birthDate: '1985-03-12',
      phone: '+7 912 345-67-89',
      signed: true,
      kind: 'consent_withdrawal',
      scopeAll: true,
      scanIds: [5],
      confirmedFields: ['fullName', 'birthDate', 'phone'],
    });
    // Ready for the next letter.
    await waitFor(() => expect(sender).toHaveValue(''));
  }, 30_000);
});

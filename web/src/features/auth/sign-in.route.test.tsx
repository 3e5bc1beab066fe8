import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { mswServer, trpcHandler } from '../../testing/msw-server';
import { renderRoute } from '../../testing/render';
import SignInRoute from './sign-in.route';

const signedOut = trpcHandler('auth.me', () => ({ data: null }));

describe('sign-in page', () => {
  it('shows the server message for a wrong password and keeps what was typed', async () => {
    mswServer.use(
      ...signedOut,
      ...trpcHandler('auth.signIn', () => ({
        error: { message: 'Неверный логин или пароль', code: 'UNAUTHORIZED', httpStatus: 401 },
      })),
    );
    renderRoute(<SignInRoute />, { path: '/sign-in', url: '/sign-in' });
    await userEvent.type(await screen.findByLabelText('Логин'), 'officer');
    await userEvent.type(screen.getByLabelText('Пароль'), 'wrong-password');
    await userEvent.click(screen.getByRole('button', { name: 'Войти' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Неверный логин или пароль');
    expect(screen.getByLabelText('Логин')).toHaveValue('officer');
  });

  it('asks for both fields before calling the server', async () => {
    let called = false;
    mswServer.use(
      ...signedOut,
      ...trpcHandler('auth.signIn', () => {
        called = true;
        return { data: null };
      }),
    );
    renderRoute(<SignInRoute />, { path: '/sign-in', url: '/sign-in' });
    await userEvent.click(await screen.findByRole('button', { name: 'Войти' }));
    expect(await screen.findAllByText('Заполните поле')).toHaveLength(2);
    expect(called).toBe(false);
  });

  it('goes to the page it was sent from after a successful sign-in', async () => {
    mswServer.use(
      ...signedOut,
      ...trpcHandler('auth.signIn', (input) => ({
        data: {
          status: 'signed_in',
          user: { id: 1, login: (input as { login: string }).login, displayName: 'Ольга', role: 'officer' },
        },
      })),
    );
    const { router } = renderRoute(<SignInRoute />, { path: '/sign-in', url: '/sign-in?next=%2Fsubjects%2F7' });
    await userEvent.type(await screen.findByLabelText('Логин'), 'officer');
    await userEvent.type(screen.getByLabelText('Пароль'), 'demo-officer-2026');
    await userEvent.click(screen.getByRole('button', { name: 'Войти' }));
    await waitFor(() => expect(router.state.location.pathname).toBe('/subjects/7'));
  });

  it('asks for the one-time code as a second step and sends it with the challenge', async () => {
    let sent: unknown = null;
    mswServer.use(
      ...signedOut,
      ...trpcHandler('auth.signIn', () => ({
        data: { status: 'second_factor', challenge: 'c'.repeat(43), expiresAt: new Date().toISOString() },
      })),
      ...trpcHandler('auth.verifyCode', (input) => {
        sent = input;
        return { error: { message: 'Неверный или уже использованный код', code: 'UNAUTHORIZED', httpStatus: 401 } };
      }),
    );
    renderRoute(<SignInRoute />, { path: '/sign-in', url: '/sign-in' });
    await userEvent.type(await screen.findByLabelText('Логин'), 'officer');
    await userEvent.type(screen.getByLabelText('Пароль'), 'demo-officer-2026');
    await userEvent.click(screen.getByRole('button', { name: 'Войти' }));

    const code = await screen.findByLabelText('Код');
    expect(code).toHaveAttribute('autocomplete', 'one-time-code');
    expect(code).toHaveFocus();
    await userEvent.type(code, '123456{Enter}');
    expect(await screen.findByRole('alert')).toHaveTextContent('Неверный или уже использованный код');
    expect(sent).toEqual({ challenge: 'c'.repeat(43), code: '123456' });
    await userEvent.click(screen.getByRole('button', { name: 'Назад ко входу' }));
    expect(await screen.findByLabelText('Логин')).toBeInTheDocument();
  });
});

import { screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { changeLanguage } from '../../lib/i18n';
import { renderRoute } from '../../testing/render';
import { SessionsTable } from './sessions-table';

const yandexOnWindows = {
  id: 's1',
  userAgent:
    'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/122.0 YaBrowser/24.4 Safari/537.36',
  ip: '10.0.0.7',
  createdAt: '2026-12-01T04:05:00.000Z',
  lastSeenAt: '2026-12-01T05:10:00.000Z',
};

afterEach(() => changeLanguage('ru'));

describe('sessions table', () => {
  it('names the browser and system a person recognises, in the interface language', async () => {
    renderRoute(<SessionsTable sessions={[yandexOnWindows]} />);
    expect(await screen.findByText('Яндекс Браузер 24 · Windows')).toHaveAttribute('title', yandexOnWindows.userAgent);
    expect(screen.getByText('01.12.2026 10:10')).toBeInTheDocument();

    await changeLanguage('en');
    expect(await screen.findByText('Yandex Browser 24 · Windows')).toBeInTheDocument();
  });
});

import '../lib/i18n';
import { MantineProvider } from '@mantine/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import type { ReactElement } from 'react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { createApiClient, TRPCProvider } from '../lib/trpc';
import { API_ORIGIN } from './msw-server';

/** Renders a screen inside the real providers and a memory router, talking to msw at API_ORIGIN. */
export function renderRoute(element: ReactElement, { path = '/', url = '/' }: { path?: string; url?: string } = {}) {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const router = createMemoryRouter(
    [
      { path, element },
      { path: '*', element: <div data-testid="navigated" /> },
    ],
    { initialEntries: [url] },
  );
  return {
    router,
    ...render(
      <MantineProvider>
        <QueryClientProvider client={queryClient}>
          <TRPCProvider trpcClient={createApiClient(API_ORIGIN)} queryClient={queryClient}>
            <RouterProvider router={router} />
          </TRPCProvider>
        </QueryClientProvider>
      </MantineProvider>,
    ),
  };
}

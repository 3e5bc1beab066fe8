import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import { MantineProvider } from '@mantine/core';
import { QueryClientProvider } from '@tanstack/react-query';
import { type ReactNode, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { NotificationsOnDemand } from '../components/layout/notifications-on-demand';
import { paths } from '../config/paths';
import { createQueryClient } from '../lib/query-client';
import { createApiClient, TRPCProvider } from '../lib/trpc';
import { appTheme } from './theme';

export function AppProvider({ children }: { children: ReactNode }) {
  const [queryClient] = useState(() =>
    createQueryClient(() => {
      if (window.location.pathname !== paths.signIn.path) {
        window.location.assign(paths.signIn.href(window.location.pathname + window.location.search));
      }
    }),
  );
  const [apiClient] = useState(() => createApiClient());
  const { t, i18n } = useTranslation();
  // biome-ignore lint/correctness/useExhaustiveDependencies: t is new per language; the language is the key.
  const theme = useMemo(() => appTheme(t), [i18n.language]);
  return (
    <MantineProvider theme={theme}>
      <NotificationsOnDemand />
      <QueryClientProvider client={queryClient}>
        <TRPCProvider trpcClient={apiClient} queryClient={queryClient}>
          {children}
        </TRPCProvider>
      </QueryClientProvider>
    </MantineProvider>
  );
}

import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import { createTheme, MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { QueryClientProvider } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import { paths } from '../config/paths';
import { createQueryClient } from '../lib/query-client';
import { createApiClient, TRPCProvider } from '../lib/trpc';

// Dense admin screens: small default sizes, a calm teal for a medical context.
const theme = createTheme({
  primaryColor: 'teal',
  defaultRadius: 'sm',
  fontFamily: 'Inter, "Segoe UI", Roboto, Arial, sans-serif',
  components: {
    TextInput: { defaultProps: { size: 'sm' } },
    Button: { defaultProps: { size: 'sm' } },
  },
});

export function AppProvider({ children }: { children: ReactNode }) {
  const [queryClient] = useState(() =>
    createQueryClient(() => {
      if (window.location.pathname !== paths.signIn.path) {
        window.location.assign(paths.signIn.href(window.location.pathname + window.location.search));
      }
    }),
  );
  const [apiClient] = useState(() => createApiClient());
  return (
    <MantineProvider theme={theme}>
      <Notifications position="top-right" />
      <QueryClientProvider client={queryClient}>
        <TRPCProvider trpcClient={apiClient} queryClient={queryClient}>
          {children}
        </TRPCProvider>
      </QueryClientProvider>
    </MantineProvider>
  );
}

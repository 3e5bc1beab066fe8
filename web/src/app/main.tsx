import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router';
import i18n, { i18nReady } from '../lib/i18n';
import { preloadWhenIdle } from '../lib/lazy-component';
import { AppProvider } from './provider';
import { createAppRouter } from './router';

const root = document.getElementById('root');
if (!root) throw new Error('#root missing in index.html');

// The first paint already speaks the user's language: its strings arrive with the entry's first round trip.
await i18nReady;
createRoot(root).render(
  <StrictMode>
    <AppProvider>
      <RouterProvider router={createAppRouter()} />
    </AppProvider>
  </StrictMode>,
);

// The server's refusal templates are not on the first screen; fetch them once it is idle, before the user acts.
preloadWhenIdle({ preload: () => i18n.loadNamespaces('server') });

import { notifications } from '@mantine/notifications';
import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import i18n from './i18n';
import { errorText } from './server-messages';
import { errorCode, isApiError } from './trpc';

/** One place decides how a failed call looks: a toast with the server's message, or sign-in on 401. */
function notifyError(error: unknown, onUnauthorized: () => void) {
  const code = errorCode(error);
  if (code === 'UNAUTHORIZED') {
    onUnauthorized();
    return;
  }
  const show = () => {
    const message =
      isApiError(error) && code !== 'INTERNAL_SERVER_ERROR' ? errorText(error) : i18n.t('shell:errors.generic');
    notifications.show({ color: 'red', title: i18n.t('shell:errors.title'), message, autoClose: 8000 });
  };
  // The queue paints without the server's templates (ADR 0030): a refusal waits for them, a few milliseconds at most.
  i18n.loadNamespaces('server').then(show, show);
}

export function createQueryClient(onUnauthorized: () => void) {
  return new QueryClient({
    queryCache: new QueryCache({ onError: (error) => notifyError(error, onUnauthorized) }),
    mutationCache: new MutationCache({
      // Forms that show errors inline opt out with meta.inlineErrors.
      onError: (error, _vars, _ctx, mutation) => {
        if (!mutation.meta?.inlineErrors) notifyError(error, onUnauthorized);
      },
    }),
    defaultOptions: {
      queries: {
        staleTime: 15_000,
        retry: (failureCount, error) => !errorCode(error) && failureCount < 2,
        refetchOnWindowFocus: false,
      },
    },
  });
}

import type { AppRouter } from '@pd-desk/server/trpc';
import { createTRPCClient, httpBatchLink, TRPCClientError } from '@trpc/client';
import { createTRPCContext } from '@trpc/tanstack-react-query';

export const { TRPCProvider, useTRPC, useTRPCClient } = createTRPCContext<AppRouter>();

/** The server refuses mutations without this header (CSRF); a cross-site form cannot add it. */
export const CSRF_HEADER = { 'x-pd-desk': '1' };

export function createApiClient(baseUrl = '') {
  return createTRPCClient<AppRouter>({
    links: [httpBatchLink({ url: `${baseUrl}/trpc`, headers: () => CSRF_HEADER })],
  });
}

export type ApiError = TRPCClientError<AppRouter>;

export function isApiError(error: unknown): error is ApiError {
  return error instanceof TRPCClientError;
}

/** UI branches on codes, never on message text. */
export function errorCode(error: unknown): string | undefined {
  return isApiError(error) ? error.data?.code : undefined;
}

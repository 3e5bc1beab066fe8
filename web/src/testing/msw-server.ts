import { HttpResponse, http } from 'msw';
import { setupServer } from 'msw/node';

export const API_ORIGIN = 'http://pd-desk.test';

/**
 * msw stands in for the network only at the edges a component test needs (errors, slow answers);
 * real behaviour is covered by server tests and e2e against the real server.
 */
export const mswServer = setupServer();

type TrpcAnswer = { data: unknown } | { error: { message: string; code: string; httpStatus: number } };

/** Answers one tRPC procedure (batched link, single call) with data or a tRPC-shaped error. */
export function trpcHandler(procedure: string, answer: (input: unknown) => TrpcAnswer) {
  const respond = async ({ request }: { request: Request }) => {
    const url = new URL(request.url);
    const body = request.method === 'POST' ? ((await request.json()) as Record<string, unknown>) : null;
    const input = body ? body['0'] : JSON.parse(url.searchParams.get('input') ?? '{}')['0'];
    const result = answer(input);
    if ('error' in result) {
      const { message, code, httpStatus } = result.error;
      return HttpResponse.json(
        [{ error: { message, code: -32600, data: { code, httpStatus, path: procedure, zodIssues: null } } }],
        { status: httpStatus },
      );
    }
    return HttpResponse.json([{ result: { data: result.data } }]);
  };
  return [http.get(`${API_ORIGIN}/trpc/${procedure}`, respond), http.post(`${API_ORIGIN}/trpc/${procedure}`, respond)];
}

import { HttpResponse, http } from 'msw';
import { setupServer } from 'msw/node';

export const API_ORIGIN = 'http://pd-desk.test';

/**
 * msw stands in for the network only at the edges a component test needs (errors, slow answers);
 * real behaviour is covered by server tests and e2e against the real server.
 */
export const mswServer = setupServer();

type TrpcAnswer = { data: unknown } | { error: { message: string; code: string; httpStatus: number } };
type TrpcAnswers = Record<string, (input: unknown) => TrpcAnswer>;

/**
 * Answers tRPC procedures as the server does, batches included: httpBatchLink sends the queries a screen asks
 * for at once in one request («/trpc/cases.byId,users.list»). A request that names none of `answers` goes on
 * to the next handler; a batch procedure without an answer gets NOT_FOUND.
 */
export function trpcHandlers(answers: TrpcAnswers) {
  const respond = async ({ request, params }: { request: Request; params: Record<string, unknown> }) => {
    const names = String(params.procedures).split(',');
    if (!names.some((name) => name in answers)) return undefined;
    const url = new URL(request.url);
    const inputs = (
      request.method === 'POST' ? await request.json() : JSON.parse(url.searchParams.get('input') ?? '{}')
    ) as Record<string, unknown>;
    const answered = names.map(
      (name, i) =>
        answers[name]?.(inputs[String(i)]) ?? {
          error: { message: `no answer for ${name}`, code: 'NOT_FOUND', httpStatus: 404 },
        },
    );
    const results = answered.map((answer, i) => {
      if ('data' in answer) return { result: { data: answer.data } };
      const { message, code, httpStatus } = answer.error;
      return { error: { message, code: -32600, data: { code, httpStatus, path: names[i], zodIssues: null } } };
    });
    // As the server answers a batch: 200 when all succeeded, the error's status for a lone call, 207 for a mix.
    const failures = answered.flatMap((answer) => ('error' in answer ? [answer.error.httpStatus] : []));
    const status = failures.length === 0 ? 200 : names.length === 1 ? (failures[0] ?? 500) : 207;
    return HttpResponse.json(results, { status });
  };
  return [http.get(`${API_ORIGIN}/trpc/:procedures`, respond), http.post(`${API_ORIGIN}/trpc/:procedures`, respond)];
}

/** Answers one tRPC procedure with data or a tRPC-shaped error. */
export function trpcHandler(procedure: string, answer: (input: unknown) => TrpcAnswer) {
  return trpcHandlers({ [procedure]: answer });
}

import { DrizzleQueryError } from 'drizzle-orm/errors';

export type LoggedError = { type: string; message: string; stack: string; code?: string; cause?: LoggedError };

/**
 * An error as the server log may hold it. Drizzle puts a failed query's parameters (names, phones,
 * search text) into its message, and tRPC copies that message into its own error and stack; drivers add
 * row values in fields like PostgreSQL's `detail` ("Key (login)=(…) already exists"). So: the
 * parameters are cut out of every message and stack in the cause chain, and only type, message, stack
 * and SQLSTATE are kept. The SQL text stays: it names the failing statement and holds no values.
 */
export function logSafeError(error: Error): LoggedError {
  // chain[0] is the error itself; a cause cycle stops the walk.
  const chain: Error[] = [];
  for (let e: unknown = error; e instanceof Error && !chain.includes(e); e = e.cause) chain.push(e);
  const secrets = chain.flatMap((e) => (e instanceof DrizzleQueryError ? [`\nparams: ${e.params}`] : []));
  const scrub = (text: string) => secrets.reduce((t, secret) => t.split(secret).join(''), text);

  const describe = (e: Error, depth: number): LoggedError => {
    const code = (e as { code?: unknown }).code;
    const cause = chain[depth + 1];
    return {
      type: e.constructor.name,
      message: scrub(e.message),
      stack: scrub(e.stack ?? ''),
      ...(typeof code === 'string' ? { code } : {}),
      ...(cause ? { cause: describe(cause, depth + 1) } : {}),
    };
  };
  return describe(error, 0);
}

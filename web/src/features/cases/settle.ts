import { errorCode, isApiError } from '../../lib/trpc';

export type Settled<T> = { ok: true; data: T } | { ok: false; error: unknown; code: string | undefined };

/**
 * For look-ups whose failure belongs next to the field (a due date the calendar cannot give): the
 * answer carries the error, so the app-wide toast for failed queries stays quiet.
 */
export async function settle<T>(promise: Promise<T>): Promise<Settled<T>> {
  try {
    return { ok: true, data: await promise };
  } catch (error) {
    if (!isApiError(error)) throw error;
    // The error, not its text: the alert renders it in the language of the moment (ADR 0020).
    return { ok: false, error, code: errorCode(error) };
  }
}

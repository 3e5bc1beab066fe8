import { errorCode, isApiError } from '../../lib/trpc';

export type Settled<T> = { ok: true; data: T } | { ok: false; message: string; code: string | undefined };

/**
 * For look-ups whose failure belongs next to the field (a due date the calendar cannot give): the
 * answer carries the error, so the app-wide toast for failed queries stays quiet.
 */
export async function settle<T>(promise: Promise<T>): Promise<Settled<T>> {
  try {
    return { ok: true, data: await promise };
  } catch (error) {
    if (!isApiError(error)) throw error;
    return { ok: false, message: error.message, code: errorCode(error) };
  }
}

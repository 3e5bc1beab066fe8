import { TRPCError } from '@trpc/server';
import { DrizzleQueryError } from 'drizzle-orm/errors';
import { describe, expect, test } from 'vitest';
import { logSafeError } from './log-safe-error';

describe('logSafeError', () => {
  test('keeps the SQL, SQLSTATE and stack frames; drops parameters and row values along the cause chain', () => {
    const driverError = Object.assign(new Error('duplicate key value violates unique constraint "subjects_phone"'), {
      code: '23505',
      detail: 'Key (phone)=(+79120000000) already exists.',
    });
    const queryError = new DrizzleQueryError(
      'insert into "subjects" ("name", "phone") values ($1, $2)',
      ['Иванова Мария', '+79120000000'],
      driverError,
    );
    // What tRPC does with an unexpected error: copies its message into a TRPCError.
    const logged = logSafeError(new TRPCError({ code: 'INTERNAL_SERVER_ERROR', cause: queryError }));

    const text = JSON.stringify(logged);
    expect(text).not.toMatch(/Иванова|79120000000/);
    expect(logged).toMatchObject({
      type: 'TRPCError',
      message: 'Failed query: insert into "subjects" ("name", "phone") values ($1, $2)',
      cause: {
        type: 'DrizzleQueryError',
        stack: expect.stringMatching(/^Error: Failed query: insert .*\$2\)\n {4}at /),
        cause: { type: 'Error', code: '23505', message: driverError.message },
      },
    });
  });

  test('an error without query parameters is logged as it is', () => {
    const error = new Error('disk full');
    expect(logSafeError(error)).toEqual({ type: 'Error', message: 'disk full', stack: error.stack });
  });
});

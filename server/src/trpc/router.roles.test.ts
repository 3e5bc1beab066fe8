import { ROLES, type Role } from '@pd-desk/shared/auth/roles';
import type { TRPCError } from '@trpc/server';
import { beforeAll, describe, expect, test } from 'vitest';
import { type Caller, callerFor } from '../test/factories';
import { allProcedures, callByPath } from '../test/router-walk';
import { useTestDatabase } from '../test/test-db';
import { appRouter } from './router';

/** Every procedure is public on purpose and by name: adding one here is a security decision. */
// Sign-in steps: password, then a code or enrolment — each needs the one-use challenge from the step before.
const PUBLIC_PROCEDURES = ['auth.enrolConfirm', 'auth.enrolStart', 'auth.me', 'auth.signIn', 'auth.verifyCode'];

const procedures = await allProcedures(appRouter);
const protectedProcedures = procedures.flatMap((p) => (Array.isArray(p.roles) ? [{ ...p, roles: p.roles }] : []));

/**
 * Calls a procedure by path with `{}`: the role middleware runs before input parsing (procedureFor's
 * `.use()` precedes every `.input()`), and the assertions below accept only the exact role-check
 * error, so a BAD_REQUEST from input validation can never pass for a role check.
 */
const call = (caller: Caller, path: string) => callByPath(caller, path, {});

const ROLE_CHECK_FORBIDDEN = { code: 'FORBIDDEN', message: 'Недостаточно прав для этого действия' };

describe('appRouter roles', () => {
  const database = useTestDatabase();
  const callers = new Map<Role | 'anonymous', Caller>();

  beforeAll(async () => {
    callers.set('anonymous', await callerFor(database.db, null));
    for (const role of ROLES) callers.set(role, await callerFor(database.db, role));
  });

  const callAs = (who: Role | 'anonymous', path: string) => call(callers.get(who) as Caller, path);

  test('the walk finds the procedures of every router', () => {
    const namespaces = new Set(procedures.map((p) => p.path.split('.')[0]));
    expect([...namespaces]).toEqual(expect.arrayContaining(Object.keys(appRouter._def.record)));
    expect(procedures.length).toBeGreaterThanOrEqual(10);
  });

  test('every procedure declares meta.roles: "public" or a non-empty list of known roles', () => {
    const undeclared = procedures.filter(
      (p) =>
        p.roles !== 'public' &&
        !(Array.isArray(p.roles) && p.roles.length > 0 && p.roles.every((r) => ROLES.includes(r))),
    );
    expect(undeclared.map((p) => p.path)).toEqual([]);
  });

  test('only the allow-listed procedures are public', () => {
    expect(procedures.filter((p) => p.roles === 'public').map((p) => p.path)).toEqual(PUBLIC_PROCEDURES);
  });

  test.each(protectedProcedures)('$path: anonymous → UNAUTHORIZED', async ({ path }) => {
    await expect(callAs('anonymous', path)).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
  });

  test.each(protectedProcedures)('$path: roles outside $roles → FORBIDDEN', async ({ path, roles }) => {
    for (const role of ROLES.filter((r) => !roles.includes(r))) {
      await expect(callAs(role, path), role).rejects.toMatchObject(ROLE_CHECK_FORBIDDEN);
    }
  });

  test.each(protectedProcedures)('$path: roles in $roles pass the role check', async ({ path, roles }) => {
    for (const role of roles) {
      // Whatever `{}` leads to next (success, BAD_REQUEST, NOT_FOUND…), it is not a refusal by role.
      const outcome = await callAs(role, path).then(
        () => 'ok',
        (e: TRPCError) => `${e.code}: ${e.message}`,
      );
      expect(outcome, role).not.toMatch(/^UNAUTHORIZED|^FORBIDDEN: Недостаточно прав/);
    }
  });
});

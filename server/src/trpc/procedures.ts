import type { Role } from '@pd-desk/shared/auth/roles';
import { TRPCError } from '@trpc/server';
import type { Actor } from '../service-context';
import type { SessionUser } from './context';
import { baseProcedure } from './init';

/** Sign-in and health only: everything else must name its roles via `procedureFor`. */
export const publicProcedure = baseProcedure.meta({ roles: 'public' });

/**
 * The one way to build a protected procedure: roles are declared in meta (walked by a test) and
 * enforced here: anonymous → 401, wrong role → 403. The context gains a non-null user and an actor.
 */
export function procedureFor(roles: readonly Role[]) {
  return baseProcedure.meta({ roles }).use(({ ctx, next }) => {
    if (!ctx.user) throw new TRPCError({ code: 'UNAUTHORIZED', message: 'Требуется вход в систему' });
    if (!roles.includes(ctx.user.role)) {
      throw new TRPCError({ code: 'FORBIDDEN', message: 'Недостаточно прав для этого действия' });
    }
    const user: SessionUser = ctx.user;
    return next({ ctx: { ...ctx, user, actor: actorOf(user, ctx.ip) } });
  });
}

export function actorOf(user: SessionUser, ip: string | null): Actor {
  return { userId: user.id, login: user.login, role: user.role, ip };
}

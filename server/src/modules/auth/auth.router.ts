import { signInInput } from '@pd-desk/shared/auth/auth.schemas';
import { ALL_ROLES } from '@pd-desk/shared/auth/roles';
import { z } from 'zod';
import type { Context } from '../../trpc/context';
import { router } from '../../trpc/init';
import { procedureFor, publicProcedure } from '../../trpc/procedures';
import { signIn, signOut } from './auth.service';
import { SESSION_COOKIE } from './sessions';

export const authRouter = router({
  signIn: publicProcedure.input(signInInput).mutation(async ({ ctx, input }) => {
    const result = await signIn(ctx.db, ctx.config, input, { ip: ctx.ip, userAgent: ctx.userAgent });
    setSessionCookie(ctx, result.token, result.expiresAt);
    return result.user;
  }),

  /** Who am I: null when signed out, so the web can show the sign-in page without an error. */
  me: publicProcedure.query(({ ctx }) =>
    ctx.user
      ? {
          id: ctx.user.id,
          login: ctx.user.login,
          displayName: ctx.user.displayName,
          role: ctx.user.role,
          timeZone: ctx.config.timeZone,
        }
      : null,
  ),

  signOut: procedureFor(ALL_ROLES)
    .input(z.object({ everywhere: z.boolean().default(false) }))
    .mutation(async ({ ctx, input }) => {
      const ended = await signOut(ctx.db, ctx.actor, ctx.user.sessionId, input.everywhere);
      ctx.http?.res.clearCookie(SESSION_COOKIE, { path: '/' });
      return { sessionsEnded: ended };
    }),
});

function setSessionCookie(ctx: Context, token: string, expiresAt: Date) {
  ctx.http?.res.setCookie(SESSION_COOKIE, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'strict',
    secure: ctx.config.secureCookies,
    expires: expiresAt,
  });
}

import { challengeCodeInput, challengeInput, sessionIdInput, signInInput } from '@pd-desk/shared/auth/auth.schemas';
import { ALL_ROLES } from '@pd-desk/shared/auth/roles';
import { z } from 'zod';
import type { Context } from '../../trpc/context';
import { router } from '../../trpc/init';
import { procedureFor, publicProcedure } from '../../trpc/procedures';
import {
  type ClientInfo,
  confirmEnrolmentAtSignIn,
  endOwnSession,
  signIn,
  signOut,
  startEnrolmentAtSignIn,
  verifySecondFactor,
} from './auth.service';
import { listSessions, SESSION_COOKIE } from './sessions';
import { twoFactorRouter } from './two-factor.router';

const clientOf = (ctx: Context): ClientInfo => ({ ip: ctx.ip, userAgent: ctx.userAgent });

export const authRouter = router({
  /** Step one. Signed in at once, or a challenge for step two (a code, or enrolment when it is required). */
  signIn: publicProcedure.input(signInInput).mutation(async ({ ctx, input }) => {
    const step = await signIn(ctx.db, ctx.config, input, clientOf(ctx));
    if (step.status !== 'signed_in') return step;
    setSessionCookie(ctx, step.token, step.expiresAt);
    return { status: step.status, user: step.user };
  }),

  /** Step two: the code from the authenticator app or a recovery code. */
  verifyCode: publicProcedure.input(challengeCodeInput).mutation(async ({ ctx, input }) => {
    const result = await verifySecondFactor(ctx.db, ctx.config, input, clientOf(ctx));
    setSessionCookie(ctx, result.token, result.expiresAt);
    return { status: result.status, user: result.user };
  }),

  /** Enrolment owed at sign-in: the secret as a QR code and as text for manual entry. */
  enrolStart: publicProcedure
    .input(challengeInput)
    .mutation(({ ctx, input }) => startEnrolmentAtSignIn(ctx.db, input.challenge)),

  enrolConfirm: publicProcedure.input(challengeCodeInput).mutation(async ({ ctx, input }) => {
    const result = await confirmEnrolmentAtSignIn(ctx.db, ctx.config, input, clientOf(ctx));
    setSessionCookie(ctx, result.token, result.expiresAt);
    return { status: result.status, user: result.user, recoveryCodes: result.recoveryCodes };
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

  /** Where I am signed in: browser, address, since when, last activity; which one is this one. */
  sessions: procedureFor(ALL_ROLES).query(async ({ ctx }) => {
    const rows = await listSessions(ctx.db, ctx.config, ctx.user.id);
    return rows.map((row) => ({ ...row, current: row.id === ctx.user.sessionId }));
  }),

  endSession: procedureFor(ALL_ROLES)
    .input(sessionIdInput)
    .mutation(async ({ ctx, input }) => {
      await endOwnSession(ctx.db, ctx.actor, ctx.user.id, input.sessionId);
      if (input.sessionId === ctx.user.sessionId) ctx.http?.res.clearCookie(SESSION_COOKIE, { path: '/' });
      return { current: input.sessionId === ctx.user.sessionId };
    }),

  twoFactor: twoFactorRouter,
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

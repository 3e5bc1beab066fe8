/// <reference types="@fastify/cookie" />
import type { Role } from '@pd-desk/shared/auth/roles';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { type Clock, systemClock } from '../clock';
import type { Db } from '../db/client';
import type { Config } from '../env';

export type SessionUser = { id: number; login: string; displayName: string; role: Role; sessionId: string };

/** Everything a procedure may use; tests build it directly with createContextInner (no HTTP). */
export type Context = {
  db: Db;
  config: Config;
  /** The operator's zone and the time; tests may pass a fixed one. */
  clock: Clock;
  user: SessionUser | null;
  ip: string | null;
  userAgent: string | null;
  /** Cookie plumbing for sign-in/out; absent when called without HTTP (tests, CLI). */
  http: { req: FastifyRequest; res: FastifyReply } | null;
};

export function createContextInner(input: Partial<Context> & Pick<Context, 'db' | 'config'>): Context {
  return { user: null, ip: null, userAgent: null, http: null, clock: systemClock(input.config.timeZone), ...input };
}

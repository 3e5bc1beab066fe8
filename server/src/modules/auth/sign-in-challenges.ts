import { randomBytes } from 'node:crypto';
import { msg } from '@pd-desk/shared/messages/catalogue';
import { and, eq, gt, lt } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client';
import { type CHALLENGE_PURPOSES, signInChallenges } from '../../db/schema/users';
import { DomainError } from '../../errors';
import { hashToken } from './sessions';

export type ChallengePurpose = (typeof CHALLENGE_PURPOSES)[number];

/** Long enough to type a code or scan a QR code, short enough that a stolen token is soon worthless. */
export const CHALLENGE_MINUTES = 5;

export async function createChallenge(
  db: Db,
  userId: number,
  purpose: ChallengePurpose,
  client: { ip: string | null; userAgent: string | null },
  now = new Date(),
): Promise<{ challenge: string; expiresAt: Date }> {
  const challenge = randomBytes(32).toString('base64url');
  const expiresAt = new Date(now.getTime() + CHALLENGE_MINUTES * 60_000);
  await db.delete(signInChallenges).where(lt(signInChallenges.expiresAt, now));
  await db.insert(signInChallenges).values({
    id: hashToken(challenge),
    userId,
    purpose,
    expiresAt,
    ip: client.ip,
    userAgent: client.userAgent?.slice(0, 300) ?? null,
  });
  return { challenge, expiresAt };
}

/** The user a live challenge of that purpose belongs to; an unknown, expired or other-purpose token is refused. */
export async function challengeUser(db: Db, challenge: string, purpose: ChallengePurpose, now = new Date()) {
  const [row] = await db
    .select({ userId: signInChallenges.userId })
    .from(signInChallenges)
    .where(
      and(
        eq(signInChallenges.id, hashToken(challenge)),
        eq(signInChallenges.purpose, purpose),
        gt(signInChallenges.expiresAt, now),
      ),
    );
  if (!row) throw expired();
  return row.userId;
}

/**
 * One use only, inside the transaction that creates the session: of two parallel requests with the same
 * token, the second finds nothing to delete and is refused.
 */
export async function spendChallenge(tx: Tx, challenge: string): Promise<void> {
  const spent = await tx
    .delete(signInChallenges)
    .where(eq(signInChallenges.id, hashToken(challenge)))
    .returning({ id: signInChallenges.id });
  if (spent.length === 0) throw expired();
}

const expired = () => new DomainError('UNAUTHORIZED', msg('auth.challengeExpired'), 'challenge_expired');

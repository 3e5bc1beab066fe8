import { hash, verify } from '@node-rs/argon2';

// argon2id with OWASP's second recommended profile (19 MiB, t=2): ~30 ms here, strong enough
// for an internal tool and cheap enough that sign-in stays instant. @node-rs/argon2 ships
// prebuilt binaries through npm, so nothing is compiled or downloaded at install time.
const OPTIONS = { algorithm: 2 /* Argon2id */, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

/** Verified against when the login is unknown, so response time does not reveal which logins exist. */
export const DUMMY_HASH = await hashPassword('pd-desk-timing-equaliser');

import { ROLES } from '@pd-desk/shared/auth/roles';
import { index, integer, pgTable, text, timestamp, unique } from 'drizzle-orm/pg-core';

export const users = pgTable('users', {
  id: integer().primaryKey().generatedAlwaysAsIdentity(),
  login: text().notNull().unique(),
  displayName: text().notNull(),
  role: text({ enum: ROLES }).notNull(),
  passwordHash: text().notNull(),
  disabledAt: timestamp({ withTimezone: true }),
  /**
   * Two-factor sign-in (TOTP): the base32 secret, its time step last accepted (a code works once) and a
   * secret being enrolled. Never selected into a DTO: only auth/two-factor code reads them.
   */
  totpSecret: text(),
  totpPendingSecret: text(),
  totpEnabledAt: timestamp({ withTimezone: true }),
  totpLastStep: integer(),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

export const sessions = pgTable(
  'sessions',
  {
    /** SHA-256 of the cookie token: a leaked database does not hand out live sessions. */
    id: text().primaryKey(),
    userId: integer()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    lastSeenAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    ip: text(),
    userAgent: text(),
  },
  (t) => [index().on(t.userId)],
);

/** Failed sign-in counters, kept in the database so every server instance sees the same lockouts. */
export const loginThrottle = pgTable('login_throttle', {
  key: text().primaryKey(),
  failures: integer().notNull().default(0),
  windowStartedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  lockedUntil: timestamp({ withTimezone: true }),
});

/** One-time recovery codes for a lost authenticator: only SHA-256 of each code is kept. */
export const recoveryCodes = pgTable(
  'recovery_codes',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    userId: integer()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    codeHash: text().notNull(),
    usedAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique().on(t.userId, t.codeHash)],
);

export const CHALLENGE_PURPOSES = ['verify', 'enrol'] as const;

/**
 * A password accepted, a second factor still owed: the browser holds a random token (the table keeps its
 * SHA-256) for a few minutes, to either enter a code ('verify') or set up an authenticator ('enrol').
 */
export const signInChallenges = pgTable(
  'sign_in_challenges',
  {
    id: text().primaryKey(),
    userId: integer()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    purpose: text({ enum: CHALLENGE_PURPOSES }).notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    ip: text(),
    userAgent: text(),
  },
  (t) => [index().on(t.userId)],
);

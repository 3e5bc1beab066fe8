import { jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/** Operator-wide settings (letterhead, numbering formats): small, typed by the module that owns each key. */
export const settings = pgTable('settings', {
  key: text().primaryKey(),
  value: jsonb().notNull(),
  updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

import { boolean, integer, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { users } from './users';

/**
 * Production-calendar years an admin imported or edited. A row replaces the bundled year of the
 * same number (shared/src/calendar/data); years without a row use the bundled file.
 */
export const calendarYears = pgTable('calendar_years', {
  year: integer().primaryKey(),
  verified: boolean().notNull(),
  statusNote: text(),
  source: text().notNull(),
  holidays: jsonb().$type<string[]>().notNull(),
  workingWeekends: jsonb().$type<string[]>().notNull(),
  shortened: jsonb().$type<string[]>().notNull(),
  importedById: integer().references(() => users.id),
  importedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  verifiedById: integer().references(() => users.id),
  verifiedAt: timestamp({ withTimezone: true }),
});

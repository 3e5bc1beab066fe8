// The staging table of an import: valid rows go there by COPY as the file is read, and leave it for the registry in
// a few set-based statements (import-merge.ts). COPY is the database's own bulk path: no parameters to bind, no
// array literals to escape, one message per chunk of text instead of a statement per batch (ADR 0022).
//
// The table is TEMPORARY: never WAL-logged (like UNLOGGED), private to the import's connection (two imports do not
// collide), and gone with the connection if the process dies mid-way.

import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { DatabaseSession } from '../../db/client';
import { copyFrom } from '../../db/copy';
import type { StagedRow } from './import-rows';

/** The columns of a staged line, in order. */
const STAGING_COLUMNS = `line integer not null, external_id text not null, last_name text not null,
  first_name text not null, middle_name text, birth_date date not null, category text not null,
  last_stem text not null, first_stem text not null, middle_stem text,
  phone_raw text, phone_digits text, phone_reversed text, email_raw text, email_normalised text`;

/** Memory for temporary tables of the import's session: the staging rows of about a million subjects. */
const TEMP_BUFFERS = '256MB';

/** Creates an empty staging table; returns its name. */
export async function createStaging(session: DatabaseSession): Promise<string> {
  const table = `subject_import_${randomBytes(6).toString('hex')}`;
  // Temporary tables live in the session's own buffers (8 MB by default) and spill to files beyond them; PGlite's
  // files go through its emulated file system. A larger pool keeps a large import's staging rows in memory. It can
  // only be set before the session first touches a temporary table, hence the savepoint-free try.
  await session.db.execute(sql.raw(`set temp_buffers = '${TEMP_BUFFERS}'`)).catch(() => {});
  await session.db.execute(sql.raw(`create temporary table ${table} (${STAGING_COLUMNS})`));
  return table;
}

/** Streams COPY text (copyLine's lines as UTF-8, whole lines per piece) into the staging table as it comes. */
export async function stageText(session: DatabaseSession, table: string, text: AsyncIterable<Buffer>) {
  await copyFrom(session, table, text);
}

export async function dropStaging(session: DatabaseSession, table: string): Promise<void> {
  await session.db.execute(sql.raw(`drop table if exists ${table}`));
}

/** A row in COPY's text format: tab-separated, \N for null, backslash escapes for the four special characters. */
export function copyLine(r: StagedRow): string {
  return `${r.line}\t${copyValue(r.externalId)}\t${copyValue(r.lastName)}\t${copyValue(r.firstName)}\t${copyValue(r.middleName)}\t${
    r.birthDate
  }\t${r.category}\t${copyValue(r.lastStem)}\t${copyValue(r.firstStem)}\t${copyValue(r.middleStem)}\t${copyValue(r.phone?.raw)}\t${copyValue(
    r.phone?.digits,
  )}\t${copyValue(r.phone?.digitsReversed)}\t${copyValue(r.email?.raw)}\t${copyValue(r.email?.normalised)}\n`;
}

const SPECIAL = /[\\\t\n\r]/;
const ESCAPES: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };

/** A value in COPY's text format. */
export function copyValue(value: string | null | undefined): string {
  if (value == null) return '\\N';
  return SPECIAL.test(value) ? value.replace(/[\\\t\n\r]/g, (c) => ESCAPES[c] ?? c) : value;
}

// The staging table of an import: valid rows go there by COPY as the file is read, and leave it for the registry in
// a few set-based statements (import-merge.ts). COPY is the database's own bulk path: no parameters to bind, no
// array literals to escape, one message per chunk of text instead of a statement per batch (ADR 0022).
//
// The table is TEMPORARY: never WAL-logged (like UNLOGGED), private to the import's connection (two imports do not
// collide), and gone with the connection if the process dies mid-way.

import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { sql } from 'drizzle-orm';
import { from as copyFrom } from 'pg-copy-streams';
import type { DatabaseSession } from '../../db/client';
import type { StagedRow } from './import-rows';

/** The columns COPY fills, in the order of a staged line. */
const STAGING_COLUMNS = `line integer not null, external_id text not null, last_name text not null,
  first_name text not null, middle_name text, birth_date date not null, category text not null,
  last_stem text not null, first_stem text not null, middle_stem text,
  phone_raw text, phone_digits text, phone_reversed text, email_raw text, email_normalised text`;

/** PGlite takes COPY input as one blob: a few megabytes per COPY keeps memory flat and the calls few. */
const PGLITE_COPY_CHARS = 4 << 20;

export type Staging = {
  /** Quoted identifier of the temporary table. */
  readonly table: string;
  append(row: StagedRow): Promise<void>;
  /** Sends what is buffered; the table then holds every appended row. */
  finish(): Promise<void>;
};

export async function createStaging(session: DatabaseSession): Promise<Staging> {
  const table = `subject_import_${randomBytes(6).toString('hex')}`;
  await session.db.execute(sql.raw(`create temporary table ${table} (${STAGING_COLUMNS})`));
  const copy = `copy ${table} from ${session.kind === 'pglite' ? `'/dev/blob'` : 'stdin'}`;
  return session.kind === 'pglite' ? pgliteStaging(session.pglite, table, copy) : postgresStaging(session.client, table, copy);
}

export async function dropStaging(session: DatabaseSession, staging: Staging): Promise<void> {
  await session.db.execute(sql.raw(`drop table if exists ${staging.table}`));
}

function pgliteStaging(
  pglite: Extract<DatabaseSession, { kind: 'pglite' }>['pglite'],
  table: string,
  copy: string,
): Staging {
  let lines: string[] = [];
  let chars = 0;
  const flush = async () => {
    if (lines.length === 0) return;
    const blob = new Blob(lines);
    lines = [];
    chars = 0;
    await pglite.query(copy, [], { blob });
  };
  return {
    table,
    async append(row) {
      const line = copyLine(row);
      lines.push(line);
      chars += line.length;
      if (chars >= PGLITE_COPY_CHARS) await flush();
    },
    finish: flush,
  };
}

/** One COPY … FROM STDIN for the whole file; writes wait while the socket is full, so memory stays flat. */
function postgresStaging(
  client: Extract<DatabaseSession, { kind: 'postgres' }>['client'],
  table: string,
  copy: string,
): Staging {
  const stream = client.query(copyFrom(copy));
  let failure: Error | null = null;
  stream.on('error', (error: Error) => {
    failure = error;
  });
  let pending = '';
  const write = async (text: string) => {
    if (failure) throw failure;
    if (!stream.write(text)) await once(stream, 'drain');
  };
  return {
    table,
    async append(row) {
      pending += copyLine(row);
      // Strings of ~64 KB: fewer writes than one per row, no large buffer either.
      if (pending.length >= 1 << 16) {
        const text = pending;
        pending = '';
        await write(text);
      }
    },
    async finish() {
      if (pending) await write(pending);
      pending = '';
      stream.end();
      await once(stream, 'finish');
      if (failure) throw failure;
    },
  };
}

/** A row in COPY's text format: tab-separated, \N for null, backslash escapes for the four special characters. */
export function copyLine(r: StagedRow): string {
  return `${r.line}\t${text(r.externalId)}\t${text(r.lastName)}\t${text(r.firstName)}\t${text(r.middleName)}\t${
    r.birthDate
  }\t${r.category}\t${text(r.lastStem)}\t${text(r.firstStem)}\t${text(r.middleStem)}\t${text(r.phone?.raw)}\t${text(
    r.phone?.digits,
  )}\t${text(r.phone?.digitsReversed)}\t${text(r.email?.raw)}\t${text(r.email?.normalised)}\n`;
}

const SPECIAL = /[\\\t\n\r]/;
const ESCAPES: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };

function text(value: string | null | undefined): string {
  if (value == null) return '\\N';
  return SPECIAL.test(value) ? value.replace(/[\\\t\n\r]/g, (c) => ESCAPES[c] ?? c) : value;
}

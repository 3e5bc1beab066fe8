import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import { migrate } from 'drizzle-orm/pglite/migrator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pgliteExtensions } from '../../db/client';
import { migrationsFolder, runMigrations } from '../../db/migrate';
import { caseAttachments } from '../../db/schema/cases';
import { pgliteHandle } from '../../test/template';
import { testTempDir } from '../../test/test-db';
import { selectRows } from '../subjects/sql-arrays';
import { FileStore } from './file-store';
import { moveLegacyAttachmentContents } from './legacy-contents';

/** The migrations as they were before the file store (0000–0006), to build a database of that age. */
function migrationsBeforeFileStore(): string {
  const folder = testTempDir('migrations-0006');
  fs.cpSync(migrationsFolder, folder, { recursive: true });
  const journalFile = path.join(folder, 'meta', '_journal.json');
  const journal = JSON.parse(fs.readFileSync(journalFile, 'utf8'));
  journal.entries = journal.entries.filter((e: { tag: string }) => e.tag < '0007');
  fs.writeFileSync(journalFile, JSON.stringify(journal));
  return folder;
}

describe('migration 0007: attachment bytes leave the database', () => {
  let client: PGlite;
  beforeAll(async () => {
    client = await PGlite.create({ extensions: pgliteExtensions });
  });
  afterAll(async () => {
    await client?.close();
  });

  it('moves every legacy bytea into the store, drops the column and the holding table, loses nothing', async () => {
    const handle = pgliteHandle(client, 'memory');
    const db = handle.db;
    // biome-ignore lint/suspicious/noExplicitAny: the migrator wants its driver's concrete type
    await migrate(db as any, { migrationsFolder: migrationsBeforeFileStore() });
    // Plain SQL: the schema of today has columns (cases.subject_names, 0015) a database at 0007 does not.
    const [legacyCase] = await selectRows<{ id: number }>(
      db,
      sql`insert into cases (incoming_number, type, rule, channel, requester_kind, requester_name, received_on,
            registered_on, due_on, due_provisional)
          values ('ВХ-2025-0001', 'access', 'access', 'post', 'subject', 'Иванова Мария Петровна', '2025-10-01',
            '2025-10-01', '2025-10-15', false)
          returning id`,
    );
    const contents = [Buffer.concat([Buffer.from('%PDF-1.4\n'), randomBytes(300_000)]), Buffer.from('%PDF-1.4 small')];
    for (const [i, content] of contents.entries()) {
      const sha256 = createHash('sha256').update(content).digest('hex');
      await db.execute(sql`insert into case_attachments (case_id, file_name, mime_type, size_bytes, sha256, content)
        values (${legacyCase?.id}, ${`скан-${i}.pdf`}, 'application/pdf', ${content.length}, ${sha256}, ${content})`);
    }

    await runMigrations(handle);
    const store = new FileStore(testTempDir('files'));
    expect(await moveLegacyAttachmentContents(db, store)).toBe(2);

    const rows = await db
      .select({ fileName: caseAttachments.fileName, sha256: caseAttachments.sha256, size: caseAttachments.sizeBytes })
      .from(caseAttachments)
      .orderBy(caseAttachments.id);
    expect(rows.map((r) => r.fileName)).toEqual(['скан-0.pdf', 'скан-1.pdf']);
    for (const [i, row] of rows.entries()) {
      expect(fs.readFileSync(store.pathOf(row.sha256))).toEqual(contents[i]);
      expect(row.size).toBe(contents[i]?.length);
    }
    const leftovers = await client.query<{ column: string | null; holding: string | null }>(
      `select (select column_name from information_schema.columns
                where table_name = 'case_attachments' and column_name = 'content') as column,
              to_regclass('legacy_attachment_contents')::text as holding`,
    );
    expect(leftovers.rows).toEqual([{ column: null, holding: null }]);
    // Every later start runs it again: nothing left to do.
    expect(await moveLegacyAttachmentContents(db, store)).toBe(0);
  });
});

import { eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { caseAttachments } from '../../db/schema/cases';
import type { FileStore } from './file-store';

const BATCH = 20;

/**
 * Finishes migration 0007: attachment bytes that lived in the database wait in
 * `legacy_attachment_contents`; each goes to the store (durable first), then its holding row is deleted
 * in the same transaction that points the attachment at the stored file. The empty table is dropped.
 * Runs before the server listens and before every CLI command; a no-op once the table is gone.
 */
export async function moveLegacyAttachmentContents(db: Db, store: FileStore): Promise<number> {
  const present = rowsOf<{ present: boolean }>(
    await db.execute(sql`select to_regclass('legacy_attachment_contents') is not null as present`),
  );
  if (!present[0]?.present) return 0;
  let moved = 0;
  for (;;) {
    const rows = rowsOf<{ attachment_id: number | string; content: Uint8Array }>(
      await db.execute(
        sql`select attachment_id, content from legacy_attachment_contents order by attachment_id limit ${BATCH}`,
      ),
    );
    if (rows.length === 0) break;
    for (const row of rows) {
      const id = Number(row.attachment_id);
      const file = await store.putFile(row.content);
      await db.transaction(async (tx) => {
        await tx
          .update(caseAttachments)
          .set({ sha256: file.sha256, sizeBytes: file.size })
          .where(eq(caseAttachments.id, id));
        await tx.execute(sql`delete from legacy_attachment_contents where attachment_id = ${id}`);
      });
      moved++;
    }
  }
  await db.execute(sql`drop table if exists legacy_attachment_contents`);
  return moved;
}

/** Both drivers answer a raw statement with `{ rows }`; the shared Db type does not say so. */
const rowsOf = <T>(result: unknown): T[] => (result as { rows: T[] }).rows;

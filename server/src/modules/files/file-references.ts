import { inArray } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { Db } from '../../db/client';
import { breachAttachments } from '../../db/schema/breaches';
import { caseAttachments } from '../../db/schema/cases';

/**
 * Every column that names a file in the store. The orphan clean-up keeps a file while any of them
 * references it: a feature that stores files (mail-desk scans, generated documents) adds its column here.
 */
const FILE_REFERENCES: ReadonlyArray<{ table: PgTable; sha256: PgColumn }> = [
  { table: caseAttachments, sha256: caseAttachments.sha256 },
  { table: breachAttachments, sha256: breachAttachments.sha256 },
];

export async function referencedFiles(db: Db, sha256s: readonly string[]): Promise<Set<string>> {
  const found = new Set<string>();
  if (sha256s.length === 0) return found;
  for (const reference of FILE_REFERENCES) {
    const rows = await db
      .selectDistinct({ sha256: reference.sha256 })
      .from(reference.table)
      .where(inArray(reference.sha256, [...sha256s]));
    for (const row of rows) found.add(String(row.sha256));
  }
  return found;
}

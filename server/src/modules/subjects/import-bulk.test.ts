// The bulk path of the import (ADR 0027): a first load of at least 50 000 rows drops the plain indexes and the unique
// and foreign keys of the subject tables, merges, and adds them back. Forced here for a small file, so that the
// path runs in seconds: the outcome, the rows and the audit trail must be those of the row-checked merge, and every
// constraint must be back.
import { IMPORT_CSV_HEADER, toImportCsvLine } from '@pd-desk/shared/demo/demo-csv';
import { generateSubjects } from '@pd-desk/shared/demo/demo-subjects';
import { sql } from 'drizzle-orm';
import { describe, expect, it, vi } from 'vitest';
import { auditEntries, serviceContext } from '../../test/factories';
import { useTestDatabase } from '../../test/test-db';
import { importSubjects } from './import.service';
import { selectRows } from './sql-arrays';

vi.mock('./bulk-write', async (importOriginal) => ({
  ...(await importOriginal<typeof import('./bulk-write')>()),
  rebuildsIndexes: async () => true,
}));

const database = useTestDatabase('test');

function run(text: string) {
  return importSubjects(serviceContext(database.db), () => [text], { fileName: 'bulk.csv', skipInvalid: false });
}

const constraints = () =>
  selectRows<{ name: string; definition: string }>(
    database.db,
    sql`select conname as name, pg_get_constraintdef(oid) as definition from pg_constraint
        where conrelid::regclass::text in ('subjects', 'subject_phones', 'subject_emails') order by conname`,
  );
const indexes = () =>
  selectRows<{ name: string }>(
    database.db,
    sql`select indexname as name from pg_indexes
        where tablename in ('subjects', 'subject_phones', 'subject_emails') order by indexname`,
  );
const contacts = () =>
  selectRows<{ phones: number; emails: number }>(
    database.db,
    sql`select (select count(*)::int from subject_phones) as phones, (select count(*)::int from subject_emails) as emails`,
  );

describe('subject import, bulk path (keys checked once per table)', () => {
  it('writes what the row-checked merge writes, skips contacts a subject has, and puts every key back', async () => {
    const keysBefore = await constraints();
    const indexesBefore = await indexes();
    expect(keysBefore.map((c) => c.name)).toEqual(
      expect.arrayContaining(['subjects_externalId_unique', 'subject_phones_subject_id_subjects_id_fk']),
    );
    const demo = [...generateSubjects({ seed: 5, count: 200 })];
    const text = [IMPORT_CSV_HEADER, ...demo.map(toImportCsvLine)].join('\r\n');
    expect(await run(text)).toMatchObject({ created: 200, updated: 0, unchanged: 0 });
    const loaded = await contacts();
    expect(await run(text)).toMatchObject({ created: 0, updated: 0, unchanged: 200 });
    expect(await contacts()).toEqual(loaded);

    // An existing subject gains an e-mail (its phone is the same): one masked update entry naming the contact.
    const first = demo.find((s) => s.phone !== null && s.email === null);
    if (!first) throw new Error('no demo subject with a phone and no e-mail');
    const changed = text.replace(toImportCsvLine(first), toImportCsvLine({ ...first, email: 'new.one@example.ru' }));
    expect(await run(changed)).toMatchObject({ created: 0, updated: 1, unchanged: 199 });
    expect(await contacts()).toEqual([{ ...loaded[0], emails: (loaded[0]?.emails ?? 0) + 1 }]);
    const [entry] = await auditEntries(database.db, 'subject.update');
    expect(entry?.details).toEqual({ source: 'import', contactsAdded: ['email'] });

    expect(await constraints()).toEqual(keysBefore);
    expect(await indexes()).toEqual(indexesBefore);
    // The keys hold again: a second phone row equal to an existing one is refused by the database.
    await expect(
      database.db.execute(sql`insert into subject_phones (subject_id, raw, digits, digits_reversed)
        select subject_id, raw, digits, digits_reversed from subject_phones limit 1`),
    ).rejects.toThrow();
  });
});

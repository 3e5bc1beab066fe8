// The straight path of the import (ADR 0031): into an empty registry the rows are COPYd into the registry tables with
// ids given in file order, the keys and plain indexes dropped and put back. A rejected file leaves everything as it
// was; the identities continue after the imported ids; every key holds again afterwards.
import { IMPORT_CSV_HEADER, toImportCsvLine } from '@pd-desk/shared/demo/demo-csv';
import { generateSubjects } from '@pd-desk/shared/demo/demo-subjects';
import { sql } from 'drizzle-orm';
import { describe, expect, it, vi } from 'vitest';
import { auditEntries, serviceContext } from '../../test/factories';
import { useTestDatabase } from '../../test/test-db';
import { importSubjects } from './import.service';
import { selectRows } from './sql-arrays';

// The straight path is taken for large files (≥ 4 M characters); forced here for a small one, to run in seconds.
// The subjects go in COPYs of ~8 MB with the contacts read so far between them; here of ~1 000 bytes.
const subjectPieces = vi.hoisted(() => ({ count: 0 }));
vi.mock('./import-registry', async (importOriginal) => {
  const original = await importOriginal<typeof import('./import-registry')>();
  return {
    ...original,
    worthGoingStraight: () => true,
    copyIntoRegistry: (...[session, read, text]: Parameters<typeof original.copyIntoRegistry>) =>
      original.copyIntoRegistry(session, read, counted(text), 1_000),
  };
});

async function* counted(text: AsyncIterable<Buffer>) {
  for await (const piece of text) {
    subjectPieces.count++;
    yield piece;
  }
}

const database = useTestDatabase('test');

/** The file in chunks of 20 lines, as a stream gives it in pieces. */
function run(text: string, skipInvalid = false) {
  const chunks = text.match(/(?:[^\n]*\n){1,20}|[^\n]+$/g) ?? [];
  return importSubjects(serviceContext(database.db), () => chunks, { fileName: 'first.csv', skipInvalid });
}

const schemaShape = async () => ({
  constraints: await selectRows<{ name: string; definition: string }>(
    database.db,
    sql`select conname as name, pg_get_constraintdef(oid) as definition from pg_constraint
        where conrelid::regclass::text in ('subjects', 'subject_phones', 'subject_emails') order by conname`,
  ),
  indexes: await selectRows<{ definition: string }>(
    database.db,
    sql`select indexdef as definition from pg_indexes
        where tablename in ('subjects', 'subject_phones', 'subject_emails', 'subject_addresses', 'subject_former_names')
        order by indexname`,
  ),
  // The definitions above leave out a collation that is the column's: a rebuilt index must sort as the migrated one.
  collations: await selectRows<{ index: string; collations: string }>(
    database.db,
    sql`select x.indexrelid::regclass::text as index,
               array_to_string(array(select coalesce(c.collname::text, '-')
                 from unnest(x.indcollation::oid[]) with ordinality u(oid, n)
                 left join pg_collation c on c.oid = u.oid order by u.n), ',') as collations
        from pg_index x where x.indrelid::regclass::text in ('subjects', 'subject_phones', 'subject_emails')
        order by 1`,
  ),
});

const subjectIds = () =>
  selectRows<{ id: number; external_id: string }>(
    database.db,
    sql`select id::int as id, external_id from subjects order by id`,
  );

describe('subject import into an empty registry (straight into the registry tables)', () => {
  it('rolls a rejected file back whole, gives ids in file order, and leaves keys and identities working', async () => {
    const shape = await schemaShape();
    expect(shape.collations).toContainEqual({ index: 'subject_phones_subject_digits', collations: '-,C' });
    const demo = [...generateSubjects({ seed: 11, count: 120 })];
    const lines = demo.map(toImportCsvLine);
    const bad = [...lines];
    bad[60] = bad[60]?.replace(/,[^,]*$/, ',nobody') ?? '';

    const rejected = await run([IMPORT_CSV_HEADER, ...bad].join('\r\n'));
    expect(rejected).toMatchObject({ status: 'rejected', invalidRows: 1, created: 0 });
    expect(rejected.problems).toEqual([expect.objectContaining({ line: 62, field: 'category' })]);
    expect(await subjectIds()).toEqual([]);
    expect(await schemaShape()).toEqual(shape);
    expect(await auditEntries(database.db, 'subject.import')).toEqual([]);

    // Skipping the bad row: the others get consecutive ids in the order of the file.
    subjectPieces.count = 0;
    expect(await run([IMPORT_CSV_HEADER, ...bad].join('\r\n'), true)).toMatchObject({ status: 'done', created: 119 });
    expect(subjectPieces.count).toBeGreaterThan(3); // so several COPYs of ~1 000 bytes, contacts between them
    const ids = await subjectIds();
    const first = ids[0]?.id ?? 0;
    expect(ids).toEqual(demo.filter((_, i) => i !== 60).map((s, i) => ({ id: first + i, external_id: s.externalId })));
    expect(await schemaShape()).toEqual(shape);
    expect(await auditEntries(database.db, 'subject.import')).toHaveLength(1);

    // Every contact belongs to the subject of its own line.
    const owners = await selectRows<{ external_id: string; digits: string }>(
      database.db,
      sql`select s.external_id, p.digits from subject_phones p join subjects s on s.id = p.subject_id`,
    );
    const withPhone = demo.filter((s, i) => i !== 60 && s.phone !== null);
    expect(owners.map((o) => o.external_id).sort()).toEqual(withPhone.map((s) => s.externalId).sort());

    // The identities continue after the imported ids, and the keys hold again.
    const [added] = await selectRows<{ id: number }>(
      database.db,
      sql`insert into subjects (last_name, first_name, category, last_stem, first_stem)
          values ('Новая', 'Запись', 'patient', 'нов', 'запис') returning id::int as id`,
    );
    expect(added?.id).toBe(first + 119);
    await database.db.execute(sql`insert into subject_phones (subject_id, raw, digits, digits_reversed)
      values (${added?.id}, '+7 900 000-00-00', '79000000000', '00000000097')`);
    await database.db.execute(sql`insert into subject_emails (subject_id, raw, normalised)
      values (${added?.id}, 'new@example.ru', 'new@example.ru')`);
    await expect(
      database.db.execute(sql`insert into subject_phones (subject_id, raw, digits, digits_reversed)
        select subject_id, raw, digits, digits_reversed from subject_phones limit 1`),
    ).rejects.toThrow();
    await expect(
      database.db.execute(sql`insert into subjects (external_id, last_name, first_name, category, last_stem, first_stem)
        values (${demo[0]?.externalId}, 'Дубль', 'Дубль', 'patient', 'дубл', 'дубл')`),
    ).rejects.toThrow();

    // A second import of the same file finds the registry filled: the merge by external_id changes nothing.
    expect(await run([IMPORT_CSV_HEADER, ...lines].join('\r\n'))).toMatchObject({ created: 1, unchanged: 119 });
  });
});

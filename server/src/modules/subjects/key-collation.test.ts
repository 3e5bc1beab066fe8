// The equality keys of the registry (external id, phone digits, normalised e-mail) are text in the "C" collation
// (ADR 0033): their indexes sort bytes, which makes building them after a large import cheaper. Each lookup the
// application makes on them must still be able to use its index — an index in one collation serves a comparison only
// in the same collation, and a parameter or a staging column in the database's collation must not turn it off.
// The exact phone is looked up by its reversed digits (ADR 0035): that column's index serves the trailing fragment
// too, and there is no second index on the digits to build after an import.
import { type SQL, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { Tx } from '../../db/client';
import { useTestDatabase } from '../../test/test-db';
import { type Contact, contactLookup } from '../integrations/contact';
import { phoneIsAnyOf } from './search-index';
import { list, selectRows } from './sql-arrays';

const database = useTestDatabase('test');

/** The plan of `query` with sequential scans priced out: which index, if any, can answer it. */
async function planOf(tx: Tx, query: SQL): Promise<string> {
  const rows = await selectRows<Record<string, string>>(tx, sql`explain (costs off) ${query}`);
  return rows.map((r) => Object.values(r)[0]).join('\n');
}

/** The API's lookup of one contact, its key bound as a plain parameter (integrations/contact.ts). */
function byContact(contact: Contact): SQL {
  const { table, column, key } = contactLookup(contact);
  return sql`select c.subject_id from ${table} where ${column} = ${key}`;
}

describe('equality keys in the "C" collation', () => {
  it('are declared so, and every lookup on them still uses its index', async () => {
    const columns = await selectRows<{ column: string; collation: string | null }>(
      database.db,
      sql`select table_name || '.' || column_name as column, collation_name as collation
          from information_schema.columns
          where (table_name, column_name) in (('subjects', 'external_id'), ('subject_phones', 'digits'),
                                              ('subject_emails', 'normalised'))
          order by 1`,
    );
    expect(columns).toEqual([
      { column: 'subject_emails.normalised', collation: 'C' },
      { column: 'subject_phones.digits', collation: 'C' },
      { column: 'subjects.external_id', collation: 'C' },
    ]);

    // Each lookup on these keys the application makes, and the index that must be able to answer it.
    const lookups: [SQL, string][] = [
      // Search probes and breach matching: = any of a text[] parameter (the database's collation).
      [
        sql`select subject_id from subject_phones where ${phoneIsAnyOf(['79001234567'])}`,
        'subject_phones_digits_reversed',
      ],
      [
        sql`select subject_id from subject_emails where normalised = any(${list(['a@b.ru'])}::text[])`,
        'subject_emails_normalised',
      ],
      [
        sql`select id from subjects where external_id = any(${list(['DEMO-0000001'])}::text[])`,
        'subjects_externalId_unique',
      ],
      // Integrations: one contact bound as a plain parameter, as the API's lookups build it.
      [byContact({ kind: 'phone', value: '79001234567' }), 'subject_phones_digits_reversed'],
      [byContact({ kind: 'email', value: 'a@b.ru' }), 'subject_emails_normalised'],
      // Merge candidates: the subject's phones joined to everyone else's.
      [
        sql`select p2.subject_id from subject_phones p1 join subject_phones p2 on p2.digits_reversed = p1.digits_reversed
            where p1.subject_id = ${1}`,
        'subject_phones_digits_reversed',
      ],
      // The staging merge joins a column in the database's collation to external_id.
      [
        sql`select s.id from staging_keys st join subjects s on s.external_id = st.external_id`,
        'subjects_externalId_unique',
      ],
    ];
    await database.db.transaction(async (tx) => {
      for (const setting of ['enable_seqscan', 'enable_hashjoin', 'enable_mergejoin']) {
        await tx.execute(sql.raw(`set local ${setting} = off`));
      }
      await tx.execute(sql`create temporary table staging_keys (external_id text) on commit drop`);
      for (const [query, index] of lookups) expect(await planOf(tx, query)).toMatch(new RegExp(`${index}\\b`));
    });
  });
});

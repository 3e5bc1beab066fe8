// Search quality: ≥ 300 realistic queries over generated people (shared/src/demo/search-query-set.ts builds them
// with its own transliteration, keyboard and declension, independent of the search's normaliser), each with the one
// person it must find. recall@5: the share of queries whose person is among the first five results.

import { generateSubjects } from '@pd-desk/shared/demo/demo-subjects';
import { buildQuerySet, QUERY_KINDS, type QueryKind } from '@pd-desk/shared/demo/search-query-set';
import { beforeAll, describe, expect, it } from 'vitest';
import { serviceContext } from '../../test/factories';
import { useTestDatabase } from '../../test/test-db';
import { DEMO_SUBJECT_SEED, seedDemoSubjects } from '../demo/demo-subjects';
import { findSubjects } from './search.service';

/** Large enough for namesakes of common names, small enough to seed in seconds; the benchmark runs a million. */
const SUBJECTS = 20_000;
const QUERY_SEED = 4;

const database = useTestDatabase();

beforeAll(async () => {
  await seedDemoSubjects(serviceContext(database.db), SUBJECTS);
}, 180_000);

describe('search quality', () => {
  it('finds the right person in the top 5 for ≥ 97% of queries overall and ≥ 90% of each kind', async () => {
    const people = [...generateSubjects({ seed: DEMO_SUBJECT_SEED, count: SUBJECTS })];
    const { queries } = buildQuerySet(people, { seed: QUERY_SEED });
    expect(queries.length).toBeGreaterThanOrEqual(300);

    const tally = new Map<QueryKind, { found: number; total: number; misses: string[] }>();
    for (const q of queries) {
      const { found } = await findSubjects(database.db, { query: q.query, limit: 5 });
      const entry = tally.get(q.kind) ?? { found: 0, total: 0, misses: [] };
      entry.total++;
      if (found.some((f) => f.candidate.externalId === q.expectedExternalId)) entry.found++;
      else entry.misses.push(q.query);
      tally.set(q.kind, entry);
    }

    const lines = QUERY_KINDS.map((kind) => {
      const t = tally.get(kind) ?? { found: 0, total: 0, misses: [] };
      const misses = t.misses.length > 0 ? `  missed: ${t.misses.slice(0, 3).join(' | ')}` : '';
      return `  ${kind.padEnd(24)} ${(t.found / t.total).toFixed(3)}  (${t.found}/${t.total})${misses}`;
    });
    const found = [...tally.values()].reduce((n, t) => n + t.found, 0);
    const overall = found / queries.length;
    process.stdout.write(
      `recall@5 over ${queries.length} queries, ${SUBJECTS} subjects: ${overall.toFixed(3)}\n${lines.join('\n')}\n`,
    );

    expect(overall).toBeGreaterThanOrEqual(0.97);
    for (const [kind, t] of tally) expect({ kind, recall: t.found / t.total >= 0.9 }).toEqual({ kind, recall: true });
  }, 300_000);
});

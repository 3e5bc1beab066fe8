import { readdirSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from 'vitest';
import { appRouter } from './router';

const MODULES = path.join(import.meta.dirname, '../modules');

/** Module folders that hold no tRPC router: the seed area and the file store (its routes are in cases). */
const WITHOUT_ROUTER = ['demo', 'files'];

test('one top-level router per module folder, named after it (docs/conventions.md)', () => {
  const folders = readdirSync(MODULES, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && !WITHOUT_ROUTER.includes(entry.name))
    .map((entry) => entry.name);
  for (const folder of folders) {
    expect(readdirSync(path.join(MODULES, folder)), folder).toContain(`${folder}.router.ts`);
  }
  expect(Object.keys(appRouter._def.record).sort()).toEqual(folders.sort());
});

test('sub-areas are nested inside their domain', () => {
  const paths = Object.keys(appRouter._def.procedures);
  expect(paths).toEqual(
    expect.arrayContaining([
      'subjects.search',
      'subjects.import.start',
      'subjects.catalogue.list',
      'cases.letters.create',
      'triage.list',
      'dashboard.summary',
    ]),
  );
});

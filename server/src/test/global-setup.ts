import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { adminQuery, createPgliteTemplate, createPostgresTemplate, type TestTemplates } from './template';

declare module 'vitest' {
  export interface ProvidedContext {
    testTemplates: TestTemplates;
  }
}

/** Migrates once per run; test files then copy the result instead of running initdb and migrations each. */
export default async function setup(project: TestProject) {
  const tempRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'pd-desk-test-'));
  const adminUrl = process.env.TEST_DATABASE_URL;
  // The PGlite template is needed even on PostgreSQL runs: CLI and data-folder tests use a PGlite folder.
  const [pglite, postgres] = await Promise.all([
    createPgliteTemplate(),
    adminUrl ? createPostgresTemplate(adminUrl) : null,
  ]).catch((error: unknown) => {
    fs.rmSync(tempRoot, { recursive: true, force: true });
    throw error;
  });
  project.provide('testTemplates', { tempRoot, ...pglite, postgres });

  return async () => {
    if (postgres) await adminQuery(postgres.adminUrl, `drop database if exists "${postgres.template}" with (force)`);
    fs.rmSync(tempRoot, { recursive: true, force: true });
  };
}

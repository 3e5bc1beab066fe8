import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { caseAttachments } from '../../db/schema/cases';
import { callerFor } from '../../test/factories';
import { accessRequest } from '../../test/fixtures';
import { testTempDir, useTestDatabase } from '../../test/test-db';
import { removeOrphanFiles } from './file-gc';
import { FileStore } from './file-store';

const database = useTestDatabase();
const HOUR = 3_600_000;

/** Ages a file (and so its mtime) by `hours`. */
function age(file: string, hours: number) {
  const at = new Date(Date.now() - hours * HOUR);
  fs.utimesSync(file, at, at);
}

async function referenceFromAttachment(sha256: string) {
  const officer = await callerFor(database.db, 'officer');
  const { id } = await officer.cases.create(accessRequest());
  await database.db
    .insert(caseAttachments)
    .values({ caseId: id, fileName: 'скан.pdf', mimeType: 'application/pdf', sizeBytes: 1, sha256 });
}

describe('orphan clean-up', () => {
  it('removes only old files no row references, and stale temporary files', async () => {
    const store = new FileStore(testTempDir('store'));
    const referenced = await store.putFile(Buffer.from('%PDF-1.7 referenced'));
    const orphan = await store.putFile(Buffer.from('%PDF-1.7 orphan'));
    const young = await store.putFile(Buffer.from('%PDF-1.7 young orphan'));
    await referenceFromAttachment(referenced.sha256);
    const staleTemp = path.join(store.root, 'tmp', 'interrupted.part');
    const freshTemp = path.join(store.root, 'tmp', 'uploading.part');
    fs.writeFileSync(staleTemp, 'half');
    fs.writeFileSync(freshTemp, 'half');
    for (const file of [store.pathOf(referenced.sha256), store.pathOf(orphan.sha256), staleTemp]) age(file, 30);
    age(store.pathOf(young.sha256), 2);

    expect(await removeOrphanFiles(database.db, store, { minAgeHours: 24 })).toEqual({ removed: 2, kept: 3 });
    expect(fs.existsSync(store.pathOf(referenced.sha256))).toBe(true);
    expect(fs.existsSync(store.pathOf(orphan.sha256))).toBe(false);
    expect(fs.existsSync(store.pathOf(young.sha256))).toBe(true);
    expect(fs.existsSync(staleTemp)).toBe(false);
    expect(fs.existsSync(freshTemp)).toBe(true);
    expect(fs.readdirSync(path.dirname(store.pathOf(orphan.sha256)))).toEqual([]);
  });

  it('keeps an old orphan that an upload of the same bytes has just stored again', async () => {
    const store = new FileStore(testTempDir('store'));
    const bytes = Buffer.from('%PDF-1.7 uploaded twice');
    const first = await store.putFile(bytes);
    age(store.pathOf(first.sha256), 48);
    await store.putFile(bytes); // the second upload's row is about to commit
    expect(await removeOrphanFiles(database.db, store)).toEqual({ removed: 0, kept: 1 });
    expect(fs.readFileSync(store.pathOf(first.sha256))).toEqual(bytes);
  });

  it('puts back a file an interrupted clean-up had set aside', async () => {
    const store = new FileStore(testTempDir('store'));
    const kept = await store.putFile(Buffer.from('%PDF-1.7 set aside'));
    await referenceFromAttachment(kept.sha256);
    fs.renameSync(store.pathOf(kept.sha256), `${store.pathOf(kept.sha256)}.gc`);
    await removeOrphanFiles(database.db, store);
    expect(fs.readdirSync(path.dirname(store.pathOf(kept.sha256)))).toEqual([kept.sha256]);
  });

  it('runs on a store that does not exist yet', async () => {
    const store = new FileStore(path.join(testTempDir('store'), 'never-created'));
    expect(await removeOrphanFiles(database.db, store)).toEqual({ removed: 0, kept: 0 });
  });
});

import { msg } from '@pd-desk/shared/messages/catalogue';
import type { SavePurposeInput, SaveSystemInput } from '@pd-desk/shared/subjects/catalogue.schemas';
import { and, asc, eq } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client';
import { processingPurposes, processingSystems } from '../../db/schema/subject-records';
import { DomainError } from '../../errors';
import type { Actor, ServiceContext } from '../../service-context';
import { appendAudit, diffFields } from '../audit/audit.service';

const systemColumns = {
  id: processingSystems.id,
  code: processingSystems.code,
  name: processingSystems.name,
  description: processingSystems.description,
  processor: processingSystems.processor,
  active: processingSystems.active,
  version: processingSystems.version,
};

const purposeColumns = {
  id: processingPurposes.id,
  code: processingPurposes.code,
  name: processingPurposes.name,
  source: processingPurposes.source,
  defaultLegalBasis: processingPurposes.defaultLegalBasis,
  retention: processingPurposes.retention,
  active: processingPurposes.active,
  version: processingPurposes.version,
};

export async function listCatalogue({ db }: ServiceContext) {
  const [systems, purposes] = await Promise.all([
    db.select(systemColumns).from(processingSystems).orderBy(asc(processingSystems.id)),
    db.select(purposeColumns).from(processingPurposes).orderBy(asc(processingPurposes.id)),
  ]);
  return { systems, purposes };
}

type Saved = { id: number; code: string; version: number };
type Existing = Saved & Record<string, unknown>;

/**
 * The steps both catalogue lists share: a code is unique, an edit must be based on the current version, and the
 * change is audited with its before/after in the same transaction.
 */
async function saveCatalogueRow<I extends { id?: number | undefined; version?: number | undefined; code: string }>(
  db: Db,
  actor: Actor,
  objectType: 'processing_system' | 'processing_purpose',
  input: I,
  ops: {
    findByCode: (tx: Tx, code: string) => Promise<{ id: number } | undefined>;
    findById: (tx: Tx, id: number) => Promise<Existing | undefined>;
    insert: (tx: Tx, values: Omit<I, 'id' | 'version'>) => Promise<Saved>;
    update: (tx: Tx, id: number, version: number, values: Omit<I, 'id' | 'version'>) => Promise<Saved | undefined>;
  },
): Promise<Saved> {
  const { id, version, ...values } = input;
  return db.transaction(async (tx) => {
    const sameCode = await ops.findByCode(tx, values.code);
    if (sameCode && sameCode.id !== id) {
      throw new DomainError('CONFLICT', msg('catalogue.codeTaken', { code: values.code }), 'code_taken');
    }
    if (id === undefined) {
      const created = await ops.insert(tx, values);
      await appendAudit(tx, actor, {
        action: `${objectType}.create`,
        objectType,
        objectId: created.id,
        changes: diffFields<Record<string, unknown>>({}, values),
      });
      return created;
    }
    const before = await ops.findById(tx, id);
    if (!before) throw new DomainError('NOT_FOUND', msg('catalogue.notFound'));
    const updated = version === undefined ? undefined : await ops.update(tx, id, version, values);
    if (!updated) throw staleCatalogue();
    await appendAudit(tx, actor, {
      action: `${objectType}.update`,
      objectType,
      objectId: id,
      changes: diffFields<Record<string, unknown>>(before, values),
    });
    return updated;
  });
}

function staleCatalogue() {
  return new DomainError('CONFLICT', msg('catalogue.stale'), 'stale_version');
}

const savedSystem = { id: processingSystems.id, code: processingSystems.code, version: processingSystems.version };
const savedPurpose = { id: processingPurposes.id, code: processingPurposes.code, version: processingPurposes.version };

export function saveSystem({ db, actor }: ServiceContext, input: SaveSystemInput) {
  return saveCatalogueRow(db, actor, 'processing_system', input, {
    findByCode: async (tx, code) =>
      (
        await tx.select({ id: processingSystems.id }).from(processingSystems).where(eq(processingSystems.code, code))
      )[0],
    findById: async (tx, id) =>
      (await tx.select(systemColumns).from(processingSystems).where(eq(processingSystems.id, id)))[0],
    insert: async (tx, values) => {
      const [row] = await tx.insert(processingSystems).values(values).returning(savedSystem);
      if (!row) throw new Error('insert returned nothing');
      return row;
    },
    update: async (tx, id, version, values) =>
      (
        await tx
          .update(processingSystems)
          .set({ ...values, version: version + 1, updatedAt: new Date() })
          .where(versionMatches(processingSystems, id, version))
          .returning(savedSystem)
      )[0],
  });
}

export function savePurpose({ db, actor }: ServiceContext, input: SavePurposeInput) {
  return saveCatalogueRow(db, actor, 'processing_purpose', input, {
    findByCode: async (tx, code) =>
      (
        await tx.select({ id: processingPurposes.id }).from(processingPurposes).where(eq(processingPurposes.code, code))
      )[0],
    findById: async (tx, id) =>
      (await tx.select(purposeColumns).from(processingPurposes).where(eq(processingPurposes.id, id)))[0],
    insert: async (tx, values) => {
      const [row] = await tx.insert(processingPurposes).values(values).returning(savedPurpose);
      if (!row) throw new Error('insert returned nothing');
      return row;
    },
    update: async (tx, id, version, values) =>
      (
        await tx
          .update(processingPurposes)
          .set({ ...values, version: version + 1, updatedAt: new Date() })
          .where(versionMatches(processingPurposes, id, version))
          .returning(savedPurpose)
      )[0],
  });
}

function versionMatches(table: typeof processingSystems | typeof processingPurposes, id: number, version: number) {
  return and(eq(table.id, id), eq(table.version, version));
}

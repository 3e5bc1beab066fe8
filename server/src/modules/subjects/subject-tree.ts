import { getTableColumns, type SQL, sql } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { Db } from '../../db/client';
import { preparedRows } from '../../db/prepared';
import { blockRecords, blocks, blockTargets } from '../../db/schema/blocks';
import { caseLetters, caseSubjects, cases } from '../../db/schema/cases';
import {
  consents,
  pdRecords,
  processingPurposes,
  processingSystems,
  subjectMerges,
  subjectRepresentatives,
} from '../../db/schema/subject-records';
import { subjectAddresses, subjectEmails, subjectFormerNames, subjectPhones, subjects } from '../../db/schema/subjects';

/**
 * The subject page's person as ONE JSON value built by PostgreSQL: every section a correlated sub-select, the
 * merges included, parsed once by the driver. Drizzle's relational query did the same in SQL but rebuilt its
 * statement on every call and mapped each nested row in JS, which cost as much as the statement itself (ADR 0028).
 * Dates and timestamps arrive as PostgreSQL writes them in JSON, exactly as the relational query returned the
 * `mode: 'string'` columns; the `mode: 'date'` timestamps (createdAt, updatedAt) arrive as text and the page
 * turns every one of them into ISO anyway.
 */

type Columns<T extends PgTable> = T['_']['columns'];

/** A key of the JSON object: our own identifiers, written into the statement (a parameter each would be ~150). */
const key = (name: string) => sql.raw(`'${name}'`);

/** `json_build_object('key', column, …)` for the table's columns, those named in `omit` left out. */
function columnsOf<T extends PgTable>(table: T, omit: readonly (keyof Columns<T>)[] = []): SQL[] {
  return Object.entries(getTableColumns(table))
    .filter(([name]) => !omit.includes(name as keyof Columns<T>))
    .map(([name, column]) => sql`${key(name)}, ${column}`);
}

function pick<T extends PgTable>(table: T, keys: readonly (keyof Columns<T>)[]): SQL[] {
  const all = getTableColumns(table) as Record<string, unknown>;
  return keys.map((name) => sql`${key(String(name))}, ${all[name as string]}`);
}

const object = (...parts: SQL[][]) => sql`json_build_object(${sql.join(parts.flat(), sql`, `)})`;
const field = (name: string, value: SQL) => [sql`${key(name)}, ${value}`];
/** The rows of a sub-select as a JSON array, `[]` when there are none (the relational query's shape). */
const list = (item: SQL, from: SQL) => sql`coalesce((select json_agg(${item}) from (${from}) x), '[]')`;

const systemOf = (id: unknown, keys: readonly (keyof Columns<typeof processingSystems>)[]) =>
  sql`(select ${object(pick(processingSystems, keys))} from ${processingSystems} where ${processingSystems.id} = ${id})`;
const purposeOf = (id: unknown, keys: readonly (keyof Columns<typeof processingPurposes>)[]) =>
  sql`(select ${object(pick(processingPurposes, keys))} from ${processingPurposes} where ${processingPurposes.id} = ${id})`;

/** Each section orders in its sub-select; json_agg keeps the order of the rows it is fed. */
function section(item: SQL, table: PgTable, where: SQL, orderBy: SQL | undefined): SQL {
  return list(
    sql`x.j`,
    sql`select ${item} as j from ${table} where ${where}${orderBy ? sql` order by ${orderBy}` : sql``}`,
  );
}

const SUBJECT = subjects.id;

/** The person's contact tables: their rows belong to one subject and are listed in the order they were added. */
type ContactTable = typeof subjectPhones | typeof subjectEmails | typeof subjectAddresses | typeof subjectFormerNames;

function ownRows<T extends ContactTable>(table: T, keys: readonly (keyof Columns<T>)[]): SQL {
  return section(object(pick(table, keys)), table, sql`${table.subjectId} = ${SUBJECT}`, sql`${table.id}`);
}

const TREE = object(
  pick(subjects, [
    'id',
    'externalId',
    'lastName',
    'firstName',
    'middleName',
    'birthDate',
    'category',
    'mergedIntoId',
    'version',
    'createdAt',
    'updatedAt',
  ]),
  field('phones', ownRows(subjectPhones, ['id', 'raw', 'digits'])),
  field('emails', ownRows(subjectEmails, ['id', 'raw'])),
  field('addresses', ownRows(subjectAddresses, ['id', 'address'])),
  field('formerNames', ownRows(subjectFormerNames, ['id', 'lastName'])),
  field(
    'pdRecords',
    section(
      object(
        columnsOf(pdRecords, ['subjectId', 'createdAt', 'updatedAt']),
        field('system', systemOf(pdRecords.systemId, ['id', 'code', 'name'])),
        field('purpose', purposeOf(pdRecords.purposeId, ['id', 'code', 'name', 'retention'])),
      ),
      pdRecords,
      sql`${pdRecords.subjectId} = ${SUBJECT}`,
      sql`${pdRecords.id}`,
    ),
  ),
  field(
    'consents',
    section(
      object(
        columnsOf(consents, ['subjectId', 'createdAt', 'withdrawnById']),
        field('purpose', purposeOf(consents.purposeId, ['id', 'code', 'name'])),
      ),
      consents,
      sql`${consents.subjectId} = ${SUBJECT}`,
      sql`${consents.givenAt} desc`,
    ),
  ),
  field(
    'representatives',
    section(
      object(columnsOf(subjectRepresentatives, ['subjectId'])),
      subjectRepresentatives,
      sql`${subjectRepresentatives.subjectId} = ${SUBJECT}`,
      sql`${subjectRepresentatives.id}`,
    ),
  ),
  field(
    'blocks',
    section(
      object(
        columnsOf(blocks, ['description', 'notBlockedReason', 'outcomeNote', 'updatedAt']),
        field(
          'case',
          sql`(select ${object(pick(cases, ['incomingNumber', 'dueOn', 'requesterName']))} from ${cases} where ${cases.id} = ${blocks.caseId})`,
        ),
        field(
          'targets',
          section(
            object(
              pick(blockTargets, ['kind', 'recordId', 'field']),
              field('system', systemOf(blockTargets.systemId, ['name'])),
              field('purpose', purposeOf(blockTargets.purposeId, ['name'])),
            ),
            blockTargets,
            sql`${blockTargets.blockId} = ${blocks.id}`,
            sql`${blockTargets.id}`,
          ),
        ),
        field(
          'records',
          section(
            object(pick(blockRecords, ['recordId', 'fields'])),
            blockRecords,
            sql`${blockRecords.blockId} = ${blocks.id}`,
            sql`${blockRecords.recordId}`,
          ),
        ),
      ),
      blocks,
      sql`${blocks.subjectId} = ${SUBJECT}`,
      sql`${blocks.createdAt} desc`,
    ),
  ),
  field(
    'cases',
    section(
      object(
        pick(cases, ['id', 'incomingNumber', 'type', 'status', 'receivedOn', 'dueOn']),
        field(
          'letters',
          section(
            object(pick(caseLetters, ['id', 'kind', 'outgoingNumber', 'createdAt', 'sentOn'])),
            caseLetters,
            sql`${caseLetters.caseId} = ${cases.id}`,
            undefined,
          ),
        ),
      ),
      cases,
      sql`${cases.id} in (select ${caseSubjects.caseId} from ${caseSubjects} where ${caseSubjects.subjectId} = ${SUBJECT})`,
      undefined,
    ),
  ),
  field(
    'merges',
    section(
      object(pick(subjectMerges, ['id', 'survivorId', 'mergedId', 'reason', 'mergedAt', 'undoneAt'])),
      subjectMerges,
      sql`${subjectMerges.survivorId} = ${SUBJECT} or ${subjectMerges.mergedId} = ${SUBJECT}`,
      sql`${subjectMerges.id} desc`,
    ),
  ),
);

type Row<T extends PgTable, K extends keyof T['$inferSelect']> = Pick<T['$inferSelect'], K>;
type Timestamp = string;

export type SubjectTree = Omit<
  Row<
    typeof subjects,
    | 'id'
    | 'externalId'
    | 'lastName'
    | 'firstName'
    | 'middleName'
    | 'birthDate'
    | 'category'
    | 'mergedIntoId'
    | 'version'
  >,
  never
> & {
  createdAt: Timestamp;
  updatedAt: Timestamp;
  phones: Row<typeof subjectPhones, 'id' | 'raw' | 'digits'>[];
  emails: Row<typeof subjectEmails, 'id' | 'raw'>[];
  addresses: Row<typeof subjectAddresses, 'id' | 'address'>[];
  formerNames: Row<typeof subjectFormerNames, 'id' | 'lastName'>[];
  pdRecords: (Omit<typeof pdRecords.$inferSelect, 'subjectId' | 'createdAt' | 'updatedAt'> & {
    system: Row<typeof processingSystems, 'id' | 'code' | 'name'>;
    purpose: Row<typeof processingPurposes, 'id' | 'code' | 'name' | 'retention'>;
  })[];
  consents: (Omit<typeof consents.$inferSelect, 'subjectId' | 'createdAt' | 'withdrawnById'> & {
    purpose: Row<typeof processingPurposes, 'id' | 'code' | 'name'>;
  })[];
  representatives: (Omit<typeof subjectRepresentatives.$inferSelect, 'subjectId' | 'createdAt'> & {
    createdAt: Timestamp;
  })[];
  blocks: (Omit<typeof blocks.$inferSelect, 'description' | 'notBlockedReason' | 'outcomeNote' | 'updatedAt'> & {
    case: Row<typeof cases, 'incomingNumber' | 'dueOn' | 'requesterName'>;
    targets: (Row<typeof blockTargets, 'kind' | 'recordId' | 'field'> & {
      system: { name: string } | null;
      purpose: { name: string } | null;
    })[];
    records: Row<typeof blockRecords, 'recordId' | 'fields'>[];
  })[];
  cases: (Row<typeof cases, 'id' | 'incomingNumber' | 'type' | 'status' | 'receivedOn' | 'dueOn'> & {
    letters: (Row<typeof caseLetters, 'id' | 'kind' | 'outgoingNumber' | 'sentOn'> & { createdAt: Timestamp })[];
  })[];
  merges: Row<typeof subjectMerges, 'id' | 'survivorId' | 'mergedId' | 'reason' | 'mergedAt' | 'undoneAt'>[];
};

/** The person with every section, or undefined when there is no such subject. */
export async function selectSubjectTree(db: Db, subjectId: number): Promise<SubjectTree | undefined> {
  // Prepared (ADR 0034): the statement is long, and on PGlite parsing and planning it cost as much as running it.
  const [row] = await preparedRows<{ tree: SubjectTree }>(
    db,
    sql`select ${TREE} as tree from ${subjects} where ${subjects.id} = ${subjectId}`,
  );
  return row?.tree;
}

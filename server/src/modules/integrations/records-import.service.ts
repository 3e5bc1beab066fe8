import { type RecordInput, recordInput, recordPathParams } from '@pd-desk/shared/integrations/api.schemas';
import { msg, renderText } from '@pd-desk/shared/messages/catalogue';
import { ZodError } from 'zod';
import { DomainError } from '../../errors';
import type { ServiceContext } from '../../service-context';
import { csvRecords } from '../subjects/csv-records';
import { upsertRecord } from './api-writes.service';

export const RECORD_COLUMNS = [
  'system',
  'external_id',
  'purpose',
  'legal_basis',
  'fields',
  'last_name',
  'first_name',
  'middle_name',
  'birth_date',
  'phone',
  'email',
  'collected_on',
  'retain_until',
  'source',
  'legal_basis_note',
] as const;
const REQUIRED = ['system', 'external_id', 'purpose', 'legal_basis', 'fields'] as const;

export type RecordImportProblem = { line: number; message: string };
export type RecordImportOutcome = { created: number; updated: number; problems: RecordImportProblem[] };

const BATCH = 500;

type Row = { line: number; system: string; externalId: string; input: unknown };

/**
 * `pnpm pd-desk import records FILE.csv`: the same upsert as PUT /api/v1/records/{system}/{externalId}, one
 * transaction per batch of rows. A bad row is reported with its line and skipped (a savepoint undoes only it); the
 * rows around it are written.
 */
export async function importRecords(
  ctx: ServiceContext,
  source: AsyncIterable<string> | Iterable<string>,
): Promise<RecordImportOutcome> {
  const outcome: RecordImportOutcome = { created: 0, updated: 0, problems: [] };
  let columns: Map<string, number> | null = null;
  let batch: Row[] = [];
  for await (const record of csvRecords(source)) {
    if (!columns) {
      columns = new Map(record.fields.map((name, i) => [name.trim().toLowerCase(), i]));
      const missing = REQUIRED.filter((c) => !columns?.has(c));
      if (missing.length > 0) {
        throw new DomainError(
          'BAD_REQUEST',
          msg('integrations.csvHeader', { missing: missing.join(', ') }),
          'csv_header',
        );
      }
      continue;
    }
    const cell = (name: (typeof RECORD_COLUMNS)[number]) => {
      const index = columns?.get(name);
      const value = index === undefined ? '' : (record.fields[index] ?? '').trim();
      return value === '' ? undefined : value;
    };
    batch.push({
      line: record.line,
      system: cell('system') ?? '',
      externalId: cell('external_id') ?? '',
      input: {
        person: {
          lastName: cell('last_name'),
          firstName: cell('first_name'),
          middleName: cell('middle_name'),
          birthDate: cell('birth_date'),
          phone: cell('phone'),
          email: cell('email'),
        },
        purpose: cell('purpose'),
        legalBasis: cell('legal_basis'),
        legalBasisNote: cell('legal_basis_note'),
        fields: (cell('fields') ?? '')
          .split(/[;|]/)
          .map((f) => f.trim())
          .filter(Boolean),
        collectedOn: cell('collected_on'),
        retainUntil: cell('retain_until'),
        source: cell('source'),
      },
    });
    if (batch.length >= BATCH) {
      await writeBatch(ctx, batch, outcome);
      batch = [];
    }
  }
  if (batch.length > 0) await writeBatch(ctx, batch, outcome);
  return outcome;
}

async function writeBatch(ctx: ServiceContext, rows: Row[], outcome: RecordImportOutcome) {
  await ctx.db.transaction(async (tx) => {
    for (const row of rows) {
      try {
        const path = recordPathParams.parse({ system: row.system, externalId: row.externalId });
        const input: RecordInput = recordInput.parse(row.input);
        const result = await tx.transaction((savepoint) =>
          upsertRecord({ ...ctx, tx: savepoint, systemCode: path.system }, path.externalId, input),
        );
        if (result.created) outcome.created += 1;
        else outcome.updated += 1;
      } catch (error) {
        outcome.problems.push({ line: row.line, message: problemText(error) });
      }
    }
  });
}

function problemText(error: unknown): string {
  if (error instanceof ZodError) {
    const issue = error.issues[0];
    const field = issue?.path.join('.');
    return `${field ? `${field}: ` : ''}${issue ? renderText(issue.message, 'ru') : 'некорректные данные'}`;
  }
  if (error instanceof DomainError) return error.message;
  throw error;
}

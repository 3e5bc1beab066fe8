import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import { MAX_QUERY_LENGTH } from '@pd-desk/shared/subjects/search-query';
import type { SubjectSearchResult } from '@pd-desk/shared/subjects/subject-search.schemas';
import type { Command } from 'commander';
import { progressBar } from '../../cli/progress';
import { CliError, print, withDatabase } from '../../cli/runtime';
import { invocationDir } from '../../env';
import type { ServiceContext } from '../../service-context';
import { ImportFileError, type ImportProblem, importSubjects } from './import.service';
import { searchSubjects } from './search.service';

const PHASES = { check: 'чтение и проверка', write: 'запись', indexes: 'построение индексов' } as const;

/** Bad rows printed to stderr; the count is always printed in full. */
const PROBLEMS_PRINTED = 1_000;

export function registerSubjectCommands(program: Command) {
  const importCommand =
    program.commands.find((c) => c.name() === 'import') ?? program.command('import').description('импорт данных');
  importCommand
    .command('subjects <file>')
    .description(
      'импорт субъектов из CSV (UTF-8, заголовок external_id,last_name,first_name,middle_name,birth_date,phone,email,category)',
    )
    .option('--skip-invalid', 'импортировать строки без ошибок, пропустив ошибочные')
    .action((file: string, opts: { skipInvalid?: boolean }) => importCommandAction(file, opts.skipInvalid ?? false));

  program
    .command('search [query]')
    .description('поиск субъектов: ФИО, телефон, e-mail, дата рождения в любом виде')
    .option('--json', 'вывести JSON-массив')
    .option('--limit <n>', 'сколько результатов (1–100)', '10')
    .option('--batch <file>', 'запросы из файла, по одному в строке; на выходе по JSON-массиву в строке')
    .action((query: string | undefined, opts: { json?: boolean; limit: string; batch?: string }) =>
      searchCommandAction(query, opts),
    );
}

/**
 * A path as the user typed it. `pnpm pd-desk` runs the CLI inside server/, and pnpm passes the folder it was started
 * in as INIT_CWD: «pnpm pd-desk import subjects export.csv» must read export.csv from there.
 */
function userPath(file: string): string {
  return path.resolve(invocationDir(), file);
}

async function importCommandAction(typed: string, skipInvalid: boolean) {
  const file = userPath(typed);
  if (!fs.existsSync(file)) throw new CliError(`Файл не найден: ${file}`);
  await withDatabase('import subjects', async ({ service }) => {
    const bar = progressBar('Импорт субъектов');
    const outcome = await importSubjects(
      service,
      () => fs.createReadStream(file, { encoding: 'utf8', highWaterMark: 1 << 20 }),
      {
        fileName: typed,
        skipInvalid,
        maxProblems: PROBLEMS_PRINTED,
        onProgress: (phase, done, total) => bar.update(done, total, PHASES[phase]),
      },
    ).catch((error: unknown) => {
      throw error instanceof ImportFileError ? new CliError(error.message) : error;
    });
    printProblems(outcome.problems, outcome.invalidRows);
    if (outcome.status === 'rejected') {
      bar.done('остановлен');
      throw new CliError(
        `Строк с ошибками: ${outcome.invalidRows} из ${outcome.rows}. Ничего не импортировано. ` +
          'Исправьте файл или повторите с --skip-invalid, чтобы импортировать остальные строки.',
      );
    }
    bar.done(`${outcome.rows - outcome.invalidRows} строк`);
    print(
      `Импорт завершён: создано ${outcome.created}, обновлено ${outcome.updated}, без изменений ${outcome.unchanged}` +
        (outcome.invalidRows > 0 ? `, пропущено строк с ошибками ${outcome.invalidRows}` : ''),
    );
  });
}

function printProblems(problems: readonly ImportProblem[], total: number) {
  if (total === 0) return;
  process.stderr.write('строка,поле,причина\n');
  for (const p of problems) process.stderr.write(`${p.line},${p.field},${p.reason}\n`);
  if (total > problems.length) process.stderr.write(`… и ещё строк с ошибками: ${total - problems.length}\n`);
}

async function searchCommandAction(query: string | undefined, opts: { json?: boolean; limit: string; batch?: string }) {
  const limit = Number(opts.limit);
  if (!Number.isInteger(limit) || limit < 1 || limit > 100) throw new CliError('--limit: целое число от 1 до 100');
  if (opts.batch === undefined && !query?.trim()) throw new CliError('Укажите запрос или --batch <файл>');
  const batch = opts.batch === undefined ? undefined : userPath(opts.batch);
  if (batch !== undefined && !fs.existsSync(batch)) throw new CliError(`Файл не найден: ${batch}`);
  await withDatabase('search', async ({ service }) => {
    if (batch !== undefined) {
      const lines = readline.createInterface({ input: fs.createReadStream(batch, 'utf8'), crlfDelay: Infinity });
      for await (const line of lines) print(JSON.stringify(line.trim() ? await cliSearch(service, line, limit) : []));
      return;
    }
    const results = await cliSearch(service, query ?? '', limit);
    if (opts.json) {
      print(JSON.stringify(results));
      return;
    }
    if (results.length === 0) print('Никого не найдено.');
    for (const r of results) {
      print(
        `${String(r.id).padStart(8)}  ${(r.externalId ?? '').padEnd(14)} ${r.fullName.padEnd(24)} ${(r.birthDate ?? '').padEnd(10)}  ${r.category.padEnd(17)} ${r.score.toFixed(2)}  ${r.matchedOn.join(', ')}`,
      );
    }
  });
}

type CliResult = Pick<
  SubjectSearchResult,
  'id' | 'externalId' | 'fullName' | 'birthDate' | 'category' | 'score' | 'matchedOn'
>;

/** The same audited, masked search as the web; the JSON keeps the fields scripts rely on. */
async function cliSearch(service: ServiceContext, query: string, limit: number): Promise<CliResult[]> {
  const { results } = await searchSubjects(service, { query: query.trim().slice(0, MAX_QUERY_LENGTH), limit });
  return results.map(({ id, externalId, fullName, birthDate, category, score, matchedOn }) => ({
    id,
    externalId,
    fullName,
    birthDate,
    category,
    score,
    matchedOn,
  }));
}

import fs from 'node:fs';
import path from 'node:path';
import type { ImportCalendarInput } from '@pd-desk/shared/calendar/calendar.schemas';
import { DUE_RULE_IDS, type DueRuleId } from '@pd-desk/shared/calendar/deadline-rules';
import { type Deadline, DeadlineRuleError } from '@pd-desk/shared/calendar/deadlines';
import { dueForRule, dueFromProblem, type RuleDue } from '@pd-desk/shared/calendar/due-for-rule';
import { InvalidInstantError } from '@pd-desk/shared/calendar/instant';
import { InvalidIsoDateError, weekdayNameRu, yearOf } from '@pd-desk/shared/calendar/iso-date';
import { ProductionCalendar } from '@pd-desk/shared/calendar/production-calendar';
import { renderText } from '@pd-desk/shared/messages/catalogue';
import type { Command } from 'commander';
import { z } from 'zod';
import { CliError, print, readAllStdin, withDatabase } from '../../cli/runtime';
import { openDatabase } from '../../db/client';
import { DataFolderBusyError } from '../../db/data-folder-lock';
import { loadConfig } from '../../env';
import { DomainError } from '../../errors';
import { caseDeadline } from '../cases/case-deadline';
import { effectiveYears, importCalendarYear, readAdminYears } from './calendar.service';
import { readCalendarSnapshot } from './calendar-snapshot';

const warn = (line: string) => process.stderr.write(`${line}\n`);

/** JSON in the bundled-file shape or xmlcalendar XML, told apart by the first character. */
export function calendarImportInput(text: string, verified: boolean | undefined): ImportCalendarInput {
  const body = text.replace(/^\uFEFF/, '').trim();
  if (body.startsWith('<')) return { format: 'xml', xml: body, verified };
  try {
    return { format: 'json', year: JSON.parse(body), verified };
  } catch {
    throw new CliError('файл не похож ни на JSON производственного календаря, ни на XML xmlcalendar');
  }
}

/**
 * Bundled years plus any the admin imported. The database is only read, and closed at once; when
 * the running server holds the embedded database, the snapshot it keeps beside it is read instead
 * (and without one, the bundled years, with a note on stderr).
 */
async function loadCalendar(): Promise<ProductionCalendar> {
  const config = loadConfig();
  if (!config.databaseUrl && !fs.existsSync(path.join(config.dataDir, 'pgdata'))) {
    return new ProductionCalendar(effectiveYears([]));
  }
  let database: Awaited<ReturnType<typeof openDatabase>>;
  try {
    database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, command: 'cli due' });
  } catch (error) {
    if (!(error instanceof DataFolderBusyError)) throw error;
    const snapshot = readCalendarSnapshot(config.dataDir);
    if (snapshot) return new ProductionCalendar(effectiveYears(snapshot));
    warn(
      'внимание: база данных занята запущенным сервером — использован встроенный календарь 2024–2027; ' +
        'годы, загруженные администратором, не учтены (остановите сервер или используйте PostgreSQL)',
    );
    return new ProductionCalendar(effectiveYears([]));
  }
  try {
    return new ProductionCalendar(effectiveYears(await readAdminYears(database.db).catch(() => [])));
  } finally {
    await database.close();
  }
}

/**
 * A `due` request: a day rule's `from` is a date, an hour rule's an instant (ADR 0003). The web's
 * deadline form keeps the shared `dueInput`, which knows day rules only.
 */
const dueRequestSchema = z
  .object({
    rule: z.enum(DUE_RULE_IDS, { error: 'Неизвестное правило срока' }),
    from: z.string({ error: 'ожидается строка' }),
    extended: z.boolean({ error: 'Ожидается true или false' }).default(false),
  })
  .superRefine(({ rule, from }, ctx) => {
    const problem = dueFromProblem(rule, from);
    if (problem) ctx.addIssue({ code: 'custom', path: ['from'], message: problem });
  });

interface DueRequest {
  rule: DueRuleId;
  from: string;
  extended: boolean;
}

function parseDueRequest(raw: { rule?: unknown; from?: unknown; extended?: unknown }): DueRequest {
  const parsed = dueRequestSchema.safeParse({ rule: raw.rule, from: raw.from, extended: raw.extended });
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((issue) => {
    const field = issue.path[0] as 'rule' | 'from' | 'extended';
    const hint = field === 'rule' ? `; допустимые: ${DUE_RULE_IDS.join(', ')}` : '';
    return `${field} «${String(raw[field])}»: ${renderText(issue.message, 'ru')}${hint}`;
  });
  throw new CliError(problems.join('; '));
}

function computeDue(calendar: ProductionCalendar, timeZone: string, request: DueRequest): RuleDue {
  try {
    return dueForRule(request.rule, request.from, {
      timeZone,
      calendar,
      extended: request.extended,
      dayDeadline: caseDeadline,
    });
  } catch (error) {
    if (
      error instanceof InvalidInstantError ||
      error instanceof DeadlineRuleError ||
      error instanceof InvalidIsoDateError ||
      error instanceof DomainError
    ) {
      throw new CliError(error.message);
    }
    throw error;
  }
}

/** Prints the answer on stdout and its notes (day rules only) on stderr, each note prefixed. */
function printDue(calendar: ProductionCalendar, request: DueRequest, due: RuleDue, prefix = ''): void {
  print(due.text);
  if (due.kind !== 'date') return;
  for (const note of notes(calendar, request.from, due.deadline)) warn(`${prefix}${note}`);
}

/** Notes that must not be missed but must not break `$(pd-desk due …)`: they go to stderr. */
function notes(calendar: ProductionCalendar, receivedOn: string, deadline: Deadline): string[] {
  const found: string[] = [];
  if (deadline.provisional) {
    const years: number[] = [];
    for (let y = yearOf(receivedOn); y <= yearOf(deadline.dueOn); y++) {
      if (!calendar.hasYear(y) || !calendar.isVerified(y)) years.push(y);
    }
    found.push(
      `внимание: срок рассчитан по предварительному календарю (${years.join(', ')}) — перепроверьте после выхода постановления о переносе выходных дней`,
    );
  }
  if (deadline.landsOnNonWorkingDay) {
    found.push(
      `внимание: ${deadline.dueOn} (${weekdayNameRu(deadline.dueOn)}) — нерабочий день; срок в календарных днях не переносится, исполните в предыдущий рабочий день`,
    );
  }
  return found;
}

async function dueBatch(calendar: ProductionCalendar, timeZone: string, file: string): Promise<void> {
  const text = file === '-' ? await readAllStdin() : fs.readFileSync(file, 'utf8');
  let failed = 0;
  text.split(/\r?\n/).forEach((line, index) => {
    if (line.trim() === '') return;
    try {
      let raw: unknown;
      try {
        raw = JSON.parse(line);
      } catch {
        throw new CliError('строка не является JSON-объектом');
      }
      if (typeof raw !== 'object' || raw === null) throw new CliError('строка не является JSON-объектом');
      const request = parseDueRequest(raw);
      printDue(calendar, request, computeDue(calendar, timeZone, request), `строка ${index + 1}: `);
    } catch (error) {
      if (!(error instanceof CliError)) throw error;
      failed++;
      // On stdout, in the line's place: output line N still answers input line N.
      print(`error: строка ${index + 1}: ${error.message}`);
    }
  });
  if (failed > 0) {
    warn(`ошибок: ${failed}`);
    process.exitCode = 1;
  }
}

export function registerCalendarCommands(program: Command) {
  const calendar = program.command('calendar').description('производственный календарь');
  calendar
    .command('import')
    .description('загрузить год: JSON (формат shared/src/calendar/data/ru-<год>.json) или XML xmlcalendar.ru')
    .argument('<file>', 'файл календаря')
    .option('--verified', 'год сверен с постановлением о переносе выходных дней')
    .action(async (file: string, opts: { verified?: boolean }) => {
      if (!fs.existsSync(file)) throw new CliError(`файл ${file} не найден`);
      const input = calendarImportInput(fs.readFileSync(file, 'utf8'), opts.verified);
      await withDatabase('calendar import', async ({ database, service }) => {
        const snapshotDir = database.kind === 'pglite' ? database.location : undefined;
        const result = await importCalendarYear(service, input, snapshotDir);
        print(
          `Календарь на ${result.year} год загружен (${result.verified ? 'сверен' : 'предварительный'}); ` +
            `открытых обращений: ${result.openCases}, сроки изменились у ${result.changedCases}`,
        );
      });
    });

  program
    .command('due')
    .description(
      'срок по правилу: печатает ГГГГ-ММ-ДД (правила в днях) или ГГГГ-ММ-ДДTЧЧ:ММ±ЧЧ:ММ (правила в часах). ' +
        '--batch FILE (или - для stdin): строки JSON {"rule","from","extended"}, ' +
        'на каждую — срок или «error: …» в той же строке вывода; код выхода 1, если была хоть одна ошибка',
    )
    .option('--rule <rule>', `правило: ${DUE_RULE_IDS.join(', ')}`)
    .option(
      '--from <date>',
      'дата получения ГГГГ-ММ-ДД (день получения не считается); для breach-* — момент ГГГГ-ММ-ДДTЧЧ:ММ ' +
        'в зоне PD_DESK_TIME_ZONE, со смещением (+05:00) или Z',
    )
    .option('--extended', 'с продлением на 5 рабочих дней (только где закон допускает)')
    .option('--batch <file>', 'файл с запросами JSON Lines')
    .action(async (opts: { rule?: string; from?: string; extended?: boolean; batch?: string }) => {
      if (opts.batch && (opts.rule || opts.from)) throw new CliError('укажите либо --batch, либо --rule и --from');
      if (!opts.batch && (!opts.rule || !opts.from)) throw new CliError('укажите --rule и --from (или --batch FILE)');
      if (opts.batch && opts.batch !== '-' && !fs.existsSync(opts.batch)) {
        throw new CliError(`файл ${opts.batch} не найден`);
      }
      const productionCalendar = await loadCalendar();
      const { timeZone } = loadConfig();
      if (opts.batch) return dueBatch(productionCalendar, timeZone, opts.batch);
      const request = parseDueRequest({ rule: opts.rule, from: opts.from, extended: opts.extended });
      printDue(productionCalendar, request, computeDue(productionCalendar, timeZone, request));
    });
}

import type { Command } from 'commander';
import { CliError, print, withDatabase } from '../../cli/runtime';
import { type AuditVerifyResult, verifyAuditChain } from './audit-verify';

export function registerAuditCommands(program: Command) {
  const audit = program.command('audit').description('журнал аудита');
  audit
    .command('verify')
    .description('проверить цепочку подписей всего журнала; код выхода 1 при нарушении')
    .option('--expect-head <hash>', 'хеш, записанный раньше (якорь): он должен остаться в журнале')
    .action(async (opts: { expectHead?: string }) => {
      if (opts.expectHead !== undefined && !/^[0-9a-f]{64}$/i.test(opts.expectHead)) {
        throw new CliError('--expect-head: ожидается хеш из 64 шестнадцатеричных символов');
      }
      return withDatabase(
        'audit verify',
        async ({ service }) => {
          const result = await verifyAuditChain(service.db, { expectHead: opts.expectHead });
          for (const line of verifyReport(result)) print(line);
          if (!result.ok) process.exitCode = 1;
        },
        { readOnly: true },
      );
    });
}

function verifyReport(result: AuditVerifyResult): string[] {
  if (!result.ok) {
    const where = result.firstBrokenSeq === null ? '' : `первая повреждённая запись №${result.firstBrokenSeq} — `;
    return [`Журнал аудита НАРУШЕН: ${where}${result.reason}.`, `Записей проверено и верны: ${result.entries}.`];
  }
  const lines = [`Журнал аудита цел: ${result.entries} записей проверено.`];
  if (result.legacyEntries > 0) {
    lines.push(`Из них записаны до перехода на ключ (проверены без ключа): №1–${result.legacyEntries}.`);
  }
  if (result.anchor) {
    lines.push(`Ожидаемый хеш найден: запись №${result.anchor.seq}, после неё записей: ${result.anchor.laterEntries}.`);
  }
  // Keeping this value elsewhere (paper, another machine) lets a later `--expect-head` catch a removed tail.
  lines.push(`Хеш последней записи: ${result.lastHash}`);
  return lines;
}

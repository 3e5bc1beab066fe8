import type { Command } from 'commander';
import { print, withDatabase } from '../../cli/runtime';
import { verifyAuditChain } from './audit-verify';

export function registerAuditCommands(program: Command) {
  const audit = program.command('audit').description('журнал аудита');
  audit
    .command('verify')
    .description('проверить цепочку хешей всего журнала; код выхода 1 при нарушении')
    .action(() =>
      withDatabase('audit verify', async ({ service }) => {
        const result = await verifyAuditChain(service.db);
        if (result.ok) {
          print(`Журнал аудита цел: ${result.entries} записей проверено.`);
          // Keeping this value elsewhere (paper, another machine) also proves no newest entry was removed.
          print(`Хеш последней записи: ${result.lastHash}`);
          return;
        }
        print(`Журнал аудита НАРУШЕН: первая повреждённая запись №${result.firstBrokenSeq} — ${result.reason}.`);
        print(`Записей до неё проверено и верны: ${result.entries}.`);
        process.exitCode = 1;
      }),
    );
}

import type { Command } from 'commander';
import { progressBar } from '../../cli/progress';
import { CliError, print, withDatabase } from '../../cli/runtime';
import { seedDemoSubjects } from './demo-subjects';
import { createDemoUsersIfEmpty, DEMO_USERS } from './demo-users';

export function registerDemoCommands(program: Command) {
  program
    .command('seed')
    .description('демо-данные: пользователи (на пустой базе) и, по запросу, субъекты')
    .option('--subjects <n>', 'создать демо-субъектов DEMO-0000001…N (уже созданные не меняются)')
    .action((opts: { subjects?: string }) => {
      const subjects = opts.subjects === undefined ? 0 : Number(opts.subjects);
      if (!Number.isSafeInteger(subjects) || subjects < 0 || subjects > 10_000_000) {
        throw new CliError('--subjects: целое число от 0 до 10 000 000');
      }
      return withDatabase('seed', async ({ service }) => {
        if (await createDemoUsersIfEmpty(service)) {
          print('Демо-пользователи созданы:');
          for (const u of DEMO_USERS) print(`  ${u.login} / ${u.password} (${u.role})`);
        } else {
          print('Пользователи уже есть — демо-пользователи не создавались.');
        }
        if (subjects === 0) return;
        const bar = progressBar('Демо-субъекты');
        const outcome = await seedDemoSubjects(service, subjects, (done, phase) =>
          bar.update(done, subjects, phase === 'indexes' ? 'построение индексов' : ''),
        );
        bar.done(`${subjects.toLocaleString('ru-RU')} строк`);
        print(`Демо-субъекты: создано ${outcome.created}, уже были ${outcome.unchanged + outcome.updated}`);
      });
    });
}

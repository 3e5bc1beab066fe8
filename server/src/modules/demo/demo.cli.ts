import type { Command } from 'commander';
import { print, withDatabase } from '../../cli/runtime';
import { createDemoUsersIfEmpty, DEMO_USERS } from './demo-users';

export function registerDemoCommands(program: Command) {
  program
    .command('seed')
    .description('демо-данные: пользователи (на пустой базе)')
    .action(() =>
      withDatabase('seed', async ({ database }) => {
        if (await createDemoUsersIfEmpty(database.db)) {
          print('Демо-пользователи созданы:');
          for (const u of DEMO_USERS) print(`  ${u.login} / ${u.password} (${u.role})`);
        } else {
          print('Пользователи уже есть — демо-пользователи не создавались.');
        }
      }),
    );
}

import { createUserInput } from '@pd-desk/shared/auth/auth.schemas';
import { renderText } from '@pd-desk/shared/messages/catalogue';
import type { Command } from 'commander';
import { readPassword } from '../../cli/prompt';
import { CliError, print, withDatabase } from '../../cli/runtime';
import { createUser } from './users.service';

export function registerUserCommands(program: Command) {
  const user = program.command('user').description('пользователи PD Desk');
  user
    .command('add')
    .description('создать пользователя (пароль спрашивается или читается из stdin)')
    .requiredOption('--login <login>', 'логин')
    .requiredOption('--role <role>', 'роль: admin, officer, registrar, auditor')
    .option('--name <displayName>', 'имя для интерфейса (по умолчанию — логин)')
    .action(async (opts: { login: string; role: string; name?: string }) => {
      const password = await readPassword('Пароль: ');
      const parsed = createUserInput.safeParse({
        login: opts.login,
        role: opts.role,
        displayName: opts.name ?? opts.login,
        password,
      });
      if (!parsed.success) throw new CliError(parsed.error.issues.map((i) => renderText(i.message, 'ru')).join('; '));
      await withDatabase('user add', async ({ service }) => {
        const created = await createUser(service, parsed.data);
        print(`Пользователь ${created.login} (${created.role}) создан, id ${created.id}`);
      });
    });
}

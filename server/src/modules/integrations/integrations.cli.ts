import fs from 'node:fs';
import path from 'node:path';
import { API_SCOPES, type ApiScope } from '@pd-desk/shared/integrations/api-scopes';
import { createApiKeyInput } from '@pd-desk/shared/integrations/integrations.schemas';
import { renderText } from '@pd-desk/shared/messages/catalogue';
import type { Command } from 'commander';
import { CliError, print, withDatabase } from '../../cli/runtime';
import { invocationDir } from '../../env';
import { createApiKey, listApiKeys, liveKeyOfSystem, revokeApiKey } from './api-keys.service';
import { systemByCode } from './purposes';
import { importRecords } from './records-import.service';

const collect = (value: string, previous: string[]) => [...previous, value];

export function registerIntegrationCommands(program: Command) {
  const apiKey = program.command('api-key').description('ключи API для систем клиники');
  apiKey
    .command('create')
    .description('выпустить ключ системы (ключ печатается один раз, последней строкой)')
    .requiredOption('--system <code>', 'код системы из справочника (booking_site, mis, …)')
    .option('--scope <scope>', `область доступа, можно несколько: ${API_SCOPES.join(', ')}`, collect, [])
    .option('--rate-limit <n>', 'запросов в минуту (0 — без ограничения)')
    .option('--expires <date>', 'последний день действия ГГГГ-ММ-ДД')
    .action((opts: { system: string; scope: string[]; rateLimit?: string; expires?: string }) =>
      withDatabase('api-key create', async ({ service }) => {
        const system = await systemByCode(service.db, opts.system);
        const parsed = createApiKeyInput.safeParse({
          systemId: system.id,
          scopes: opts.scope,
          rateLimit: opts.rateLimit === undefined ? undefined : Number(opts.rateLimit),
          expiresOn: opts.expires,
        });
        if (!parsed.success)
          throw new CliError(renderText(parsed.error.issues[0]?.message ?? 'некорректные параметры', 'ru'));
        const created = await createApiKey(service, parsed.data);
        print(`Ключ № ${created.id} для системы ${created.system}: ${parsed.data.scopes.join(', ')}`);
        print('Сохраните ключ сейчас: PD Desk хранит только его хеш и показать его снова не сможет.');
        print(created.key);
      }),
    );
  apiKey
    .command('list')
    .description('ключи API: система, области, срок, последнее использование')
    .action(() =>
      withDatabase('api-key list', async ({ service }) => {
        for (const k of await listApiKeys(service.db)) {
          const state = k.revokedAt ? `отозван ${k.revokedAt}` : k.expiresAt ? `до ${k.expiresAt}` : 'бессрочный';
          print(
            `${k.id}\t${k.systemCode}\t${k.prefix}…\t${(k.scopes as ApiScope[]).join(',')}\t${k.rateLimit || '∞'}/мин\t${state}\tиспользован: ${k.lastUsedAt ?? '—'}`,
          );
        }
      }),
    );
  apiKey
    .command('revoke [id]')
    .description('отозвать ключ по номеру или --system')
    .option('--system <code>', 'отозвать действующий ключ системы')
    .action((id: string | undefined, opts: { system?: string }) =>
      withDatabase('api-key revoke', async ({ service }) => {
        const keyId = opts.system ? await liveKeyOfSystem(service.db, opts.system) : Number(id);
        if (!keyId || !Number.isInteger(keyId)) throw new CliError('укажите номер ключа или --system');
        await revokeApiKey(service, keyId);
        print(`Ключ № ${keyId} отозван`);
      }),
    );

  const importCommand =
    program.commands.find((c) => c.name() === 'import') ?? program.command('import').description('импорт данных');
  importCommand
    .command('records <file>')
    .description(
      'сведения систем о записях ПДн из CSV (заголовок system,external_id,purpose,legal_basis,fields,last_name,first_name,middle_name,birth_date,phone,email,…; fields через «;»)',
    )
    .action((typed: string) =>
      withDatabase('import records', async ({ service }) => {
        const file = path.resolve(invocationDir(), typed);
        if (!fs.existsSync(file)) throw new CliError(`Файл не найден: ${file}`);
        const outcome = await importRecords(service, fs.createReadStream(file, { encoding: 'utf8' }));
        for (const p of outcome.problems) process.stderr.write(`строка ${p.line}: ${p.message}\n`);
        print(`Создано записей: ${outcome.created}, обновлено: ${outcome.updated}, ошибок: ${outcome.problems.length}`);
        if (outcome.problems.length > 0) process.exitCode = 1;
      }),
    );
}

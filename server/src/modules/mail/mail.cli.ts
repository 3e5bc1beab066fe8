import fsp from 'node:fs/promises';
import path from 'node:path';
import type { EmailImportLine } from '@pd-desk/shared/mail/mail-model';
import type { Command } from 'commander';
import { CliError, print, withDatabase } from '../../cli/runtime';
import { invocationDir } from '../../env';
import { FileStore } from '../files/file-store';
import { importEmail } from './email-import.service';

/** A folder means its .eml files (not its subfolders), in name order, so two runs read them alike. */
export async function emlFilesOf(typed: readonly string[]): Promise<string[]> {
  const files: string[] = [];
  for (const entry of typed) {
    const full = path.resolve(invocationDir(), entry);
    const stat = await fsp.stat(full).catch(() => null);
    if (!stat) throw new CliError(`нет такого файла или папки: ${entry}`);
    if (!stat.isDirectory()) {
      files.push(full);
      continue;
    }
    const names = (await fsp.readdir(full)).filter((n) => n.toLowerCase().endsWith('.eml')).sort();
    files.push(...names.map((n) => path.join(full, n)));
  }
  return files;
}

function describe(line: EmailImportLine): string {
  const where = line.incomingNumber ? ` вх. № ${line.incomingNumber}` : line.case ? ` обращение ${line.case}` : '';
  return `${line.file}: ${line.status}${where}${line.reason ? ` (${line.reason})` : ''}`;
}

export function registerMailCommands(program: Command) {
  const importCommand =
    program.commands.find((c) => c.name() === 'import') ?? program.command('import').description('импорт данных');
  importCommand
    .command('eml <paths...>')
    .description(
      'импорт писем .eml (файлы или папки): отзыв согласия регистрируется как обращение, повтор не создаёт ничего',
    )
    .option('--json', 'по JSON-строке на письмо: file, status, withdrawal, case')
    .action((paths: string[], opts: { json?: boolean }) =>
      withDatabase('import eml', async ({ config, service }) => {
        const store = new FileStore(config.filesDir);
        for (const file of await emlFilesOf(paths)) {
          const bytes = new Uint8Array(await fsp.readFile(file));
          const line = await importEmail(service, store, { file: path.relative(invocationDir(), file) || file, bytes });
          print(
            opts.json
              ? JSON.stringify({ file: line.file, status: line.status, withdrawal: line.withdrawal, case: line.case })
              : describe(line),
          );
        }
      }),
    );
}

import { spawn } from 'node:child_process';
import path from 'node:path';

/**
 * For suites that start the CLI: each run is a new Node process that compiles TypeScript and opens a
 * database, seconds when idle and far more on a busy machine (CI, or several test runs at once).
 */
export const CLI_SUITE_TIMEOUT = 120_000;

export type CliResult = { code: number | null; stdout: string; stderr: string };

const serverRoot = path.join(import.meta.dirname, '../..');

/**
 * Runs the real CLI (`tsx src/cli/main.ts …`) as a separate process, as an operator would. Only the
 * given variables reach it, so a developer's own DATABASE_URL or PD_DESK_DATA never leaks in.
 */
export function runCli(args: string[], env: Record<string, string>, stdin = ''): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], {
      cwd: serverRoot,
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', PD_DESK_LOG_LEVEL: 'silent', ...env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk;
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(stdin);
  });
}

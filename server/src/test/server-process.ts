import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';

const serverRoot = path.join(import.meta.dirname, '../..');

/** The real server (`src/index.ts`) as a child process on a free port; resolves once it says where it listens. */
export async function startServerProcess(
  env: Record<string, string>,
): Promise<{ server: ChildProcess; baseUrl: string }> {
  const server = spawn(process.execPath, ['--import', 'tsx', 'src/index.ts'], {
    cwd: serverRoot,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', PORT: '0', PD_DESK_LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const baseUrl = await new Promise<string>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString('utf8');
      const match = /PD Desk запущен: (http:\/\/\S+)/.exec(output);
      if (match?.[1]) resolve(match[1]);
    };
    server.stdout?.on('data', onData);
    server.stderr?.on('data', onData);
    server.once('exit', (code) => reject(new Error(`server exited with ${code}: ${output}`)));
  });
  return { server, baseUrl };
}

import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';

/**
 * The local admin channel: HTTP over a Unix socket inside the data folder. The folder is 0700 and the
 * socket 0600, so only the OS user that runs the server (the one who may read the database files
 * anyway) can connect — no token to leak, nothing on the network (ADR 0009).
 */
export const ADMIN_SOCKET = 'admin.sock';

export class AdminChannelError extends Error {}

export function adminSocketPath(dataDir: string): string {
  return path.join(dataDir, ADMIN_SOCKET);
}

type Log = { error(obj: object, msg: string): void };

export async function listenAdminSocket(
  dataDir: string,
  backup: () => Promise<Buffer>,
  log: Log,
): Promise<{ close(): Promise<void> }> {
  const socketPath = adminSocketPath(dataDir);
  // The server holds the data-folder lock, so a socket file here is a leftover of a crashed run.
  fs.rmSync(socketPath, { force: true });
  const server = http.createServer((req, res) => {
    if (req.method !== 'POST' || req.url !== '/backup') {
      res.writeHead(404).end();
      return;
    }
    backup().then(
      (archive) => {
        res.writeHead(200, { 'content-type': 'application/x-tar', 'content-length': archive.length }).end(archive);
      },
      (error: unknown) => {
        log.error({ err: error }, 'admin socket: backup failed');
        res
          .writeHead(500, { 'content-type': 'text/plain; charset=utf-8' })
          .end('сервер не смог сделать копию, см. журнал сервера');
      },
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(socketPath, () => resolve());
  });
  fs.chmodSync(socketPath, 0o600);
  return {
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        fs.rmSync(socketPath, { force: true });
      }),
  };
}

/** Asks the server that holds `dataDir` for a backup; resolves with the archive bytes. */
export function requestBackupFromServer(dataDir: string): Promise<Buffer> {
  const socketPath = adminSocketPath(dataDir);
  return new Promise((resolve, reject) => {
    const req = http.request({ socketPath, method: 'POST', path: '/backup' }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('error', reject);
      res.on('end', () => {
        const body = Buffer.concat(chunks);
        if (res.statusCode === 200) resolve(body);
        else reject(new AdminChannelError(`Сервер отказал в копии: ${body.toString('utf8')}`));
      });
    });
    req.on('error', (error: NodeJS.ErrnoException) =>
      reject(
        new AdminChannelError(
          `Папку данных держит запущенный сервер, но его служебный сокет ${socketPath} не отвечает (${error.code ?? error.message}). ` +
            'Перезапустите сервер этой версией PD Desk или остановите его и повторите команду.',
        ),
      ),
    );
    req.end();
  });
}

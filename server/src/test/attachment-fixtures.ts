import type { Role } from '@pd-desk/shared/auth/roles';
import { afterAll, beforeAll } from 'vitest';
import type { Db } from '../db/client';
import { CSRF_HEADER } from '../http/csrf';
import { createSession, SESSION_COOKIE } from '../modules/auth/sessions';
import { createServer } from '../server';
import { createTestUser, testConfig } from './factories';
import type { TestDatabase } from './test-db';
import { testTempDir } from './test-db';

/** Test support for the file routes (imported by *.test.ts only). */

export const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
export const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]);

export type UploadForm = { caseId?: number | string; fileName?: string; description?: string };

/**
 * The HTTP server on a test database with a file store of its own, for the whole file.
 * `beforeTransaction` runs as each database transaction of the server begins (to observe ordering).
 */
export function useFileServer(database: TestDatabase, options: { beforeTransaction?: () => void } = {}) {
  const state = { baseUrl: '', filesDir: '' };
  let server: ReturnType<typeof createServer> | null = null;
  beforeAll(async () => {
    state.filesDir = testTempDir('files');
    const { beforeTransaction } = options;
    const db = beforeTransaction
      ? new Proxy(database.db, {
          get(target, property, receiver) {
            if (property !== 'transaction') return Reflect.get(target, property, receiver);
            return (...args: Parameters<Db['transaction']>) => {
              beforeTransaction();
              return target.transaction(...args);
            };
          },
        })
      : database.db;
    server = createServer({
      config: testConfig({ filesDir: state.filesDir }),
      database: { kind: database.kind, location: database.location, db, close: database.close },
    });
    state.baseUrl = (await server.start()).url;
  });
  afterAll(async () => {
    // server.stop() would also close the database, which useTestDatabase closes itself.
    await server?.app.close();
  });

  return {
    get baseUrl() {
      return state.baseUrl;
    },
    get filesDir() {
      return state.filesDir;
    },
    /** A session cookie for a new user of this role. */
    async cookieFor(role: Role): Promise<string> {
      const user = await createTestUser(database.db, role);
      const { token } = await createSession(database.db, testConfig(), user.id, { ip: null, userAgent: 'vitest' });
      return `${SESSION_COOKIE}=${token}`;
    },
    /** POST /files/attachments as the web client sends it: the fields first, then the file. */
    upload(
      cookie: string,
      bytes: Uint8Array,
      form: UploadForm,
      headers: Record<string, string> = { [CSRF_HEADER]: '1' },
    ) {
      const body = new FormData();
      if (form.caseId !== undefined) body.append('caseId', String(form.caseId));
      if (form.description !== undefined) body.append('description', form.description);
      body.append('file', new Blob([bytes]), form.fileName ?? 'скан.pdf');
      return fetch(`${state.baseUrl}/files/attachments`, { method: 'POST', headers: { cookie, ...headers }, body });
    },
    download(cookie: string, attachmentId: number) {
      return fetch(`${state.baseUrl}/files/attachments/${attachmentId}`, { headers: { cookie } });
    },
  };
}

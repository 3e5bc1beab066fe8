import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { CSRF_HEADER } from '../http/csrf';
import { PDF, useFileServer } from '../test/attachment-fixtures';
import { accessRequest } from '../test/fixtures';
import { useTestDatabase } from '../test/test-db';

/**
 * Issue 9, item 10: a 5 MB upload used to travel as base64 in tRPC JSON and land as bytea through the one
 * embedded database connection, stalling every other request. Proven here by function, not by timing:
 * the file's bytes never reach the database, an upload in flight holds neither the connection nor the
 * case, and the file is durable in the store before the row that names it is written.
 */
const database = useTestDatabase();
const transactionStarts: string[][] = [];
const files = useFileServer(database, { beforeTransaction: () => transactionStarts.push(storeListing()) });

function storeListing(): string[] {
  if (!files.filesDir || !fs.existsSync(files.filesDir)) return [];
  return (fs.readdirSync(files.filesDir, { recursive: true, encoding: 'utf8' }) as string[])
    .filter((name) => fs.statSync(path.join(files.filesDir, name)).isFile())
    .sort();
}

const randomPdf = (bytes: number) => Buffer.concat([PDF, randomBytes(bytes - PDF.length)]);
const sha = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

let cookie: string;
let caseId: number;

/** A mutation (POST), or a query (GET) when `query` is set, as the web client sends them. */
async function trpc(procedure: string, input: unknown, { query = false } = {}) {
  const url = `${files.baseUrl}/trpc/${procedure}`;
  const response = query
    ? await fetch(`${url}?input=${encodeURIComponent(JSON.stringify(input))}`, { headers: { cookie } })
    : await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', [CSRF_HEADER]: '1', cookie },
        body: JSON.stringify(input),
      });
  return { status: response.status, body: (await response.json()) as { result?: { data: Record<string, unknown> } } };
}

beforeAll(async () => {
  cookie = await files.cookieFor('officer');
  caseId = Number((await trpc('cases.create', accessRequest())).body.result?.data.id);
});

describe('uploads do not stall everyone', () => {
  it('a 4 MB file does not pass through the database: it grows by far less than the file', async () => {
    const size = async () =>
      Number(
        (
          (await database.db.execute(sql`select pg_database_size(current_database())::float8 as size`)) as unknown as {
            rows: { size: number }[];
          }
        ).rows[0]?.size,
      );
    const before = await size();
    const response = await files.upload(cookie, randomPdf(4 * 1024 * 1024), { caseId, fileName: 'скан.pdf' });
    expect(response.status).toBe(201);
    expect((await size()) - before).toBeLessThan(512 * 1024);
  });

  it('while an upload is in flight and paused, other requests and the same case are served', async () => {
    const file = randomPdf(3 * 1024 * 1024);
    const upload = startRawUpload(caseId, file);
    try {
      upload.write(file.subarray(0, 1024 * 1024)); // then the client stalls mid-file
      await upload.untilBytesOnDisk(files.filesDir);

      const created = await trpc('cases.create', accessRequest({ summary: 'Пока идёт загрузка' }));
      expect(created.status).toBe(200);
      const card = await trpc('cases.byId', { id: caseId }, { query: true });
      expect(card.status).toBe(200);
      const updated = await trpc('cases.update', {
        id: caseId,
        version: card.body.result?.data.version,
        patch: { summary: 'Изменено во время загрузки' },
      });
      expect(updated.status).toBe(200);
    } catch (error) {
      upload.abort(); // a request left hanging would keep the server from closing
      throw error;
    }

    upload.finish(file.subarray(1024 * 1024));
    const answer = await upload.response;
    expect(answer.status).toBe(201);
    expect(JSON.parse(answer.body)).toMatchObject({ mimeType: 'application/pdf', sizeBytes: file.length });
  });

  it('the file is in the store, fsynced and renamed, before the transaction that writes its row begins', async () => {
    const file = randomPdf(256 * 1024);
    const name = sha(file);
    const tempBefore = storeListing().filter((f) => f.startsWith('tmp'));
    transactionStarts.length = 0;
    const response = await files.upload(cookie, file, { caseId, fileName: 'скан.pdf' });
    expect(response.status).toBe(201);
    const rowTransaction = transactionStarts.at(-1) ?? [];
    expect(rowTransaction).toContain(path.join(name.slice(0, 2), name.slice(2, 4), name));
    expect(rowTransaction.filter((f) => f.startsWith('tmp') && !tempBefore.includes(f))).toEqual([]);
  });
});

/** A multipart upload written by hand, so the test decides when the client sends the rest. */
function startRawUpload(caseId: number, file: Buffer) {
  const boundary = `----pd-desk-test-${randomBytes(8).toString('hex')}`;
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="caseId"\r\n\r\n${caseId}\r\n` +
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="scan.pdf"\r\n` +
      'Content-Type: application/pdf\r\n\r\n',
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  const request = http.request(`${files.baseUrl}/files/attachments`, {
    method: 'POST',
    headers: {
      cookie,
      [CSRF_HEADER]: '1',
      'content-type': `multipart/form-data; boundary=${boundary}`,
      'content-length': head.length + file.length + tail.length,
    },
  });
  const response = new Promise<{ status: number; body: string }>((resolve, reject) => {
    request.on('response', (res) => {
      let body = '';
      res.on('data', (chunk: Buffer) => {
        body += chunk.toString();
      });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    request.on('error', reject);
  });
  response.catch(() => {
    // an aborted upload's error is expected; the test already failed for its own reason
  });
  request.write(head);
  return {
    response,
    write: (bytes: Buffer) => request.write(bytes),
    finish: (rest: Buffer) => request.end(Buffer.concat([rest, tail])),
    abort: () => request.destroy(),
    /** The server has begun streaming the file into the store's temporary folder. */
    async untilBytesOnDisk(root: string) {
      const temp = path.join(root, 'tmp');
      for (let i = 0; i < 200; i++) {
        const parts = fs.existsSync(temp) ? fs.readdirSync(temp) : [];
        if (parts.some((p) => fs.statSync(path.join(temp, p)).size > 0)) return;
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
      throw new Error('the upload never reached the store');
    },
  };
}

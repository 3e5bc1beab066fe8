import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { testTempDir } from '../../test/test-db';
import { lastAnchorAt, writeAnchor } from './audit-anchor';

const HEAD = { seq: 42, hash: 'ab'.repeat(32) };

describe('audit anchors', () => {
  test('are appended to the anchor file, owner-only, and the last one dates the next', async () => {
    const file = path.join(testTempDir('anchors'), 'other-disk', 'pd-desk-anchors.jsonl');
    const config = { auditAnchorFile: file, auditAnchorUrl: undefined };
    expect(lastAnchorAt(config)).toBeNull();
    await writeAnchor(config, HEAD, new Date('2026-12-01T00:00:00Z'));
    await writeAnchor(config, { ...HEAD, seq: 43 }, new Date('2026-12-02T00:00:00Z'));
    expect(
      fs
        .readFileSync(file, 'utf8')
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l).seq),
    ).toEqual([42, 43]);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(lastAnchorAt(config)).toEqual(new Date('2026-12-02T00:00:00Z'));
  });

  test('are POSTed to the webhook; a refusing webhook is an error', async () => {
    const received: unknown[] = [];
    let status = 200;
    const server = http.createServer((req, res) => {
      let body = '';
      req.on('data', (chunk) => {
        body += chunk;
      });
      req.on('end', () => {
        received.push(JSON.parse(body));
        res.writeHead(status).end();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/anchors`;
    try {
      const config = { auditAnchorFile: undefined, auditAnchorUrl: url };
      await writeAnchor(config, HEAD, new Date('2026-12-01T00:00:00Z'));
      expect(received).toEqual([
        { source: 'pd-desk', kind: 'audit-anchor', at: '2026-12-01T00:00:00.000Z', seq: 42, hash: HEAD.hash },
      ]);
      status = 503;
      await expect(writeAnchor(config, HEAD, new Date())).rejects.toThrow('anchor webhook answered 503');
    } finally {
      server.close();
    }
  });
});

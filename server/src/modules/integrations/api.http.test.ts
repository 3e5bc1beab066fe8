import type { ApiScope } from '@pd-desk/shared/integrations/api-scopes';
import { Validator } from '@seriousme/openapi-schema-validator';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { consents } from '../../db/schema/subject-records';
import { subjects } from '../../db/schema/subjects';
import { CSRF_REFUSAL } from '../../http/csrf';
import { createServer } from '../../server';
import { auditEntries, serviceContext, testConfig } from '../../test/factories';
import { useTestDatabase } from '../../test/test-db';
import { forgetApiKeys } from './api-key-cache';
import { createApiKey, revokeApiKey } from './api-keys.service';
import { API_OPERATIONS } from './api-spec';
import { systemByCode } from './purposes';

describe('integration API /api/v1', () => {
  const database = useTestDatabase();
  let server: ReturnType<typeof createServer>;
  let baseUrl: string;
  const keys: Record<string, string> = {};

  async function keyFor(system: string, scopes: ApiScope[], rateLimit = 0) {
    const { id } = await systemByCode(database.db, system);
    const created = await createApiKey(serviceContext(database.db), { systemId: id, scopes, rateLimit });
    return { ...created };
  }

  function api(
    path: string,
    init: { method?: string; key?: string | null; body?: unknown; headers?: Record<string, string> } = {},
  ) {
    const headers: Record<string, string> = { ...init.headers };
    if (init.key) headers.authorization = `Bearer ${init.key}`;
    if (init.body !== undefined) headers['content-type'] = 'application/json';
    return fetch(`${baseUrl}/api/v1${path}`, {
      method: init.method ?? 'GET',
      headers,
      ...(init.body !== undefined
        ? { body: typeof init.body === 'string' ? init.body : JSON.stringify(init.body) }
        : {}),
    });
  }

  const permissions = async (query: string, key = keys.booking) => {
    const response = await api(`/permissions?${query}`, { key });
    return {
      status: response.status,
      body: (await response.json()) as { allowed: boolean; reasons: string[]; code?: string },
    };
  };

  const bookingRecord = (phone: string, extra: Record<string, unknown> = {}) => ({
    person: { lastName: 'Соколова', firstName: 'Анна', birthDate: '1990-04-12', phone },
    purpose: 'online_booking',
    legalBasis: 'consent',
    fields: ['full_name', 'phone'],
    ...extra,
  });

  const consent = (phone: string, extra: Record<string, unknown> = {}) => ({
    person: { phone },
    purpose: 'online_booking',
    form: 'Запись на приём, implantacia-pro.ru/booking',
    checkboxText: 'Я согласен на обработку персональных данных',
    policyVersion: '2026-03',
    givenAt: '2026-11-30T10:15:00+05:00',
    ip: '203.0.113.7',
    ...extra,
  });

  beforeAll(async () => {
    server = createServer({ config: testConfig(), database });
    baseUrl = (await server.start()).url;
    keys.booking = (await keyFor('booking_site', ['permissions:read', 'records:write', 'consents:write'])).key;
    keys.newsletter = (await keyFor('newsletter', ['suppression:read', 'permissions:read'])).key;
    keys.feedback = (await keyFor('feedback_form', ['requests:write'])).key;
  });

  afterAll(async () => {
    await server?.app.close();
  });

  describe('keys', () => {
    test('missing, wrong, expired, revoked and out-of-scope keys are refused with a code', async () => {
      const q = '/permissions?phone=89120000000&purpose=online_booking';
      expect(await (await api(q, { key: null })).json()).toEqual({
        code: 'missing_key',
        message: expect.stringMatching(/ключ/i),
      });
      expect((await api(q, { key: null })).status).toBe(401);
      const wrong = await api(q, { key: 'pdd_notarealkey' });
      expect([wrong.status, ((await wrong.json()) as { code: string }).code]).toEqual([401, 'invalid_key']);

      const expiring = await keyFor('mis', ['permissions:read']);
      expect((await api(q, { key: expiring.key })).status).toBe(200);
      await database.db.execute(
        sql`update api_keys set expires_at = now() - interval '1 minute' where id = ${expiring.id}`,
      );
      forgetApiKeys();
      const expired = await api(q, { key: expiring.key });
      expect([expired.status, ((await expired.json()) as { code: string }).code]).toEqual([401, 'expired_key']);

      await revokeApiKey(serviceContext(database.db), expiring.id);
      const revoked = await api(q, { key: expiring.key });
      expect([revoked.status, ((await revoked.json()) as { code: string }).code]).toEqual([401, 'revoked_key']);

      // The feedback form may register requests, nothing else.
      const scoped = await api(q, { key: keys.feedback });
      expect([scoped.status, ((await scoped.json()) as { code: string }).code]).toEqual([403, 'insufficient_scope']);
      const list = await api('/suppression-list?purpose=newsletter', { key: keys.booking });
      expect(list.status).toBe(403);
    });

    test('one live key per system; the rate limit answers 429 with Retry-After; 0 means none', async () => {
      const { id } = await systemByCode(database.db, 'payments');
      const limited = await createApiKey(serviceContext(database.db), {
        systemId: id,
        scopes: ['permissions:read'],
        rateLimit: 2,
      });
      await expect(
        createApiKey(serviceContext(database.db), { systemId: id, scopes: ['permissions:read'] }),
      ).rejects.toMatchObject({ reason: 'key_exists' });
      const q = '/permissions?phone=89120000000&purpose=medical_care';
      expect((await api(q, { key: limited.key })).status).toBe(200);
      expect((await api(q, { key: limited.key })).status).toBe(200);
      const third = await api(q, { key: limited.key });
      expect(third.status).toBe(429);
      expect(Number(third.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(((await third.json()) as { code: string }).code).toBe('rate_limited');
      for (let i = 0; i < 5; i++) expect((await api(q, { key: keys.booking })).status).toBe(200);
    });

    test('key routes skip the cookie CSRF guard (they use no cookie); the rest of the server keeps it', async () => {
      const response = await api('/consents', {
        method: 'POST',
        key: keys.booking,
        body: consent('+7 912 555-00-01', {
          person: { phone: '+7 912 555-00-01', lastName: 'Орлов', firstName: 'Пётр' },
        }),
        headers: { 'idempotency-key': 'csrf-check-1', origin: 'https://evil.example' },
      });
      expect(response.status).toBe(201);
      const trpc = await fetch(`${baseUrl}/trpc/auth.signIn`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{}',
      });
      expect(trpc.status).toBe(403);
      expect(await trpc.json()).toEqual({ error: CSRF_REFUSAL });
    });
  });

  describe('bad input gets a 4xx with a code, never a 500', () => {
    test.each([
      ['phone=abc&purpose=online_booking', 'invalid_phone'],
      ['phone=12345&purpose=online_booking', 'invalid_phone'],
      ['email=ivanova@&purpose=online_booking', 'invalid_email'],
      ['email=%00x@mail.ru&purpose=online_booking', 'invalid_request'],
      ['phone=89120000000&purpose=Bad%20Code', 'invalid_request'],
      ['phone=89120000000&purpose=no_such_purpose', 'unknown_purpose'],
      ['phone=89120000000', 'invalid_request'],
      ['phone=89120000000&email=a@b.ru&purpose=online_booking', 'invalid_request'],
      ['purpose=online_booking', 'invalid_request'],
      ['phone=89120000000&phone=89120000001&purpose=online_booking', 'invalid_request'],
    ])('GET /permissions?%s → %s', async (query, code) => {
      const { status, body } = await permissions(query);
      expect(status).toBe(400);
      expect(body.code).toBe(code);
      expect((body as unknown as { message: string }).message).toMatch(/[а-яё]/i);
    });

    test('broken JSON, wrong content type, unknown fields of a record, unknown paths', async () => {
      const broken = await api('/consents', {
        method: 'POST',
        key: keys.booking,
        body: '{"person":',
        headers: { 'idempotency-key': 'b1' },
      });
      expect([broken.status, ((await broken.json()) as { code: string }).code]).toEqual([400, 'invalid_json']);
      const text = await fetch(`${baseUrl}/api/v1/consents`, {
        method: 'POST',
        headers: { authorization: `Bearer ${keys.booking}`, 'content-type': 'text/plain' },
        body: 'hello',
      });
      expect(text.status).toBe(415);
      const noKey = await api('/consents', { method: 'POST', key: keys.booking, body: consent('+79125550002') });
      expect(((await noKey.json()) as { code: string }).code).toBe('idempotency_key_required');
      const badFields = await api('/records/booking_site/B-1', {
        method: 'PUT',
        key: keys.booking,
        body: bookingRecord('+79125550003', { fields: ['soul'] }),
      });
      expect([badFields.status, ((await badFields.json()) as { code: string }).code]).toEqual([400, 'invalid_request']);
      const unknown = await api('/nothing-here', { key: keys.booking });
      expect([unknown.status, ((await unknown.json()) as { code: string }).code]).toEqual([404, 'not_found']);
    });
  });

  describe('records, consents and permissions', () => {
    test('a consent given later than now or a record collected after today is refused, and nothing is written', async () => {
      const tomorrow = new Date(Date.now() + 86_400_000);
      const written = async () => [await database.db.$count(consents), await database.db.$count(subjects)];
      const before = await written();
      const consentLater = await api('/consents', {
        method: 'POST',
        key: keys.booking,
        body: consent('+79125550031', { givenAt: tomorrow.toISOString() }),
        headers: { 'idempotency-key': 'future-consent' },
      });
      const refusal = (await consentLater.json()) as { code: string; message: string };
      expect([consentLater.status, refusal.code]).toEqual([400, 'date_in_future']);
      expect(refusal.message).toMatch(/^Момент дачи согласия .* позже текущего момента/);
      const recordLater = await api('/records/booking_site/F-1', {
        method: 'PUT',
        key: keys.booking,
        // Two days on: a day after today in Yekaterinburg whatever the hour in UTC.
        body: bookingRecord('+79125550032', {
          collectedOn: new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10),
        }),
      });
      const recordRefusal = (await recordLater.json()) as { code: string; message: string };
      expect([recordLater.status, recordRefusal.code]).toEqual([400, 'date_in_future']);
      expect(recordRefusal.message).toMatch(/^Дата сбора данных \d\d\.\d\d\.\d{4} позже сегодняшней/);
      expect(await written()).toEqual(before);
    });

    test('a booking record without consent is refused, a consent allows it, a block refuses again, withdrawal and stop too', async () => {
      const put = await api('/records/booking_site/B-100', {
        method: 'PUT',
        key: keys.booking,
        body: bookingRecord('+7 (912) 000-11-22'),
      });
      expect(put.status).toBe(201);
      const { subjectId, recordId } = (await put.json()) as { subjectId: number; recordId: number };
      // Re-sent with other fields: the same record, updated.
      const again = await api('/records/booking_site/B-100', {
        method: 'PUT',
        key: keys.booking,
        body: bookingRecord('+7 (912) 000-11-22', { fields: ['full_name', 'phone', 'email'] }),
      });
      expect(again.status).toBe(200);
      expect(await again.json()).toEqual({ recordId, subjectId, created: false });

      expect((await permissions('phone=8 912 000 11 22&purpose=online_booking')).body).toEqual({
        allowed: false,
        reasons: ['no-consent'],
      });
      // Contract or law needs no consent.
      expect((await permissions('phone=89120001122&purpose=medical_care')).body).toEqual({
        allowed: true,
        reasons: [],
      });

      const posted = await api('/consents', {
        method: 'POST',
        key: keys.booking,
        body: consent('+79120001122'),
        headers: { 'idempotency-key': 'consent-100' },
      });
      expect(posted.status).toBe(201);
      const first = await posted.json();
      expect(first).toMatchObject({ subjectId, newSubject: false });
      expect((await permissions('phone=%2B79120001122&purpose=online_booking')).body).toEqual({
        allowed: true,
        reasons: [],
      });

      await database.db.execute(sql`update pd_records set state = 'blocked' where id = ${recordId}`);
      expect((await permissions('phone=9120001122&purpose=online_booking')).body).toEqual({
        allowed: false,
        reasons: ['blocked'],
      });
      const blockedPut = await api('/records/booking_site/B-100', {
        method: 'PUT',
        key: keys.booking,
        body: bookingRecord('+79120001122'),
      });
      expect([blockedPut.status, ((await blockedPut.json()) as { code: string }).code]).toEqual([
        409,
        'record_not_active',
      ]);

      await database.db.execute(sql`update pd_records set state = 'processing_stopped' where id = ${recordId}`);
      await database.db.execute(sql`update consents set withdrawn_at = now() where subject_id = ${subjectId}`);
      expect((await permissions('phone=89120001122&purpose=online_booking')).body).toEqual({
        allowed: false,
        reasons: ['consent-withdrawn', 'processing-stopped'],
      });

      // Unknown contacts: nothing forbids a law-based purpose; a consent-based one has no consent.
      expect((await permissions('email=Nobody@Example.RU&purpose=medical_care')).body).toEqual({
        allowed: true,
        reasons: ['unknown-contact'],
      });
      expect((await permissions('email=nobody@example.ru&purpose=newsletter')).body).toEqual({
        allowed: false,
        reasons: ['no-consent', 'unknown-contact'],
      });

      // Each call is in the trail by subject id; the phone itself is not.
      const entries = await auditEntries(database.db, 'api.permissions');
      expect(entries.length).toBeGreaterThanOrEqual(6);
      const mine = entries.filter((e) => e.objectId === String(subjectId));
      expect(mine[0]).toMatchObject({ actorLogin: 'api:booking_site', objectType: 'subject' });
      expect(JSON.stringify(entries)).not.toContain('9120001122');
      expect(
        (await auditEntries(database.db, 'subject.record_add')).some((e) => e.objectId === String(subjectId)),
      ).toBe(true);
    });

    test('consents are idempotent by Idempotency-Key: same body → same answer, other body → 409', async () => {
      const body = consent('+79125551234', {
        person: { phone: '+79125551234', lastName: 'Лебедева', firstName: 'Ольга' },
      });
      const send = (b: unknown, key = 'idem-1') =>
        api('/consents', { method: 'POST', key: keys.booking, body: b, headers: { 'idempotency-key': key } });
      const first = await send(body);
      const second = await send(body);
      expect([first.status, second.status]).toEqual([201, 201]);
      const answer = await first.json();
      expect(await second.json()).toEqual(answer);
      const { subjectId } = answer as { subjectId: number };
      const rows = await database.db.execute(
        sql`select count(*)::int as n from consents where subject_id = ${subjectId}`,
      );
      expect((rows as unknown as { rows: Array<{ n: number }> }).rows[0]?.n).toBe(1);
      const other = await send({ ...body, policyVersion: '2027-01' });
      expect([other.status, ((await other.json()) as { code: string }).code]).toEqual([409, 'idempotency_conflict']);
      // Concurrent retries of one key register once.
      const racing = await Promise.all(
        [1, 2, 3].map(() =>
          send(
            consent('+79125554321', { person: { phone: '+79125554321', lastName: 'Егоров', firstName: 'Илья' } }),
            'idem-race',
          ),
        ),
      );
      expect(racing.map((r) => r.status)).toEqual([201, 201, 201]);
      const ids = new Set(
        await Promise.all(racing.map(async (r) => ((await r.json()) as { consentId: number }).consentId)),
      );
      expect(ids.size).toBe(1);
    });

    test('a system writes only its own records', async () => {
      const response = await api('/records/mis/M-1', {
        method: 'PUT',
        key: keys.booking,
        body: bookingRecord('+79125550009'),
      });
      expect([response.status, ((await response.json()) as { code: string }).code]).toEqual([403, 'foreign_system']);
    });

    test('a web-form request becomes a case with its clock; the receipt is the incoming number', async () => {
      const response = await api('/requests', {
        method: 'POST',
        key: keys.feedback,
        body: {
          type: 'access',
          requester: { name: 'Сидоров Иван', email: 'sidorov@example.ru' },
          summary: 'Прошу сообщить, какие мои данные обрабатываются',
        },
      });
      expect(response.status).toBe(201);
      const body = (await response.json()) as {
        caseId: number;
        receiptNumber: string;
        dueOn: string;
        registeredOn: string;
      };
      expect(body.receiptNumber).toMatch(/\d/);
      expect(body.dueOn > body.registeredOn).toBe(true);
      const rows = await database.db.execute(
        sql`select channel, incoming_number, due_on from cases where id = ${body.caseId}`,
      );
      expect((rows as unknown as { rows: unknown[] }).rows[0]).toMatchObject({
        channel: 'web_form',
        incoming_number: body.receiptNumber,
      });
      const bad = await api('/requests', {
        method: 'POST',
        key: keys.feedback,
        body: { type: 'rkn_inquiry', requester: { name: 'X' }, summary: 'x' },
      });
      expect(bad.status).toBe(400);
    });
  });

  describe('suppression list', () => {
    test('streams JSON and CSV with an ETag; an unchanged list is a 304; a change moves the ETag', async () => {
      const put = await api('/records/booking_site/S-1', {
        method: 'PUT',
        key: keys.booking,
        body: {
          ...bookingRecord('+79127770000'),
          person: { lastName: 'Зайцева', firstName: 'Мария', phone: '+79127770000', email: 'Zaiceva@Mail.ru' },
          purpose: 'newsletter',
        },
      });
      const { recordId } = (await put.json()) as { recordId: number };
      const list = async (format: string, etag?: string) =>
        api(`/suppression-list?purpose=newsletter&format=${format}`, {
          key: keys.newsletter,
          headers: etag ? { 'if-none-match': etag } : {},
        });
      const before = await list('json');
      const etag = before.headers.get('etag') ?? '';
      expect(((await before.json()) as { contacts: unknown[] }).contacts).toEqual([]);
      expect((await list('json', etag)).status).toBe(304);

      await database.db.execute(sql`update pd_records set state = 'processing_stopped' where id = ${recordId}`);
      const after = await list('json', etag);
      expect(after.status).toBe(200);
      expect(after.headers.get('etag')).not.toBe(etag);
      expect((await after.json()) as unknown).toMatchObject({
        purpose: 'newsletter',
        contacts: expect.arrayContaining([
          { kind: 'phone', value: '79127770000' },
          { kind: 'email', value: 'zaiceva@mail.ru' },
        ]),
      });
      const csv = await list('csv');
      expect(csv.headers.get('content-type')).toMatch(/text\/csv/);
      const lines = (await csv.text()).trim().split('\r\n');
      expect(lines[0]).toBe('kind,value');
      expect(lines).toContain('phone,79127770000');
      expect((await auditEntries(database.db, 'api.suppression_list')).length).toBeGreaterThanOrEqual(3);
    });
  });

  describe('OpenAPI', () => {
    test('the document validates as OpenAPI 3.1 and lists every route with its scope', async () => {
      const response = await fetch(`${baseUrl}/api/v1/openapi.json`);
      const doc = (await response.json()) as {
        openapi: string;
        paths: Record<string, Record<string, { 'x-scope': string }>>;
      };
      const validator = new Validator();
      const result = await validator.validate(doc as never);
      expect(result.errors ?? []).toEqual([]);
      expect(result.valid).toBe(true);
      expect(doc.openapi).toBe('3.1.0');
      for (const op of API_OPERATIONS) {
        expect(doc.paths[op.path]?.[op.method.toLowerCase()]?.['x-scope']).toBe(op.scope);
      }
      expect(Object.values(doc.paths).flatMap((p) => Object.keys(p))).toHaveLength(API_OPERATIONS.length);
      // Every documented route answers (not a 404 from the router).
      for (const op of API_OPERATIONS) {
        const path = op.path.replace('{system}', 'booking_site').replace('{externalId}', 'X');
        const r = await fetch(`${baseUrl}/api/v1${path}`, { method: op.method });
        expect(r.status, `${op.method} ${path}`).toBe(401);
      }
    });

    test('the reference page is plain HTML, served without any external resource', async () => {
      const response = await fetch(`${baseUrl}/api/docs`);
      expect(response.headers.get('content-type')).toMatch(/text\/html/);
      const html = await response.text();
      for (const op of API_OPERATIONS) expect(html).toContain(`/api/v1${op.path}`);
      expect(html).not.toMatch(/https?:\/\/(?!www\.w3)/);
      expect(html).not.toContain('<script');
    });
  });
});

import { describe, expect, test } from 'vitest';
import { auditEntries, callerFor } from '../../test/factories';
import { useTestDatabase } from '../../test/test-db';
import { systemByCode } from './purposes';

describe('integrations admin router', () => {
  const database = useTestDatabase();

  test('the admin creates a key (shown once), sees it listed without secret material, and revokes it', async () => {
    const admin = await callerFor(database.db, 'admin');
    const { id: systemId } = await systemByCode(database.db, 'newsletter');
    const created = await admin.integrations.createKey({
      systemId,
      scopes: ['suppression:read'],
      expiresOn: '2099-12-31',
    });
    expect(created.key).toMatch(/^pdd_[A-Za-z0-9_-]{43}$/);
    const [listed] = await admin.integrations.keys();
    expect(listed).toMatchObject({
      id: created.id,
      systemCode: 'newsletter',
      prefix: created.key.slice(0, 10),
      scopes: ['suppression:read'],
      rateLimit: 600,
      revokedAt: null,
      lastUsedAt: null,
    });
    expect(listed?.expiresAt).toMatch(/^2100-01-0[12]|^2099-12-31/);
    expect(JSON.stringify(listed)).not.toContain(created.key);
    expect(Object.keys(listed ?? {})).not.toContain('keyHash');
    await admin.integrations.revokeKey({ id: created.id });
    expect((await admin.integrations.keys())[0]?.revokedAt).not.toBeNull();
    // The trail holds the key's settings, never the key or its hash.
    const trail = JSON.stringify(await auditEntries(database.db));
    expect(trail).toContain('api_key.create');
    expect(trail).not.toContain(created.key);
  });

  test('a webhook secret is returned once at creation and never listed', async () => {
    const admin = await callerFor(database.db, 'admin');
    const { id: systemId } = await systemByCode(database.db, 'booking_site');
    const { secret } = await admin.integrations.createWebhook({
      systemId,
      url: 'https://booking.example/hook',
      eventTypes: ['block.created'],
    });
    expect(secret).toMatch(/^whsec_/);
    expect(JSON.stringify(await admin.integrations.webhooks())).not.toContain(secret);
    await expect(
      admin.integrations.createWebhook({ systemId, url: 'ftp://x', eventTypes: ['block.created'] }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST' });
  });

  test('officers, registrars and auditors get nothing', async () => {
    for (const role of ['officer', 'registrar', 'auditor'] as const) {
      const caller = await callerFor(database.db, role);
      await expect(caller.integrations.keys()).rejects.toMatchObject({ code: 'FORBIDDEN' });
      await expect(caller.integrations.deliveries({ limit: 10 })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    }
  });
});

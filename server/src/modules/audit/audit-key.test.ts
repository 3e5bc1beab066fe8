import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { testTempDir } from '../../test/test-db';
import { AuditKeyError, loadAuditKey } from './audit-key';

describe('the audit key', () => {
  test('is generated once, owner-only, and read back the same', () => {
    const file = path.join(testTempDir('key'), 'nested', 'pd-desk-audit.key');
    const first = loadAuditKey({ auditKeyHex: undefined, auditKeyFile: file });
    expect(first).toHaveLength(32);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(loadAuditKey({ auditKeyHex: undefined, auditKeyFile: file }).equals(first)).toBe(true);
    expect(fs.readdirSync(path.dirname(file))).toEqual(['pd-desk-audit.key']);
  });

  test('the environment variable wins over the file', () => {
    const hex = 'ab'.repeat(32);
    const file = path.join(testTempDir('key'), 'never-created.key');
    expect(loadAuditKey({ auditKeyHex: hex, auditKeyFile: file }).toString('hex')).toBe(hex);
    expect(fs.existsSync(file)).toBe(false);
  });

  test('a key file readable by others, or damaged, is refused', () => {
    const file = path.join(testTempDir('key'), 'pd-desk-audit.key');
    fs.writeFileSync(file, `${'cd'.repeat(32)}\n`, { mode: 0o644 });
    fs.chmodSync(file, 0o644);
    expect(() => loadAuditKey({ auditKeyHex: undefined, auditKeyFile: file })).toThrow(AuditKeyError);
    expect(() => loadAuditKey({ auditKeyHex: undefined, auditKeyFile: file })).toThrow(/chmod 600/);
    fs.writeFileSync(file, 'short\n', { mode: 0o600 });
    fs.chmodSync(file, 0o600);
    expect(() => loadAuditKey({ auditKeyHex: undefined, auditKeyFile: file })).toThrow(/повреждён/);
  });
});

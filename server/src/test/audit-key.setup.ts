import { useAuditKey } from '../modules/audit/audit-key';

/** Every test worker signs the audit chain with a fixed key, as a server would with its key file. */
export const TEST_AUDIT_KEY = Buffer.alloc(32, 0x5a);
useAuditKey(TEST_AUDIT_KEY);

import type { Role } from '@pd-desk/shared/auth/roles';
import { paths } from '../../config/paths';

/** The areas of the desk, in the order of the officer's day; roles mirror the server's checks. */
export const NAV_ITEMS: ReadonlyArray<{ key: string; href: string; roles: readonly Role[] }> = [
  { key: 'queue', href: paths.queue.href(), roles: ['officer', 'auditor', 'admin', 'registrar'] },
  { key: 'subjects', href: paths.subjects.href(), roles: ['officer', 'auditor', 'admin', 'registrar'] },
  { key: 'blocks', href: paths.blocks.href(), roles: ['officer', 'auditor', 'admin'] },
  { key: 'mail', href: paths.mail.href(), roles: ['officer', 'registrar', 'auditor', 'admin'] },
  { key: 'incidents', href: paths.incidents.href(), roles: ['officer', 'auditor', 'admin'] },
  { key: 'registers', href: paths.registers.href(), roles: ['officer', 'auditor', 'admin'] },
  { key: 'admin', href: paths.adminUsers.href(), roles: ['admin'] },
];

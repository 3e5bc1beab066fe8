import type { Role } from '@pd-desk/shared/auth/roles';
import { paths } from '../../config/paths';

/** The areas of the desk, in the order of the officer's day; roles mirror the server's checks. */
type NavItem = { key: string; href: string; roles: readonly Role[]; children?: readonly NavItem[] };

export const NAV_ITEMS: ReadonlyArray<NavItem> = [
  { key: 'queue', href: paths.queue.href(), roles: ['officer', 'auditor', 'admin', 'registrar'] },
  { key: 'dashboard', href: paths.dashboard.href(), roles: ['officer', 'auditor'] },
  { key: 'subjects', href: paths.subjects.href(), roles: ['officer', 'auditor', 'admin', 'registrar'] },
  { key: 'blocks', href: paths.blocks.href(), roles: ['officer', 'auditor', 'admin'] },
  {
    key: 'mail',
    href: paths.mail.href(),
    roles: ['officer', 'registrar', 'auditor', 'admin'],
    children: [
      { key: 'mailInbox', href: paths.mailInbox.href(), roles: ['officer', 'registrar', 'auditor', 'admin'] },
      { key: 'mailRegisters', href: paths.mailRegisters.href(), roles: ['officer', 'registrar', 'auditor'] },
    ],
  },
  { key: 'breaches', href: paths.breaches.href(), roles: ['officer', 'auditor', 'admin'] },
  { key: 'registers', href: paths.registers.href(), roles: ['officer', 'auditor', 'admin'] },
  {
    key: 'admin',
    href: paths.adminUsers.href(),
    roles: ['admin'],
    children: [
      { key: 'adminUsers', href: paths.adminUsers.href(), roles: ['admin'] },
      { key: 'adminCalendar', href: paths.adminCalendar.href(), roles: ['admin'] },
      { key: 'adminLetterhead', href: paths.adminLetterhead.href(), roles: ['admin'] },
      { key: 'adminCatalogue', href: paths.adminCatalogue.href(), roles: ['admin'] },
      { key: 'adminIntegrations', href: paths.adminIntegrations.href(), roles: ['admin'] },
    ],
  },
];

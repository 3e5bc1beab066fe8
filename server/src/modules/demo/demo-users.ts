import type { Role } from '@pd-desk/shared/auth/roles';
import { count } from 'drizzle-orm';
import { users } from '../../db/schema/users';
import type { ServiceContext } from '../../service-context';
import { createUser } from '../users/users.service';

export const DEMO_USERS: ReadonlyArray<{ login: string; role: Role; displayName: string; password: string }> = [
  { login: 'officer', role: 'officer', displayName: 'Ольга Смирнова', password: 'demo-officer-2026' },
  {
    login: 'registrar',
    role: 'registrar',
    displayName: 'Ирина Ковалёва',
    password: 'demo-registrar-2026',
  },
  { login: 'auditor', role: 'auditor', displayName: 'Павел Фёдоров', password: 'demo-auditor-2026' },
  { login: 'admin', role: 'admin', displayName: 'Андрей Соколов', password: 'demo-admin-2026' },
];

/** Only on an empty database: a real installation with users is never touched. */
export async function createDemoUsersIfEmpty(ctx: ServiceContext): Promise<boolean> {
  const { db } = ctx;
  const [row] = await db.select({ n: count() }).from(users);
  if ((row?.n ?? 0) > 0) return false;
  for (const user of DEMO_USERS) await createUser(ctx, user);
  return true;
}

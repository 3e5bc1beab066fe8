/** Roles from domain.md: who does what. The server checks them; the web only hides what would be refused. */
export const ROLES = ['admin', 'officer', 'registrar', 'auditor'] as const;
export type Role = (typeof ROLES)[number];

export const ALL_ROLES: readonly Role[] = ROLES;
/** Roles that read personal data and registers but do not change them are included where reading is all. */
export const READERS: readonly Role[] = ['admin', 'officer', 'auditor'];
/** Roles that may (and, when the admin requires it, must) sign in with a second factor. */
export const TWO_FACTOR_ROLES: readonly Role[] = ['admin', 'officer'];

import type { Role } from '@pd-desk/shared/auth/roles';

/** Who enters letters and e-mails and matches them: the registrar, and the officer and admin who may stand in. */
export const INTAKE_ROLES: readonly Role[] = ['registrar', 'officer', 'admin'];
/** The incoming list and a letter's page: everyone with a part in the mail desk; the auditor reads. */
export const MAIL_READERS: readonly Role[] = ['registrar', 'officer', 'admin', 'auditor'];

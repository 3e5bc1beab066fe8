/** Every URL of the app in one place: routes use `path`, links use `href`. */
export type ExportTable =
  | 'triage/queue'
  | 'audit/log'
  | 'subjects/list'
  | 'mail/registers/incoming'
  | 'mail/registers/outgoing'
  | 'mail/registers/acts'
  | 'mail/registers/requests';

export const paths = {
  signIn: {
    path: '/sign-in',
    href: (next?: string) => (next ? `/sign-in?next=${encodeURIComponent(next)}` : '/sign-in'),
  },
  queue: { path: '/', href: (search = '') => (search ? `/?${search}` : '/') },
  dashboard: { path: '/dashboard', href: () => '/dashboard' },
  case: { path: '/cases/:caseId', href: (id: number | string) => `/cases/${id}` },
  subjects: { path: '/subjects', href: () => '/subjects' },
  subject: { path: '/subjects/:subjectId', href: (id: number | string) => `/subjects/${id}` },
  subjectImport: { path: '/subjects/import', href: () => '/subjects/import' },
  blocks: { path: '/blocks', href: () => '/blocks' },
  block: { path: '/blocks/:blockId', href: (id: number | string) => `/blocks/${id}` },
  mail: { path: '/mail', href: () => '/mail/inbox' },
  mailInbox: { path: '/mail/inbox', href: () => '/mail/inbox' },
  mailItem: { path: '/mail/inbox/:itemId', href: (id: number | string) => `/mail/inbox/${id}` },
  /** The action plan of a withdrawal (built by the plan screens). */
  mailPlan: { path: '/mail/cases/:caseId/plan', href: (caseId: number | string) => `/mail/cases/${caseId}/plan` },
  mailRegisters: {
    path: '/mail/registers',
    href: (search = '') => (search ? `/mail/registers?${search}` : '/mail/registers'),
  },
  breaches: { path: '/breaches', href: () => '/breaches' },
  breach: { path: '/breaches/:breachId', href: (id: number | string) => `/breaches/${id}` },
  registers: { path: '/registers', href: () => '/registers' },
  audit: { path: '/registers/audit', href: () => '/registers/audit' },
  accountSecurity: { path: '/account/security', href: () => '/account/security' },
  adminUsers: { path: '/admin/users', href: () => '/admin/users' },
  adminCalendar: { path: '/admin/calendar', href: () => '/admin/calendar' },
  adminLetterhead: { path: '/admin/letterhead', href: () => '/admin/letterhead' },
  adminCatalogue: { path: '/admin/catalogue', href: () => '/admin/catalogue' },
  adminIntegrations: { path: '/admin/integrations', href: () => '/admin/integrations' },
  /** Served by the server outside the SPA: downloads, each one audited. */
  letterPdf: { path: '/files/letters/:letterId.pdf', href: (id: number) => `/files/letters/${id}.pdf` },
  attachment: { path: '/files/attachments/:attachmentId', href: (id: number) => `/files/attachments/${id}` },
  breachLetters: { path: '/files/breaches/:id/letters.pdf', href: (id: number) => `/files/breaches/${id}/letters.pdf` },
  breachLetter: {
    path: '/files/breaches/:id/letters/:subjectId.pdf',
    href: (id: number, subjectId: number) => `/files/breaches/${id}/letters/${subjectId}.pdf`,
  },
  breachRegisterExport: {
    path: '/files/breaches/register.:format',
    href: (format: 'csv' | 'xlsx' | 'pdf', search = '') =>
      `/files/breaches/register.${format}${search ? `?${search}` : ''}`,
  },
  breachAttachment: { path: '/files/breach-attachments/:id', href: (id: number) => `/files/breach-attachments/${id}` },
  breachAttachmentUpload: { path: '/files/breach-attachments', href: () => '/files/breach-attachments' },
  /** Every mail document as PDF or DOCX, from one template (ADR 0017). */
  mailLetterFile: {
    path: '/files/mail/letters/:id.:format',
    href: (id: number, format: 'pdf' | 'docx') => `/files/mail/letters/${id}.${format}`,
  },
  mailActFile: {
    path: '/files/mail/acts/:id.:format',
    href: (id: number, format: 'pdf' | 'docx') => `/files/mail/acts/${id}.${format}`,
  },
  /** Exports (server/src/http/exports.routes.ts): the table, the format, the screen's filters as the query. */
  tableExport: {
    path: '/files/:table.:format',
    href: (table: ExportTable, format: 'csv' | 'xlsx' | 'pdf', search = '') =>
      `/files/${table}.${format}${search ? `?${search}` : ''}`,
  },
  /** Uploads go here as a streamed multipart form, not through tRPC (ADR 0012). */
  attachmentUpload: { path: '/files/attachments', href: () => '/files/attachments' },
  mailScanUpload: { path: '/files/mail/scans', href: () => '/files/mail/scans' },
  mailScanPage: {
    path: '/files/mail/scans/:id/pages/:page',
    href: (id: number, page: number) => `/files/mail/scans/${id}/pages/${page}`,
  },
} as const;

/**
 * The history state of a case opened from the queue: the case page's «назад» then goes back in history, so the
 * queue comes back with its filters, its scroll and the focus on the same row (ADR 0026).
 */
export const FROM_QUEUE = { fromQueue: true } as const;

export function cameFromQueue(state: unknown): boolean {
  return typeof state === 'object' && state !== null && 'fromQueue' in state && state.fromQueue === true;
}

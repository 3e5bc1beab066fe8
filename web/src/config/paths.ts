/** Every URL of the app in one place: routes use `path`, links use `href`. */
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
  mail: { path: '/mail', href: () => '/mail' },
  breaches: { path: '/breaches', href: () => '/breaches' },
  registers: { path: '/registers', href: () => '/registers' },
  audit: { path: '/registers/audit', href: () => '/registers/audit' },
  adminUsers: { path: '/admin/users', href: () => '/admin/users' },
  adminCalendar: { path: '/admin/calendar', href: () => '/admin/calendar' },
  adminLetterhead: { path: '/admin/letterhead', href: () => '/admin/letterhead' },
  adminCatalogue: { path: '/admin/catalogue', href: () => '/admin/catalogue' },
  /** Served by the server outside the SPA: downloads, each one audited. */
  letterPdf: { path: '/files/letters/:letterId.pdf', href: (id: number) => `/files/letters/${id}.pdf` },
  attachment: { path: '/files/attachments/:attachmentId', href: (id: number) => `/files/attachments/${id}` },
} as const;

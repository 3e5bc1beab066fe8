/** Every URL of the app in one place: routes use `path`, links use `href`. */
export const paths = {
  signIn: {
    path: '/sign-in',
    href: (next?: string) => (next ? `/sign-in?next=${encodeURIComponent(next)}` : '/sign-in'),
  },
  queue: { path: '/', href: () => '/' },
  subjects: { path: '/subjects', href: () => '/subjects' },
  subject: { path: '/subjects/:subjectId', href: (id: number | string) => `/subjects/${id}` },
  blocks: { path: '/blocks', href: () => '/blocks' },
  mail: { path: '/mail', href: () => '/mail' },
  incidents: { path: '/incidents', href: () => '/incidents' },
  registers: { path: '/registers', href: () => '/registers' },
  audit: { path: '/registers/audit', href: () => '/registers/audit' },
  adminUsers: { path: '/admin/users', href: () => '/admin/users' },
} as const;

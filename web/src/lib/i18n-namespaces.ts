import { serverMessages } from '@pd-desk/shared/messages/server-messages';
import { adminMessages } from '../features/admin/admin.i18n';
import { auditMessages } from '../features/audit/audit.i18n';
import { authMessages } from '../features/auth/auth.i18n';
import { blocksMessages } from '../features/blocks/blocks.i18n';
import { breachesMessages } from '../features/breaches/breaches.i18n';
import { calendarMessages } from '../features/calendar/calendar.i18n';
import { casesMessages } from '../features/cases/cases.i18n';
import { dashboardMessages } from '../features/dashboard/dashboard.i18n';
import { integrationsMessages } from '../features/integrations/integrations.i18n';
import { mailMessages } from '../features/mail/mail.i18n';
import { mailPlanMessages } from '../features/mail/plan/plan.i18n';
import { mailRegistersMessages } from '../features/mail/registers/registers.i18n';
import { shellMessages } from '../features/shell/shell.i18n';
import { subjectsMessages } from '../features/subjects/subjects.i18n';
import { triageMessages } from '../features/triage/triage.i18n';

/** The server's refusals by catalogue key (ADR 0020), shaped like a feature's strings: one object per language. */
const server = {
  ru: Object.fromEntries(Object.entries(serverMessages).map(([key, texts]) => [key, texts.ru])),
  en: Object.fromEntries(Object.entries(serverMessages).map(([key, texts]) => [key, texts.en])),
};

/**
 * Every screen's strings, by namespace, in both languages. Read at build time only (web/build/messages-by-language.ts
 * splits it into one bundle per language); the app loads the bundle of the language in use.
 */
export const namespaces = {
  server,
  shell: shellMessages,
  auth: authMessages,
  admin: adminMessages,
  audit: auditMessages,
  cases: casesMessages,
  triage: triageMessages,
  dashboard: dashboardMessages,
  calendar: calendarMessages,
  subjects: subjectsMessages,
  breaches: breachesMessages,
  blocks: blocksMessages,
  mail: mailMessages,
  mailPlan: mailPlanMessages,
  mailRegisters: mailRegistersMessages,
  integrations: integrationsMessages,
};

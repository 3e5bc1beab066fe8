import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
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

/**
 * i18next: Russian plural forms (_one/_few/_many) come from Intl.PluralRules, so
 * «1 день / 2 дня / 5 дней» needs no hand-written rules. Each feature owns its namespace file.
 */
const namespaces = {
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

export const LANGUAGES = ['ru', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
const STORAGE_KEY = 'pd-desk.language';

function initialLanguage(): Language {
  const stored = typeof localStorage === 'undefined' ? null : localStorage.getItem(STORAGE_KEY);
  return stored === 'en' ? 'en' : 'ru';
}

void i18n.use(initReactI18next).init({
  lng: initialLanguage(),
  fallbackLng: 'ru',
  defaultNS: 'shell',
  ns: Object.keys(namespaces),
  resources: {
    ru: Object.fromEntries(Object.entries(namespaces).map(([ns, m]) => [ns, m.ru])),
    en: Object.fromEntries(Object.entries(namespaces).map(([ns, m]) => [ns, m.en])),
  },
  interpolation: { escapeValue: false },
  showSupportNotice: false,
});

export function changeLanguage(language: Language): void {
  localStorage.setItem(STORAGE_KEY, language);
  document.documentElement.lang = language;
  void i18n.changeLanguage(language);
}

export default i18n;

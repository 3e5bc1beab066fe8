import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';

export const LANGUAGES = ['ru', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
const STORAGE_KEY = 'pd-desk.language';

type Messages = Record<string, Record<string, unknown>>;

// One bundle per language (web/build/messages-by-language.ts): a Russian user never downloads the English strings.
const bundles: Record<Language, () => Promise<{ default: Messages }>> = {
  ru: () => import('virtual:pd-desk-messages/ru'),
  en: () => import('virtual:pd-desk-messages/en'),
};

function initialLanguage(): Language {
  const stored = typeof localStorage === 'undefined' ? null : localStorage.getItem(STORAGE_KEY);
  return stored === 'en' ? 'en' : 'ru';
}

async function loadLanguage(language: Language): Promise<void> {
  if (i18n.hasResourceBundle(language, 'shell')) return;
  const { default: messages } = await bundles[language]();
  for (const [namespace, strings] of Object.entries(messages)) {
    i18n.addResourceBundle(language, namespace, strings, true, true);
  }
}

/**
 * i18next: Russian plural forms (_one/_few/_many) come from Intl.PluralRules, so
 * «1 день / 2 дня / 5 дней» needs no hand-written rules. Each feature owns its namespace file
 * (lib/i18n-namespaces.ts lists them). Render once this has settled: the strings are loaded by then.
 */
export const i18nReady: Promise<void> = (async () => {
  const language = initialLanguage();
  await i18n.use(initReactI18next).init({
    lng: language,
    // Both languages have every key (i18n-namespaces.test.ts), so no fallback bundle is downloaded.
    fallbackLng: false,
    defaultNS: 'shell',
    resources: {},
    partialBundledLanguages: true,
    interpolation: { escapeValue: false },
    showSupportNotice: false,
  });
  await loadLanguage(language);
  document.documentElement.lang = language;
})();

export async function changeLanguage(language: Language): Promise<void> {
  await loadLanguage(language);
  localStorage.setItem(STORAGE_KEY, language);
  document.documentElement.lang = language;
  await i18n.changeLanguage(language);
}

export default i18n;

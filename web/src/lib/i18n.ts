import { namespaceLoaders } from 'virtual:pd-desk-messages';
import i18n, { type BackendModule } from 'i18next';
import { initReactI18next } from 'react-i18next';

export const LANGUAGES = ['ru', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
const STORAGE_KEY = 'pd-desk.language';

/** Every namespace the app has (lib/i18n-namespaces.ts); tests load them all. */
export const ALL_NAMESPACES = Object.keys(namespaceLoaders.ru ?? {});

function initialLanguage(): Language {
  const stored = typeof localStorage === 'undefined' ? null : localStorage.getItem(STORAGE_KEY);
  return stored === 'en' ? 'en' : 'ru';
}

/**
 * One module per language and namespace (web/build/messages-by-language.ts): a Russian user never downloads the
 * English strings, and a screen brings its own. i18next asks for a namespace when a route loads it
 * (`i18n.loadNamespaces`, app/router.tsx) or when a component renders with one that is missing (it suspends until
 * then); on switching language it fetches the namespaces already in use in the new language before it switches.
 */
const messagesModules: BackendModule = {
  type: 'backend',
  init: () => {},
  read(language, namespace, callback) {
    const load = namespaceLoaders[language]?.[namespace];
    if (!load) return callback(new Error(`no strings for ${language}/${namespace}`), false);
    load().then(
      (module) => callback(null, module.default),
      (error: Error) => callback(error, false),
    );
  },
};

/**
 * i18next: Russian plural forms (_one/_few/_many) come from Intl.PluralRules, so
 * «1 день / 2 дня / 5 дней» needs no hand-written rules. Each feature owns its namespace file
 * (lib/i18n-namespaces.ts lists them). Render once this has settled: the shell's strings are loaded by then.
 */
export const i18nReady: Promise<void> = (async () => {
  const language = initialLanguage();
  await i18n
    .use(messagesModules)
    .use(initReactI18next)
    .init({
      lng: language,
      // Both languages have every key (i18n-namespaces.test.ts), so no fallback bundle is downloaded.
      fallbackLng: false,
      ns: ['shell'],
      defaultNS: 'shell',
      interpolation: { escapeValue: false },
      showSupportNotice: false,
    });
  document.documentElement.lang = language;
})();

export async function changeLanguage(language: Language): Promise<void> {
  await i18n.changeLanguage(language);
  localStorage.setItem(STORAGE_KEY, language);
  document.documentElement.lang = language;
}

export default i18n;

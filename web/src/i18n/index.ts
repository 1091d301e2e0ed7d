/**
 * i18next set up with the English and Spanish resources. The language is the
 * visitor's stored choice, else their browser's language when we have it,
 * else the network's locale, else English.
 */
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Resource } from './merge.ts';

export const LANGUAGES = [
  { value: 'en', label: 'English' },
  { value: 'es', label: 'Español' },
] as const;

export type Language = (typeof LANGUAGES)[number]['value'];

const STORAGE_KEY = 'coopnet.language';

export function asLanguage(tag: string | null | undefined): Language | null {
  const base = (tag ?? '').toLowerCase().split(/[-_]/)[0];
  return LANGUAGES.some((l) => l.value === base) ? (base as Language) : null;
}

export function storedLanguage(): Language | null {
  try {
    return asLanguage(window.localStorage.getItem(STORAGE_KEY));
  } catch {
    return null;
  }
}

function browserLanguage(): Language | null {
  const tags = typeof navigator === 'undefined' ? [] : [...(navigator.languages ?? []), navigator.language];
  for (const tag of tags) {
    const lng = asLanguage(tag);
    if (lng) return lng;
  }
  return null;
}

/** Each language's strings are a chunk of their own: a reader downloads only the language they read. */
const BUNDLES: Record<Language, () => Promise<{ default: Resource }>> = {
  en: () => import('./lang/en.ts'),
  es: () => import('./lang/es.ts'),
};

async function loadLanguage(lng: Language): Promise<void> {
  if (i18n.hasResourceBundle(lng, 'translation')) return;
  i18n.addResourceBundle(lng, 'translation', (await BUNDLES[lng]()).default);
}

/** Loads the language's strings, then switches; offline with the strings not yet on the device, it stays as it is. */
function switchTo(lng: Language): void {
  loadLanguage(lng).then(
    () => void i18n.changeLanguage(lng),
    () => undefined,
  );
}

/** The visitor picked a language: use it now and remember it on this device. */
export function chooseLanguage(lng: Language): void {
  try {
    window.localStorage.setItem(STORAGE_KEY, lng);
  } catch {
    // private mode: the choice lasts for this page only
  }
  switchTo(lng);
}

/** Called once the network is known: its locale is the default for visitors whose browser language we lack. */
export function applyNetworkLocale(locale: string): void {
  if (storedLanguage() || browserLanguage()) return;
  const lng = asLanguage(locale);
  if (lng && lng !== i18n.language) switchTo(lng);
}

export function currentLanguage(): Language {
  return asLanguage(i18n.language) ?? 'en';
}

i18n.on('languageChanged', (lng) => {
  if (typeof document !== 'undefined') document.documentElement.lang = lng;
});

const initial: Language = storedLanguage() ?? browserLanguage() ?? 'en';

/** Resolves once the first language's strings are in: the app renders after it. */
export const i18nReady: Promise<unknown> = i18n
  .use(initReactI18next)
  .init({
    resources: {},
    partialBundledLanguages: true,
    lng: initial,
    // Both languages have every key (checked by i18n.test.ts), so nothing falls back.
    fallbackLng: false,
    supportedLngs: LANGUAGES.map((l) => l.value),
    interpolation: { escapeValue: false },
    showSupportNotice: false,
    returnNull: false,
  })
  .then(() => loadLanguage(initial))
  .then(() => i18n.changeLanguage(initial))
  .catch(() => undefined);

export default i18n;

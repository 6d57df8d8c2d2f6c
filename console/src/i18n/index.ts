// The chosen language: kept in localStorage ("canje.lang"), followed by <html lang>, and the
// formatters of dates and numbers for it (Intl). t(key, values) looks a text up.
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import { en, type MessageKey } from './en';
import { es } from './es';

export type Lang = 'es' | 'en';
export const languages: { code: Lang; name: string }[] = [
  { code: 'es', name: 'Español' },
  { code: 'en', name: 'English' },
];
const dictionaries: Record<Lang, Record<MessageKey, string>> = { es, en };
const storageKey = 'canje.lang';

export function initialLang(): Lang {
  const kept = localStorage.getItem(storageKey);
  if (kept === 'es' || kept === 'en') return kept;
  return navigator.language.toLowerCase().startsWith('en') ? 'en' : 'es';
}

export function keepLang(lang: Lang): void {
  localStorage.setItem(storageKey, lang);
  document.documentElement.lang = lang;
}

export interface I18n {
  lang: Lang;
  setLang: (lang: Lang) => void;
  t: (key: MessageKey, values?: Record<string, string | number>) => string;
  number: (value: number) => string;
  date: (isoDay: string | null | undefined) => string;
  // A moment the server recorded ("2025-07-10T14:03:09Z"): its day and time in UTC, said so.
  moment: (isoTime: string | null | undefined) => string;
}

export function makeI18n(lang: Lang, setLang: (lang: Lang) => void): I18n {
  const numbers = new Intl.NumberFormat(lang);
  const dates = new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeZone: 'UTC' });
  const moments = new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeStyle: 'medium', timeZone: 'UTC' });
  return {
    lang,
    setLang,
    t(key, values) {
      let text = dictionaries[lang][key];
      for (const [name, value] of Object.entries(values ?? {})) {
        text = text.replaceAll(`{${name}}`, typeof value === 'number' ? numbers.format(value) : value);
      }
      return text;
    },
    number: (value) => numbers.format(value),
    date(isoDay) {
      if (!isoDay) return '—';
      const parsed = new Date(isoDay.length === 10 ? `${isoDay}T00:00:00Z` : isoDay);
      return Number.isNaN(parsed.getTime()) ? isoDay : dates.format(parsed);
    },
    moment(isoTime) {
      if (!isoTime) return '—';
      const parsed = new Date(isoTime);
      return Number.isNaN(parsed.getTime()) ? isoTime : `${moments.format(parsed)} UTC`;
    },
  };
}

export const I18nContext = createContext<I18n>(makeI18n('es', () => {}));
export const useI18n = () => useContext(I18nContext);
export type { MessageKey };

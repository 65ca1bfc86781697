import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { formatDate, formatInstant } from '../format/dates.ts';
import { formatMoney, type MoneyLocale } from '../format/money.ts';
import { enUS } from './en-US.ts';
import { zhCN, type MessageKey } from './zh-CN.ts';

/** The console's two languages; zh-CN is the default, the choice is remembered in localStorage. */
export type Locale = MoneyLocale;
export const LOCALES: readonly { readonly value: Locale; readonly label: string }[] = [
  { value: 'zh-CN', label: '简体中文' },
  { value: 'en-US', label: 'English' },
];
const STORAGE_KEY = 'finbridge.locale';
const MESSAGES: Record<Locale, Record<MessageKey, string>> = { 'zh-CN': zhCN, 'en-US': enUS };

export function storedLocale(): Locale {
  try {
    return localStorage.getItem(STORAGE_KEY) === 'en-US' ? 'en-US' : 'zh-CN';
  } catch {
    return 'zh-CN';
  }
}

/**
 * The cookie that tells the server the console's language, so that a page the server draws
 * (src/api/console.ts) is drawn in it: the same name there.
 */
export const LOCALE_COOKIE = 'fb_locale';
function rememberForServer(locale: Locale): void {
  if (typeof document !== 'undefined')
    document.cookie = `${LOCALE_COOKIE}=${locale}; path=/; max-age=31536000; samesite=strict`;
}

/** The current locale outside React (the API client sends it as Accept-Language). */
let current: Locale = typeof window === 'undefined' ? 'zh-CN' : storedLocale();
rememberForServer(current);
export const currentLocale = (): Locale => current;

export interface I18n {
  readonly locale: Locale;
  readonly setLocale: (locale: Locale) => void;
  readonly t: (key: MessageKey, params?: Readonly<Record<string, string | number>>) => string;
  readonly money: (amount: string, currency: string) => string;
  readonly date: (date: string) => string;
  readonly instant: (instant: string) => string;
  /** Picks the text of a `{ zh, en }` pair the API sends (status labels, warnings). */
  readonly pick: (labels: { readonly zh: string; readonly en: string }) => string;
}

const I18nContext = createContext<I18n | undefined>(undefined);

/** `initial`: the language of the server's render of a page (else the one remembered in this browser). */
export function I18nProvider({
  children,
  initial,
}: {
  readonly children: ReactNode;
  readonly initial?: Locale;
}) {
  const [locale, setLocaleState] = useState<Locale>(initial ?? current);
  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);
  const setLocale = useCallback((next: Locale) => {
    current = next;
    rememberForServer(next);
    try {
      localStorage.setItem(STORAGE_KEY, next);
    } catch {
      // private mode: the choice lasts for this page only
    }
    setLocaleState(next);
  }, []);
  const value = useMemo<I18n>(() => {
    const messages = MESSAGES[locale];
    return {
      locale,
      setLocale,
      t: (key, params = {}) =>
        messages[key].replace(/\{(\w+)\}/g, (whole, name: string) =>
          Object.hasOwn(params, name) ? String(params[name]) : whole,
        ),
      money: (amount, currency) => formatMoney(amount, currency, locale),
      date: (date) => formatDate(date, locale),
      instant: (instant) => formatInstant(instant, locale),
      pick: (labels) => (locale === 'zh-CN' ? labels.zh : labels.en),
    };
  }, [locale, setLocale]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const value = useContext(I18nContext);
  if (value === undefined) throw new Error('useI18n outside <I18nProvider>');
  return value;
}

/** UI strings from _locales (public/_locales/{vi,en}/messages.json), typed by WXT. */
import { browser } from 'wxt/browser';
import { stripBidiControls } from '@/lib/text/bidi';

export type MessageName = Parameters<typeof browser.i18n.getMessage>[0];

/** The message `name`; substitutions (a title, a host, a file name…) lose their bidirectional controls. */
export function t(name: MessageName, substitutions?: string | string[]): string {
  const subs =
    substitutions === undefined
      ? undefined
      : typeof substitutions === 'string'
        ? stripBidiControls(substitutions)
        : substitutions.map(stripBidiControls);
  return browser.i18n.getMessage(name, subs) || String(name);
}

/** 'vi' or 'en', following the browser's UI language. */
export function uiLang(): 'vi' | 'en' {
  return browser.i18n.getUILanguage().toLowerCase().startsWith('vi') ? 'vi' : 'en';
}

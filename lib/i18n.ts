/** UI strings from _locales (public/_locales/{vi,en}/messages.json), typed by WXT. */
import { browser } from 'wxt/browser';

type MessageName = Parameters<typeof browser.i18n.getMessage>[0];

export function t(name: MessageName, substitutions?: string | string[]): string {
  return browser.i18n.getMessage(name, substitutions) || String(name);
}

/** 'vi' or 'en', following the browser's UI language. */
export function uiLang(): 'vi' | 'en' {
  return browser.i18n.getUILanguage().toLowerCase().startsWith('vi') ? 'vi' : 'en';
}

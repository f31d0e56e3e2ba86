/** Tests of the extension pages: browser.i18n answers from the real Vietnamese locale file. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fakeBrowser } from 'wxt/testing/fake-browser';

const messages = JSON.parse(
  readFileSync(join(import.meta.dirname, '../../public/_locales/vi/messages.json'), 'utf8'),
) as Record<string, { message: string }>;

export function stubI18n(): void {
  const i18n = fakeBrowser.i18n as unknown as {
    getMessage: (name: string, subs?: string | string[]) => string;
    getUILanguage: () => string;
  };
  i18n.getMessage = (name, subs) => {
    const list = subs === undefined ? [] : Array.isArray(subs) ? subs : [subs];
    return (messages[name]?.message ?? '').replace(/\$(\d)/g, (_, n: string) => list[Number(n) - 1] ?? '');
  };
  i18n.getUILanguage = () => 'vi';
}

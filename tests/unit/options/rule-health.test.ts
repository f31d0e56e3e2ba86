/** The options page's rule health lines, in both languages, and Copy report. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { recordOutcome, type RuleHealth } from '@/lib/clean/rule-health';
import { healthSection } from '@/lib/options/rule-health';

type Messages = Record<string, { message: string; placeholders?: Record<string, { content: string }> }>;
const locale = (lang: string) =>
  JSON.parse(
    readFileSync(join(import.meta.dirname, `../../../public/_locales/${lang}/messages.json`), 'utf8'),
  ) as Messages;

/** browser.i18n as the browser resolves it: named placeholders → $1…$9 → substitutions. */
function useLocale(lang: string): void {
  const messages = locale(lang);
  (fakeBrowser.i18n as unknown as { getMessage: (n: string, s?: string | string[]) => string }).getMessage = (
    name,
    subs,
  ) => {
    const list = subs === undefined ? [] : Array.isArray(subs) ? subs : [subs];
    const m = messages[name];
    if (!m) return '';
    return m.message.replace(/\$([A-Z_]+)\$/gi, (_, key: string) => {
      const content = m.placeholders?.[key.toLowerCase()]?.content ?? '';
      return content.replace(/\$(\d)/g, (_s, n: string) => list[Number(n) - 1] ?? '');
    });
  };
}

function health(): RuleHealth {
  let h: RuleHealth = {};
  for (let i = 0; i < 10; i++) {
    const miss = i === 2 || i === 5 || i === 9;
    h = recordOutcome(
      h,
      'bocongan.gov.vn',
      `https://bocongan.gov.vn/bai-${i}`,
      { id: miss ? 'generic' : 'mastercms', fallback: miss ? 'generic' : null },
      miss ? `URL: https://bocongan.gov.vn/bai-${i}` : undefined,
    );
  }
  return h;
}

describe('rule health in options', () => {
  it.each([
    ['en', "bocongan.gov.vn: the site's own rule missed 3 of the last 10 articles (cleaned by the generic path)"],
    ['vi', 'bocongan.gov.vn: quy tắc riêng của trang đã trượt 3 trong 10 bài gần nhất (được làm sạch bằng cách chung)'],
  ])('says how often the site rule missed (%s), and Copy report copies the latest report', async (lang, line) => {
    useLocale(lang);
    const doc = new JSDOM('<body></body>').window.document;
    const copied: string[] = [];
    const section = healthSection(doc, health(), (text) => Promise.resolve(void copied.push(text)));
    const site = section.querySelector('[data-testid="rule-health-site"]')!;
    expect(site.querySelector('span')!.textContent).toBe(line);
    (site.querySelector('[data-testid="copy-report"]') as HTMLButtonElement).click();
    await Promise.resolve();
    expect(copied).toEqual(['URL: https://bocongan.gov.vn/bai-9']);
  });

  it('a site whose rule never missed is not listed', () => {
    useLocale('en');
    const doc = new JSDOM('<body></body>').window.document;
    const ok = recordOutcome({}, 'cand.com.vn', 'https://cand.com.vn/a', { id: 'cand', fallback: null });
    expect(
      healthSection(doc, ok, () => Promise.resolve()).querySelectorAll('[data-testid="rule-health-site"]'),
    ).toHaveLength(0);
  });
});

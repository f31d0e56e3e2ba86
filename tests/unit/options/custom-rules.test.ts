/**
 * The options page's custom rule per site (lib/options/custom-rules.ts), with a store standing in
 * for storage and the background: the counts the tab gives are shown in both languages, an invalid
 * selector is said to be one even with no tab of the site open, and saving keeps what the site's
 * fix already held.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { SiteFixes } from '@/lib/clean/site-fixes';
import type { CustomRuleCounts } from '@/lib/messaging';
import { customRulesSection, type CustomRulesStore } from '@/lib/options/custom-rules';

type Messages = Record<string, { message: string; placeholders?: Record<string, { content: string }> }>;
function useLocale(lang: string): void {
  const messages = JSON.parse(
    readFileSync(join(import.meta.dirname, `../../../public/_locales/${lang}/messages.json`), 'utf8'),
  ) as Messages;
  (fakeBrowser.i18n as unknown as { getMessage: (n: string, s?: string | string[]) => string }).getMessage = (
    name,
    subs,
  ) => {
    const list = subs === undefined ? [] : Array.isArray(subs) ? subs : [subs];
    const m = messages[name];
    return (m?.message ?? '').replace(/\$([A-Z_]+)\$/gi, (_, key: string) =>
      (m?.placeholders?.[key.toLowerCase()]?.content ?? '').replace(
        /\$(\d)/g,
        (_s, n: string) => list[Number(n) - 1] ?? '',
      ),
    );
  };
}

function store(initial: SiteFixes, answer: (container: string, remove: string[]) => CustomRuleCounts) {
  const state = { fixes: initial, asked: [] as string[] };
  const s: CustomRulesStore = {
    read: () => Promise.resolve(state.fixes),
    write: (f) => Promise.resolve(void (state.fixes = f)),
    watch: () => undefined,
    count: (site, container, remove) => {
      state.asked.push(site);
      return Promise.resolve(answer(container, remove));
    },
  };
  return { state, s };
}

async function typeInto(el: HTMLInputElement | HTMLTextAreaElement, value: string): Promise<void> {
  el.value = value;
  el.dispatchEvent(new el.ownerDocument.defaultView!.Event('input'));
  await new Promise((r) => setTimeout(r, 350));
}

const q = <T extends Element>(root: ParentNode, id: string) => root.querySelector<T>(`[data-testid="${id}"]`)!;

describe('options: custom rule per site', () => {
  it('shows what each selector matches in the tab, and says when nothing matched', async () => {
    useLocale('en');
    const doc = new JSDOM('<body></body>').window.document;
    const { state, s } = store({}, (container, remove) => ({
      ok: true,
      url: 'https://antv.gov.vn/tin-tuc/a-1.html',
      container: { selector: container, count: 1 },
      remove: remove.map((selector) => ({ selector, count: selector === '.share' ? 3 : 0 })),
    }));
    const section = await customRulesSection(doc, s);
    doc.body.append(section);
    await typeInto(q(section, 'custom-site'), 'https://www.antv.gov.vn/x');
    await typeInto(q(section, 'custom-container'), '.detail-content');
    await typeInto(q(section, 'custom-remove'), '.share\n\n.box-related');
    expect(state.asked.at(-1)).toBe('antv.gov.vn');
    expect(q(section, 'custom-count-container').textContent).toBe('.detail-content — 1 matching element');
    expect(Array.from(section.querySelectorAll('[data-testid="custom-count"]'), (e) => e.textContent)).toEqual([
      '.share — 3 matching elements',
      '.box-related — matches nothing',
    ]);
    expect(q(section, 'custom-counted-in').textContent).toBe(
      'Counted in the tab: https://antv.gov.vn/tin-tuc/a-1.html',
    );
  });

  it('with no tab of the site: says so, and still says which selector is invalid (in Vietnamese)', async () => {
    useLocale('vi');
    const doc = new JSDOM('<body></body>').window.document;
    const { s } = store({}, () => ({ ok: false, code: 'no-tab' }));
    const section = await customRulesSection(doc, s);
    await typeInto(q(section, 'custom-site'), 'vov.vn');
    await typeInto(q(section, 'custom-remove'), 'div[\n.ok');
    const items = Array.from(section.querySelectorAll('[data-testid="custom-count"]'), (e) => e.textContent);
    expect(items).toEqual(['div[ — bộ chọn không hợp lệ']);
    expect(q(section, 'custom-counted-in').textContent).toBe('Hãy mở một bài của vov.vn trong một thẻ để đếm.');
  });

  it('a site with a fix starts the form from it; saving keeps its removed blocks and its candidate choice', async () => {
    useLocale('en');
    const doc = new JSDOM('<body></body>').window.document;
    const picked = 'div.detail-content > figure.image:first-child';
    const { state, s } = store({ 'antv.gov.vn': { remove: [picked], prefer: 'generic' } }, () => ({
      ok: false,
      code: 'no-tab',
    }));
    const section = await customRulesSection(doc, s);
    doc.body.append(section);
    await typeInto(q(section, 'custom-site'), 'antv.gov.vn');
    const remove = q<HTMLTextAreaElement>(section, 'custom-remove');
    expect(remove.value).toBe(picked);
    await typeInto(remove, `${remove.value}\n.box-latest`);
    await typeInto(q(section, 'custom-container'), '.detail-content');
    q<HTMLFormElement>(section, 'custom-save').form!.requestSubmit();
    await new Promise((r) => setTimeout(r, 20));
    expect(state.fixes['antv.gov.vn']).toEqual({
      remove: [picked, '.box-latest'],
      container: '.detail-content',
      prefer: 'generic',
    });
    expect(q<HTMLElement>(section, 'custom-rule').dataset.host).toBe('antv.gov.vn');
  });
});

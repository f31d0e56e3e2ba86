/**
 * The options page's list of corrections (lib/options/corrections.ts): what each corrects and
 * where; an edit widens the scope or changes a mark's type; a removal takes it away; a change
 * made elsewhere shows up.
 */
import { JSDOM } from 'jsdom';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Correction } from '@/lib/entities/corrections';
import { correctionsSection, type CorrectionsStore } from '@/lib/options/corrections';
import { stubI18n } from '../../support/i18n-stub';

const at = '2026-12-03T10:00:00.000Z';
const LIST: Correction[] = [
  {
    kind: 'not-entity',
    id: 'a',
    surface: 'TTXVN',
    scope: { kind: 'article', url: 'https://antv.gov.vn/bai-1.html' },
    at,
  },
  { kind: 'mark', id: 'b', surface: 'Tổng cục Hậu cần', scope: { kind: 'everywhere' }, at, type: 'ORG' },
];

function memory(initial: Correction[]) {
  let list = initial;
  const watchers: ((l: Correction[]) => void)[] = [];
  const set = (l: Correction[]) => {
    list = l;
    watchers.forEach((w) => w(l));
  };
  const store: CorrectionsStore = {
    read: async () => list,
    watch: (w) => (watchers.push(w), () => undefined),
    remove: async (id) => set(list.filter((c) => c.id !== id)),
    replace: async (c) => set(list.map((x) => (x.id === c.id ? c : x))),
  };
  return { store, set, list: () => list };
}

const flush = () => new Promise((r) => setTimeout(r, 0));

describe('the corrections in options', () => {
  beforeAll(() => stubI18n());

  it('lists each with what and where, the latest first; edits and removes', async () => {
    const doc = new JSDOM('<!doctype html><body></body>').window.document;
    const m = memory(LIST);
    const section = await correctionsSection(doc, m.store);
    doc.body.append(section);
    const rows = () => [...section.querySelectorAll<HTMLElement>('[data-testid="correction"]')];
    expect(rows().map((r) => r.dataset.id)).toEqual(['b', 'a']);
    expect(rows()[1]!.textContent).toContain('“TTXVN” — không phải thực thể — trong một bài');

    // widen the article's correction to its site
    const scope = rows()[1]!.querySelector<HTMLSelectElement>('[data-testid="correction-scope"]')!;
    expect([...scope.options].map((o) => o.textContent)).toEqual([
      'trong một bài (https://antv.gov.vn/bai-1.html)',
      'trên antv.gov.vn',
      'ở mọi nơi',
    ]);
    scope.value = '1';
    rows()[1]!.querySelector<HTMLButtonElement>('[data-testid="correction-save"]')!.click();
    await flush();
    expect(m.list().find((c) => c.id === 'a')!.scope).toEqual({ kind: 'site', site: 'antv.gov.vn' });

    // a mark's type
    const type = rows()[0]!.querySelector<HTMLSelectElement>('[data-testid="correction-type"]')!;
    type.value = 'PLACE';
    rows()[0]!.querySelector<HTMLButtonElement>('[data-testid="correction-save"]')!.click();
    await flush();
    expect(m.list().find((c) => c.id === 'b')).toMatchObject({ kind: 'mark', type: 'PLACE' });

    rows()[0]!.querySelector<HTMLButtonElement>('[data-testid="correction-remove"]')!.click();
    await flush();
    expect(rows().map((r) => r.dataset.id)).toEqual(['a']);

    m.set([]);
    expect(section.querySelector('.empty')!.textContent).toBe('Chưa có chỉnh sửa nào.');
  });
});

/**
 * Corrections in a view (lib/ui/highlights.ts with lib/ui/correction-controls.ts and
 * lib/ui/mark-selection.ts): the card's Not an entity and Wrong entity store a correction and the
 * view marks again at once; a change of the store made elsewhere (another tab, options) marks
 * again too; text selected in the article becomes a mark of the type chosen. Clicks are real
 * user clicks in the browser; here, trusted events through jsdom's internal dispatch.
 */
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { Correction, NewCorrection } from '@/lib/entities/corrections';
import { addCorrection } from '@/lib/entities/corrections';
import { applyHighlights, type CorrectionStore } from '@/lib/ui/highlights';
import { stubI18n } from '../../support/i18n-stub';
import { dispatchTrusted } from '../../support/in-page-layout';
import { articleOf, registerBackground, renderView } from '../../support/views';

const ARTICLE = articleOf([
  'Theo TTXVN, Thượng tướng Hoàng Xuân Chiến tiếp Đại tướng Vilay Lakhamphong, Bộ trưởng Bộ Công an Lào.',
  'Tổng cục Hậu cần và Bộ Công an Lào ký kết biên bản.',
]);
const WHERE = { url: 'https://antv.gov.vn/a-1.html', site: 'antv.gov.vn' };

function memoryStore(initial: Correction[] = []) {
  let list = initial;
  const watchers = new Set<(l: Correction[]) => void>();
  const store: CorrectionStore & { set(l: Correction[]): void; list(): Correction[] } = {
    read: async () => list,
    watch: (changed) => {
      watchers.add(changed);
      return () => watchers.delete(changed);
    },
    add: async (c: NewCorrection) => {
      list = addCorrection(list, c, `id-${list.length}`, new Date().toISOString());
      return list;
    },
    set: (l) => {
      list = l;
      for (const w of watchers) w(l);
    },
    list: () => list,
  };
  return store;
}

/** A click, or another event, as the user's (trusted: jsdom's internal dispatch). */
function userClick(el: Element): void {
  dispatchTrusted(el, new el.ownerDocument.defaultView!.MouseEvent('click', { bubbles: true }));
}
function userEvent(el: Element, type: string): void {
  dispatchTrusted(el, new el.ownerDocument.defaultView!.Event(type, { bubbles: true }));
}

async function setUp(store = memoryStore()) {
  const { doc, view } = renderView(ARTICLE);
  const controls = await applyHighlights(view, ARTICLE.text, { where: WHERE, corrections: store });
  view.after(controls.panel);
  const marks = () =>
    [...view.querySelectorAll<HTMLElement>('mark.vl-entity')].map((m) => [m.textContent, m.dataset.entityId]);
  const card = view.querySelector<HTMLElement>('[data-testid="entity-card"]')!;
  const open = async (id: string) => {
    userEvent(view.querySelector(`mark.vl-entity[data-entity-id="${id}"]`)!, 'focusin');
    await vi.waitFor(() => expect(card.hidden).toBe(false));
  };
  return { doc, view, controls, marks, card, open, store };
}

describe('corrections in a view', () => {
  beforeAll(() => {
    stubI18n();
    registerBackground();
  });

  it('Not an entity on this site: stored with the site, the highlight gone at once', async () => {
    const { marks, card, open, store } = await setUp();
    expect(marks()).toContainEqual(['Bộ Công an Lào', 'org.la-mps']);
    await open('org.la-mps');
    userClick(card.querySelector('[data-testid="correct-not-entity"]')!);
    userClick(card.querySelector('[data-testid="correct-scope-site"]')!);
    await vi.waitFor(() => expect(marks().map(([s]) => s)).not.toContain('Bộ Công an Lào'));
    expect(store.list()).toMatchObject([
      { kind: 'not-entity', surface: 'Bộ Công an Lào', scope: { kind: 'site', site: 'antv.gov.vn' } },
    ]);
    expect(marks()).toContainEqual(['Hoàng Xuân Chiến', 'person.hoang-xuan-chien']);
  });

  it('Wrong entity: the gazetteer searched by name, the entity picked, the marks point at it', async () => {
    const { marks, card, open } = await setUp();
    await open('person.hoang-xuan-chien');
    userClick(card.querySelector('[data-testid="correct-wrong-entity"]')!);
    const input = card.querySelector<HTMLInputElement>('[data-testid="correct-search"]')!;
    input.value = 'vilay lakham';
    userEvent(input, 'input');
    const result = await vi.waitFor(() => {
      const r = card.querySelector('[data-testid="correct-result"][data-entity-id="person.vilay-lakhamphong"]');
      expect(r).not.toBeNull();
      return r!;
    });
    userClick(result);
    await vi.waitFor(() => expect(marks()).toContainEqual(['Hoàng Xuân Chiến', 'person.vilay-lakhamphong']));
  });

  it('a change made elsewhere (options, another tab) marks the view again; removing it brings the highlight back', async () => {
    const { marks, store } = await setUp();
    const before = marks();
    store.set([
      {
        kind: 'not-entity',
        id: 'x',
        surface: 'hoàng xuân chiến',
        scope: { kind: 'everywhere' },
        at: '2026-12-03T10:00:00Z',
      },
    ]);
    await vi.waitFor(() => expect(marks().map(([s]) => s)).not.toContain('Hoàng Xuân Chiến'));
    store.set([]);
    await vi.waitFor(() => expect(marks()).toEqual(before));
  });

  it('Mark as entity: the text selected in the article, with the type chosen', async () => {
    const { doc, view, controls, marks } = await setUp();
    const button = controls.panel.querySelector<HTMLButtonElement>('[data-testid="mark-selection"]')!;
    expect(button.disabled).toBe(true);
    const p = view.querySelectorAll('.vl-body p')[1]!;
    const range = doc.createRange();
    const node = doc.createTreeWalker(p, 4).nextNode() as Text; // its first text node
    range.setStart(node, node.data.indexOf('Tổng'));
    range.setEnd(node, node.data.indexOf('Tổng') + 'Tổng cục Hậu cần'.length);
    doc.getSelection()!.removeAllRanges();
    doc.getSelection()!.addRange(range);
    userEvent(p, 'mouseup');
    expect(button.disabled).toBe(false);
    controls.panel.querySelector<HTMLSelectElement>('[data-testid="mark-type"]')!.value = 'ORG';
    userClick(button);
    await vi.waitFor(() => expect(marks()).toContainEqual(['Tổng cục Hậu cần', 'unlisted:ORG:tong cuc hau can']));
  });
});

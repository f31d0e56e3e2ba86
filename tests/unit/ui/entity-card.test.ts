/**
 * The entity card (lib/ui/entity-card.ts, wired by lib/ui/highlights.ts): gazetteer details from
 * the background's entityDetails for the marks our code made; nothing for marks the page added,
 * marks whose id the page changed, or events the page dispatched.
 */
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { EntityDetails } from '@/lib/messaging';
import { sendMessage } from '@/lib/messaging';
import { applyHighlights } from '@/lib/ui/highlights';
import { stubI18n } from '../../support/i18n-stub';
import { articleOf, registerBackground, renderView } from '../../support/views';

const ARTICLE = articleOf([
  'Thượng tướng Hoàng Xuân Chiến tiếp Đại tướng Vilay Lakhamphong, Bộ trưởng Bộ Công an Lào.',
  'Tướng Hoàng Xuân Chiến cảm ơn Bộ Công an Lào.',
]);

/** "Saichay Kommasit" is no listed spelling: linked to Saichay Kommasith by pronunciation. */
const BY_SOUND = articleOf(['Thiếu tướng Saichay Kommasit tiếp đoàn Bộ Công an Lào.']);

async function setUp(article = ARTICLE) {
  const { doc, view } = renderView(article);
  const asked: string[] = [];
  const details = vi.fn((id: string): Promise<EntityDetails | null> => {
    asked.push(id);
    return sendMessage('entityDetails', id);
  });
  await applyHighlights(view, article.text, { details });
  const card = view.querySelector<HTMLElement>('[data-testid="entity-card"]')!;
  const mark = (id: string) => view.querySelector<HTMLElement>(`mark.vl-entity[data-entity-id="${id}"]`)!;
  const shown = async () => {
    await new Promise((resolve) => setTimeout(resolve, 0));
    return card.hidden ? null : card.textContent;
  };
  return { doc, view, card, mark, asked, shown };
}

describe('the entity card', () => {
  beforeAll(() => {
    stubI18n();
    registerBackground();
  });

  it("focusing one of our marks shows the background's gazetteer details; leaving it hides the card", async () => {
    const { mark, asked, shown, card, doc } = await setUp();
    const person = mark('person.hoang-xuan-chien');
    person.focus();
    await vi.waitFor(() => expect(card.hidden).toBe(false));
    const text = await shown();
    expect(asked).toEqual(['person.hoang-xuan-chien']);
    expect(text).toContain('Hoàng Xuân Chiến');
    expect(text).toContain('Nhân vật · Việt Nam');
    expect(text).toContain('Chức danh: Thượng tướng');
    expect(text).toContain('Cách viết trên trang: Hoàng Xuân Chiến');
    person.blur();
    expect(card.hidden).toBe(true);
    mark('org.la-mps').focus();
    await vi.waitFor(() => expect(card.hidden).toBe(false));
    expect(card.querySelector('.vl-card-type')!.textContent).toBe('Tổ chức · Lào');
    (doc.activeElement as HTMLElement).blur();
    expect(card.hidden).toBe(true);
    expect(asked).toEqual(['person.hoang-xuan-chien', 'org.la-mps']);
  });

  it('a spelling linked by pronunciation shows the entity and how sure the link is; a listed one does not', async () => {
    const { mark, shown, card, doc } = await setUp(BY_SOUND);
    const person = mark('person.saichay-kommasith');
    expect(person.dataset.listed).toBe('false');
    person.focus();
    await vi.waitFor(() => expect(card.hidden).toBe(false));
    const text = await shown();
    expect(text).toContain('Saichay Kommasith');
    expect(text).toContain('Nhân vật · Lào');
    expect(card.querySelector('.vl-card-link')!.textContent).toBe(
      'Liên kết theo cách phiên âm (độ tin cậy: trung bình — cùng cách đọc)',
    );
    expect(text).toContain('Cách viết trên trang: Saichay Kommasit');
    (doc.activeElement as HTMLElement).blur();
    mark('org.la-mps').focus();
    await vi.waitFor(() => expect(card.hidden).toBe(false));
    expect(card.querySelector('.vl-card-link')).toBeNull();
  });

  it('a place written without its tones after a facility head shows the high confidence of the same letters', async () => {
    // "cửa khẩu Kheo": the gazetteer lists "cửa khẩu Khẹo"; the head makes it a candidate
    const { mark, card } = await setUp(articleOf(['Xe hàng qua cửa khẩu Kheo sang Lào.']));
    const gate = mark('place.gate.kheo');
    expect(gate.dataset.listed).toBe('false');
    expect(gate.textContent).toBe('cửa khẩu Kheo');
    gate.focus();
    await vi.waitFor(() => expect(card.hidden).toBe(false));
    expect(card.querySelector('.vl-card-name')!.textContent).toBe('Cửa khẩu Khẹo');
    expect(card.querySelector('.vl-card-link')!.textContent).toBe(
      'Liên kết theo cách phiên âm (độ tin cậy: cao — cùng chữ cái, khác dấu hoặc cách viết liền, gạch nối)',
    );
  });

  it("a listed entity's card opens its page on the analysis page; an unlisted one has no such button", async () => {
    const { mark, card } = await setUp(articleOf(['Đại tá Khamphet Sisouvong gặp Thượng tướng Hoàng Xuân Chiến.']));
    mark('person.hoang-xuan-chien').focus();
    await vi.waitFor(() => expect(card.querySelector('[data-testid="entity-analysis"]')).not.toBeNull());
    const before = (await fakeBrowser.tabs.query({})).length;
    card.querySelector<HTMLButtonElement>('[data-testid="entity-analysis"]')!.click(); // a script's click: ignored
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(await fakeBrowser.tabs.query({})).toHaveLength(before);
    const unlisted = card.ownerDocument.querySelector<HTMLElement>('mark.vl-entity[data-listed="false"]');
    if (unlisted) {
      unlisted.focus();
      await vi.waitFor(() => expect(card.textContent).toContain('Khamphet'));
      expect(card.querySelector('[data-testid="entity-analysis"]')).toBeNull();
    }
  });

  it('the background opens the page of a listed entity only, by its gazetteer id', async () => {
    await sendMessage('openEntityPage', 'person.hoang-xuan-chien');
    await sendMessage('openEntityPage', 'javascript:alert(1)');
    const urls = (await fakeBrowser.tabs.query({})).map((tab) => tab.url ?? '').filter((u) => u.includes('analysis'));
    expect(urls).toHaveLength(1);
    expect(urls[0]).toMatch(/\/analysis\.html\?view=entity&id=person\.hoang-xuan-chien$/);
  });

  it('a mark the page added, even with a real entity id, shows nothing and asks nothing', async () => {
    const { doc, view, asked, shown } = await setUp();
    const forged = doc.createElement('mark');
    forged.className = 'vl-entity vl-type-person';
    forged.dataset.entityId = 'person.kaysone-phomvihane';
    forged.dataset.entityType = 'PERSON';
    forged.tabIndex = 0;
    forged.textContent = 'Cay-xỏn Phôm-vi-hản';
    view.querySelector('.vl-body p')!.append(forged);
    forged.focus();
    expect(doc.activeElement).toBe(forged);
    expect(await shown()).toBeNull();
    expect(asked).toEqual([]);
  });

  it('one of our marks whose id the page changed shows nothing', async () => {
    const { doc, mark, asked, shown } = await setUp();
    const person = mark('person.hoang-xuan-chien');
    person.dataset.entityId = 'person.kaysone-phomvihane';
    person.focus();
    expect(doc.activeElement).toBe(person);
    expect(await shown()).toBeNull();
    expect(asked).toEqual([]);
  });

  it('events the page dispatches (hover, focus) show nothing', async () => {
    const { doc, mark, asked, shown } = await setUp();
    const person = mark('person.hoang-xuan-chien');
    const win = doc.defaultView!;
    person.dispatchEvent(new win.MouseEvent('mouseover', { bubbles: true }));
    person.dispatchEvent(new win.FocusEvent('focusin', { bubbles: true }));
    expect(await shown()).toBeNull();
    expect(asked).toEqual([]);
  });
});

/**
 * The highlighting feature both views use (lib/ui/highlights.ts), driven through the background's
 * real findMentions handler: the article's own text is what gets matched, the legend counts the
 * marked mentions, marks and characters are capped with a note in the panel, stepping goes next /
 * previous per entity with one flash timing, and events the page dispatched change nothing.
 */
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Mention } from '@/lib/article';
import { findMentions } from '@/lib/entities';
import { MAX_MATCH_CHARS, MAX_VIEW_MARKS } from '@/lib/limits';
import { sendMessage, type MentionsOutcome } from '@/lib/messaging';
import { applyHighlights, FLASH_MS } from '@/lib/ui/highlights';
import { stubI18n } from '../../support/i18n-stub';
import { articleOf, registerBackground, renderView } from '../../support/views';

const marks = (view: Element) => [...view.querySelectorAll<HTMLElement>('mark.vl-entity')];
const notes = (panel: Element) =>
  [...panel.querySelectorAll('[data-testid="highlights-note"]')].map((n) => n.textContent);
/** Asks the background, and records what was sent. */
function recordingFind() {
  const sent: string[] = [];
  const find = vi.fn((text: string): Promise<MentionsOutcome> => {
    sent.push(text);
    return sendMessage('findMentions', text);
  });
  return { sent, find };
}

const ARTICLE = articleOf(
  [
    'Thượng tướng Hoàng Xuân Chiến tiếp Đại tướng <em>Vilay</em> Lakhamphong, Bộ trưởng Bộ Công an Lào.',
    'Hai bên nhất trí tăng cường hợp tác giữa Việt Nam và Lào; Bộ Công an Lào cảm ơn.',
    'Đoàn thăm Viêng Chăn, Lào.',
  ],
  'Việt Nam và Lào ký kết hợp tác an ninh.',
);

describe('applyHighlights', () => {
  beforeAll(() => {
    stubI18n();
    registerBackground();
  });
  afterEach(() => vi.useRealTimers());

  it("marks the background's mentions of the article's own text; the legend counts those marks", async () => {
    const { view } = renderView(ARTICLE);
    const { sent, find } = recordingFind();
    const controls = await applyHighlights(view, ARTICLE.text, { find });
    expect(sent).toEqual([ARTICLE.text]);
    const expected = findMentions(ARTICLE.text);
    expect(controls.mentions).toEqual(expected);
    expect(new Set(marks(view).map((m) => m.dataset.entityId))).toEqual(new Set(expected.map((m) => m.entityId)));
    expect(view.dataset.highlights).toBe(String(expected.length));
    const entries = [...controls.panel.querySelectorAll<HTMLElement>('[data-testid="legend-entry"]')];
    const counted = Object.fromEntries(
      entries.map((e) => [e.dataset.entityId, Number(e.querySelector('.legend-count')!.textContent)]),
    );
    const byId: Record<string, number> = {};
    for (const m of expected) byId[m.entityId] = (byId[m.entityId] ?? 0) + 1;
    expect(counted).toEqual(byId);
    expect(counted['place.laos']).toBe(3);
    expect(counted['org.la-mps']).toBe(2);
    expect(notes(controls.panel)).toEqual([]);
  });

  it('text the page put into the view is not matched: only what the article says is marked', async () => {
    const { view } = renderView(ARTICLE);
    const forged = view.ownerDocument.createElement('p');
    forged.textContent = 'Tổng Bí thư Tô Lâm và Chủ tịch Cay-xỏn Phôm-vi-hản.';
    view.querySelector('.vl-body')!.append(forged);
    const { sent, find } = recordingFind();
    const controls = await applyHighlights(view, ARTICLE.text, { find });
    expect(sent).toEqual([ARTICLE.text]);
    expect(forged.querySelector('mark')).toBeNull();
    expect(controls.mentions.map((m) => m.entityId)).not.toContain('person.kaysone-phomvihane');
  });

  it(`marks at most ${MAX_VIEW_MARKS} mentions, and the panel says so`, async () => {
    const article = articleOf(Array.from({ length: MAX_VIEW_MARKS / 2 + 50 }, (_, i) => `Đoạn ${i}: Việt Nam và Lào.`));
    const { view } = renderView(article);
    const controls = await applyHighlights(view, article.text);
    expect(findMentions(article.text).length).toBe(MAX_VIEW_MARKS + 100);
    expect(marks(view)).toHaveLength(MAX_VIEW_MARKS);
    expect(controls.mentions).toHaveLength(MAX_VIEW_MARKS);
    expect(notes(controls.panel)).toEqual([`Chỉ đánh dấu ${(2000).toLocaleString('vi-VN')} lần nhắc đầu tiên.`]);
    const total = [...controls.panel.querySelectorAll('.legend-count')].reduce((n, c) => n + Number(c.textContent), 0);
    expect(total).toBe(MAX_VIEW_MARKS);
  });

  it(`sends at most ${MAX_MATCH_CHARS} characters; later mentions are not marked, and the panel says so`, async () => {
    const filler = 'Hai bên trao đổi kinh nghiệm công tác. '.repeat(60);
    const paragraphs = Array.from({ length: Math.ceil(MAX_MATCH_CHARS / filler.length) + 2 }, () => filler);
    const article = articleOf(['Đoàn Bộ Công an Lào đến.', ...paragraphs, 'Tết Bunpimay ở Viêng Chăn.']);
    expect(article.text.length).toBeGreaterThan(MAX_MATCH_CHARS);
    const { view } = renderView(article);
    const { sent, find } = recordingFind();
    const controls = await applyHighlights(view, article.text, { find });
    expect(sent[0]!.length).toBe(MAX_MATCH_CHARS);
    expect(controls.mentions.map((m) => m.entityId)).toEqual(['org.la-mps']);
    expect(notes(controls.panel)).toEqual([
      `Chỉ tìm thực thể trong ${MAX_MATCH_CHARS.toLocaleString('vi-VN')} ký tự đầu của bài.`,
    ]);
  });

  it('the panel also says so when the background trimmed the text', async () => {
    const { view } = renderView(ARTICLE);
    const controls = await applyHighlights(view, ARTICLE.text, {
      find: async (text) => ({ ok: true, mentions: findMentions(text.slice(0, 60)), trimmed: true }),
    });
    expect(notes(controls.panel)).toHaveLength(1);
    expect(notes(controls.panel)[0]).toMatch(/Chỉ tìm thực thể trong/);
  });

  it('steps through an entity: next, next… around, previous; each mention flashes for FLASH_MS', async () => {
    const { doc, view } = renderView(ARTICLE);
    const controls = await applyHighlights(view, ARTICLE.text);
    vi.useFakeTimers();
    const mps = marks(view).filter((m) => m.dataset.entityId === 'org.la-mps');
    expect(mps).toHaveLength(2);
    const flashed = () => marks(view).filter((m) => m.classList.contains('vl-flash'));

    controls.step('org.la-mps', 1);
    expect(doc.activeElement).toBe(mps[0]);
    expect(flashed()).toEqual([mps[0]]);
    vi.advanceTimersByTime(FLASH_MS - 1);
    expect(flashed()).toEqual([mps[0]]);
    vi.advanceTimersByTime(1);
    expect(flashed()).toEqual([]);

    controls.step('org.la-mps', 1);
    expect(doc.activeElement).toBe(mps[1]);
    expect(flashed()).toEqual([mps[1]]); // one flash at a time
    controls.step('org.la-mps', 1);
    expect(doc.activeElement).toBe(mps[0]); // around
    controls.step('org.la-mps', -1);
    expect(doc.activeElement).toBe(mps[1]);
    vi.advanceTimersByTime(FLASH_MS);
    expect(flashed()).toEqual([]);
  });

  it('previous first goes to the last mention; a name split by markup flashes every piece', async () => {
    const { doc, view } = renderView(ARTICLE);
    const controls = await applyHighlights(view, ARTICLE.text);
    const laos = marks(view).filter((m) => m.dataset.entityId === 'place.laos');
    controls.step('place.laos', -1);
    expect(doc.activeElement).toBe(laos.at(-1));
    const vilay = marks(view).filter((m) => m.dataset.entityId === 'person.vilay-lakhamphong');
    expect(vilay.map((m) => m.textContent)).toEqual(['Vilay', 'Lakhamphong']);
    controls.step('person.vilay-lakhamphong', 1);
    expect(vilay.every((m) => m.classList.contains('vl-flash'))).toBe(true);
    expect(doc.activeElement).toBe(vilay[0]);
  });

  it('the switch removes every mark, the text stays the same, and the marks come back without asking again', async () => {
    const { view } = renderView(ARTICLE);
    const { find } = recordingFind();
    const body = view.querySelector('.vl-body')!;
    const textBefore = body.textContent;
    const controls = await applyHighlights(view, ARTICLE.text, { find });
    const count = marks(view).length;
    controls.set(false);
    expect(marks(view)).toHaveLength(0);
    expect(body.textContent).toBe(textBefore);
    expect(controls.panel.querySelector<HTMLElement>('[data-testid="legend"]')!.hidden).toBe(true);
    expect(controls.panel.querySelector('[data-testid="highlights-toggle"]')!.getAttribute('aria-pressed')).toBe(
      'false',
    );
    controls.step('place.laos', 1); // nothing to step to while off
    controls.set(true);
    await vi.waitFor(() => expect(marks(view)).toHaveLength(count));
    expect(find).toHaveBeenCalledTimes(1);
    expect(controls.panel.querySelector<HTMLElement>('[data-testid="legend"]')!.hidden).toBe(false);
  });

  it('switching off unwraps every mark we made, also where the page changed its class', async () => {
    const { view } = renderView(ARTICLE);
    const body = view.querySelector('.vl-body')!;
    const textBefore = body.textContent;
    const controls = await applyHighlights(view, ARTICLE.text);
    const renamed = marks(view)[0]!;
    renamed.className = 'page-own';
    controls.set(false);
    expect(view.querySelectorAll('mark')).toHaveLength(0);
    expect(renamed.isConnected).toBe(false);
    expect(body.textContent).toBe(textBefore);
  });

  it('events the page dispatches on the switch and the legend change nothing', async () => {
    const { doc, view } = renderView(ARTICLE);
    const controls = await applyHighlights(view, ARTICLE.text);
    const count = marks(view).length;
    const toggle = controls.panel.querySelector<HTMLButtonElement>('[data-testid="highlights-toggle"]')!;
    toggle.click();
    toggle.dispatchEvent(new doc.defaultView!.MouseEvent('click', { bubbles: true }));
    expect(controls.on).toBe(true);
    expect(marks(view)).toHaveLength(count);
    const entry = controls.panel.querySelector<HTMLButtonElement>('[data-testid="legend-entry"]')!;
    const previous = controls.panel.querySelector<HTMLButtonElement>('[data-testid="legend-prev"]')!;
    entry.click();
    previous.dispatchEvent(new doc.defaultView!.MouseEvent('click', { bubbles: true }));
    expect(marks(view).some((m) => m.classList.contains('vl-flash'))).toBe(false);
    expect(doc.activeElement).toBe(doc.body);
  });

  it('without an answer: a note, an empty legend, and the switch asks again', async () => {
    const { view } = renderView(ARTICLE);
    const answers: (MentionsOutcome | Error)[] = [new Error('no background'), { ok: false, code: 'busy' }];
    const find = vi.fn(async (text: string): Promise<MentionsOutcome> => {
      const next = answers.shift();
      if (next instanceof Error) throw next;
      return next ?? { ok: true, mentions: findMentions(text) as Mention[], trimmed: false };
    });
    const controls = await applyHighlights(view, ARTICLE.text, { find });
    expect(marks(view)).toHaveLength(0);
    expect(notes(controls.panel)).toEqual(['Chưa đánh dấu được thực thể lúc này.']);
    expect(controls.panel.querySelector('.legend-empty')).not.toBeNull();
    controls.set(false);
    controls.set(true);
    controls.set(false);
    controls.set(true); // while the view's request is in flight: no second one
    await vi.waitFor(() => expect(find).toHaveBeenCalledTimes(2));
    await find.mock.results[1]!.value;
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(find).toHaveBeenCalledTimes(2);
    expect(marks(view)).toHaveLength(0); // 'busy': still nothing to mark
    expect(notes(controls.panel)).toEqual(['Chưa đánh dấu được thực thể lúc này.']);
    controls.set(false);
    controls.set(true);
    await vi.waitFor(() => expect(marks(view).length).toBeGreaterThan(0));
    expect(find).toHaveBeenCalledTimes(3);
    expect(notes(controls.panel)).toEqual([]);
  });
});

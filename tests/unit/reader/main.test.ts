// @vitest-environment jsdom
/**
 * The reader page (lib/reader/main.ts) highlights a saved article through the background's
 * findMentions (the handler registered on the fake browser: the reader page carries no matcher),
 * and its panel and legend come from the same mentions as the marks — not from the entities
 * stored with the article, which can be stale after a gazetteer change.
 */
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { JSDOM } from 'jsdom';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { CleanArticle } from '@/lib/article';
import { openArchive, saveArticle } from '@/lib/archive';
import { cleanHtml } from '@/lib/cli/clean-html';
import { findMentions } from '@/lib/entities';
import { startReaderPage } from '@/lib/reader/main';
import { stubI18n } from '../../support/i18n-stub';
import { registerBackground } from '../../support/views';

const FOLDER = 'thoidai--hop-tac-quoc-phong-bunpimay';

function fixtureArticle(): CleanArticle {
  const dir = join(import.meta.dirname, '../../fixtures/pages', FOLDER);
  const { url } = JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8')) as { url: string };
  const { window } = new JSDOM('<!doctype html><body></body>', { url: 'https://vietlao-reader.invalid/' });
  const result = cleanHtml(readFileSync(join(dir, 'source.html'), 'utf8'), url, window as unknown as Window);
  if (!result.isArticle) throw new Error(`${FOLDER} is not an article`);
  return result;
}

describe('the reader page', () => {
  let article: CleanArticle;

  beforeAll(async () => {
    stubI18n();
    registerBackground();
    article = fixtureArticle();
    // Saved with entities of an older gazetteer: one that is gone, none of today's.
    const stale = {
      id: 'org.gone-from-the-gazetteer',
      name: 'Tổ chức đã bỏ',
      type: 'ORG' as const,
      listed: true,
      mentions: [],
    };
    const db = await openArchive();
    const { id } = await saveArticle(db, { ...article, entities: [stale] });
    db.close();
    window.history.replaceState(null, '', `/reader.html?id=${encodeURIComponent(id)}`);
    await startReaderPage(document);
  });

  it('marks the mentions the background finds in the stored text', () => {
    expect(document.body.dataset.ready).toBe('true');
    const expected = findMentions(article.text);
    expect(expected.length).toBeGreaterThan(10);
    const marks = [
      ...document.querySelectorAll<HTMLElement>('[data-testid="reader-body"] mark.vl-entity, .vl-lead mark.vl-entity'),
    ];
    const ids = new Set(marks.map((m) => m.dataset.entityId));
    expect(ids).toEqual(new Set(expected.map((m) => m.entityId)));
    expect(marks.some((m) => m.textContent === 'Hoàng Xuân Chiến' && m.dataset.entityType === 'PERSON')).toBe(true);
    expect(document.querySelector<HTMLElement>('[data-testid="reader-article"]')!.dataset.highlights).toBe(
      String(expected.length),
    );
  });

  it('the panel (switch and legend) beside the article is built from the same mentions', () => {
    const panel = document.querySelector('.reader-layout > [data-testid="entity-panel"]')!;
    expect(panel.querySelector('[data-testid="highlights-toggle"]')).not.toBeNull();
    const entries = [...panel.querySelectorAll<HTMLElement>('[data-testid="legend-entry"]')];
    const counts = Object.fromEntries(
      entries.map((e) => [e.dataset.entityId, Number(e.querySelector('.legend-count')!.textContent)]),
    );
    const expected: Record<string, number> = {};
    for (const m of findMentions(article.text)) expected[m.entityId] = (expected[m.entityId] ?? 0) + 1;
    expect(counts).toEqual(expected);
    expect(panel.textContent).not.toContain('Tổ chức đã bỏ');
  });

  it("focusing a mark shows the same entity card as the in-page view, with the background's details", async () => {
    const card = document.querySelector<HTMLElement>('[data-testid="reader-article"] > [data-testid="entity-card"]')!;
    expect(card.hidden).toBe(true);
    document.querySelector<HTMLElement>('mark.vl-entity[data-entity-id="person.hoang-xuan-chien"]')!.focus();
    await vi.waitFor(() => expect(card.hidden).toBe(false));
    expect(card.querySelector('.vl-card-name')!.textContent).toBe('Hoàng Xuân Chiến');
    expect(card.querySelector('.vl-card-type')!.textContent).toBe('Nhân vật · Việt Nam');
  });
});

describe('the reader page: the link to the original names the host it really opens', () => {
  /** Open the reader page on an article stored with this address (as an older version could have stored it). */
  async function readerFor(url: string): Promise<Document> {
    stubI18n();
    registerBackground();
    const db = await openArchive();
    const { id } = await saveArticle(db, {
      ...fixtureArticle(),
      url,
      canonicalUrl: `https://thoidai.com.vn/${crypto.randomUUID()}.html`,
    });
    db.close();
    window.history.replaceState(null, '', `/reader.html?id=${encodeURIComponent(id)}`);
    await startReaderPage(document);
    return document;
  }

  it('an address with a user name shows the host it opens, not the one it names', async () => {
    const doc = await readerFor('https://nhandan.vn@evil.example/tin-tuc/bai.html');
    const link = doc.querySelector<HTMLAnchorElement>('[data-testid="original-link"]')!;
    expect(link.host).toBe('evil.example');
    expect(doc.querySelector('[data-testid="original-host"]')!.textContent).toBe('mở evil.example');
  });

  it('an ordinary address shows its host', async () => {
    const doc = await readerFor('https://thoidai.com.vn/hop-tac-quoc-phong.html');
    expect(doc.querySelector('[data-testid="original-host"]')!.textContent).toBe('mở thoidai.com.vn');
  });

  it('an address that is not http(s) is no link at all', async () => {
    const doc = await readerFor('javascript:alert(1)');
    expect(doc.querySelector('[data-testid="original-link"]')!.hasAttribute('href')).toBe(false);
    expect(doc.querySelector('[data-testid="original-host"]')).toBeNull();
  });
});

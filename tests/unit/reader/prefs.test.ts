import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import {
  applyPrefs,
  articleClasses,
  canGrow,
  canShrink,
  DEFAULT_PREFS,
  FONT_SIZES,
  normalizePrefs,
  readerPrefs,
  stepSize,
} from '@/lib/reader/prefs';

describe('reader preferences', () => {
  it('normalises whatever storage holds', () => {
    expect(normalizePrefs(null)).toEqual(DEFAULT_PREFS);
    expect(normalizePrefs({ size: 99, width: 'huge', theme: 'sepia' })).toEqual({
      size: FONT_SIZES.length - 1,
      width: 'narrow',
      theme: 'system',
    });
    expect(normalizePrefs({ size: -3, width: 'wide', theme: 'dark' })).toEqual({
      size: 0,
      width: 'wide',
      theme: 'dark',
    });
    expect(normalizePrefs({ size: 1.5 })).toEqual(DEFAULT_PREFS);
  });

  it('font size steps stop at both ends', () => {
    let p = DEFAULT_PREFS;
    for (let i = 0; i < 20; i++) p = stepSize(p, +1);
    expect(p.size).toBe(FONT_SIZES.length - 1);
    expect(canGrow(p)).toBe(false);
    for (let i = 0; i < 20; i++) p = stepSize(p, -1);
    expect(p.size).toBe(0);
    expect(canShrink(p)).toBe(false);
  });

  it('theme classes go on .vl-article (none for system), replacing earlier ones', () => {
    expect(articleClasses(DEFAULT_PREFS)).toEqual(['vl-size-2', 'vl-width-narrow']);
    const { document } = new JSDOM('<!doctype html><article class="vl-article"></article>').window;
    const article = document.querySelector('article')!;
    applyPrefs(article, { size: 4, width: 'wide', theme: 'dark' });
    expect([...article.classList].sort()).toEqual(['vl-article', 'vl-dark', 'vl-size-4', 'vl-width-wide']);
    applyPrefs(article, { size: 1, width: 'narrow', theme: 'light' });
    expect([...article.classList].sort()).toEqual(['vl-article', 'vl-light', 'vl-size-1', 'vl-width-narrow']);
    applyPrefs(article, DEFAULT_PREFS);
    expect([...article.classList].sort()).toEqual(['vl-article', 'vl-size-2', 'vl-width-narrow']);
    expect(document.documentElement.dataset.theme).toBe('system');
  });

  it('are kept in extension storage', async () => {
    expect(await readerPrefs.getValue()).toEqual(DEFAULT_PREFS);
    await readerPrefs.setValue({ size: 3, width: 'wide', theme: 'dark' });
    expect(normalizePrefs(await readerPrefs.getValue())).toEqual({ size: 3, width: 'wide', theme: 'dark' });
  });
});

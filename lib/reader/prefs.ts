/** Reader display preferences (text size, column width, theme), kept in extension storage. */
import { storage } from 'wxt/utils/storage';

export type Theme = 'light' | 'dark' | 'system';
export type Width = 'narrow' | 'wide';

export interface ReaderPrefs {
  /** Index into FONT_SIZES. */
  size: number;
  width: Width;
  theme: Theme;
}

/** Body text sizes in px; reader.css maps .vl-size-N to them. */
export const FONT_SIZES = [15, 17, 19, 21, 23, 26, 29] as const;
export const DEFAULT_PREFS: ReaderPrefs = { size: 2, width: 'narrow', theme: 'system' };
export const THEMES: readonly Theme[] = ['light', 'dark', 'system'];

export const readerPrefs = storage.defineItem<ReaderPrefs>('local:readerPrefs', {
  version: 1,
  fallback: DEFAULT_PREFS,
});

/** Whatever storage holds, as valid preferences (unknown values fall back to the defaults). */
export function normalizePrefs(value: unknown): ReaderPrefs {
  const v = value && typeof value === 'object' ? (value as Partial<Record<keyof ReaderPrefs, unknown>>) : {};
  const size =
    typeof v.size === 'number' && Number.isInteger(v.size)
      ? Math.min(FONT_SIZES.length - 1, Math.max(0, v.size))
      : DEFAULT_PREFS.size;
  const width = v.width === 'wide' || v.width === 'narrow' ? v.width : DEFAULT_PREFS.width;
  const theme = THEMES.find((t) => t === v.theme) ?? DEFAULT_PREFS.theme;
  return { size, width, theme };
}

export function stepSize(prefs: ReaderPrefs, delta: number): ReaderPrefs {
  return normalizePrefs({ ...prefs, size: prefs.size + delta });
}

export const canShrink = (prefs: ReaderPrefs) => prefs.size > 0;
export const canGrow = (prefs: ReaderPrefs) => prefs.size < FONT_SIZES.length - 1;

/** The classes these preferences put on .vl-article (system theme: neither vl-light nor vl-dark). */
export function articleClasses(prefs: ReaderPrefs): string[] {
  const out = [`vl-size-${prefs.size}`, `vl-width-${prefs.width}`];
  if (prefs.theme !== 'system') out.push(`vl-${prefs.theme}`);
  return out;
}

const MANAGED = /^vl-(?:size-\d+|width-\w+|light|dark)$/;

/** Put the preference classes on the article, replacing earlier ones. */
export function applyPrefs(article: Element, prefs: ReaderPrefs): void {
  for (const name of [...article.classList]) if (MANAGED.test(name)) article.classList.remove(name);
  article.classList.add(...articleClasses(prefs));
  const root = article.ownerDocument.documentElement;
  root.dataset.theme = prefs.theme;
}

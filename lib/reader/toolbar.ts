/** The reader's toolbar: text size −/+, column width, theme (light / dark / system), print. */
import { t } from '@/lib/i18n';
import { button, h } from '@/lib/ui/dom';
import { canGrow, canShrink, stepSize, THEMES, type ReaderPrefs, type Theme } from './prefs';

export interface ReaderToolbar {
  readonly element: HTMLElement;
  /** Reflect preferences in the controls' states. */
  update(prefs: ReaderPrefs): void;
}

const themeLabel = (theme: Theme) =>
  t(theme === 'light' ? 'readerLight' : theme === 'dark' ? 'readerDark' : 'readerSystem');

/**
 * A text-size button: the glyph is what sighted users see (hidden from assistive technology), the
 * label is its accessible name — an aria-label that does not contain the visible "A−" fails WCAG 2.5.3.
 */
function sizeButton(doc: Document, glyph: string, label: string, testid: string, className: string, act: () => void) {
  const b = button(doc, '', act, { className, testid, attrs: { title: label } });
  b.append(
    h(doc, 'span', { text: glyph, attrs: { 'aria-hidden': 'true' } }),
    h(doc, 'span', { className: 'visually-hidden', text: label }),
  );
  return b;
}

export function createReaderToolbar(
  doc: Document,
  initial: ReaderPrefs,
  change: (prefs: ReaderPrefs) => void,
  print: () => void,
): ReaderToolbar {
  let prefs = initial;
  const set = (next: ReaderPrefs) => {
    prefs = next;
    change(next);
  };
  const smaller = sizeButton(doc, 'A−', t('readerSmaller'), 'font-smaller', 'tool', () => set(stepSize(prefs, -1)));
  const larger = sizeButton(doc, 'A+', t('readerLarger'), 'font-larger', 'tool tool-large', () =>
    set(stepSize(prefs, +1)),
  );
  const width = button(doc, '', () => set({ ...prefs, width: prefs.width === 'wide' ? 'narrow' : 'wide' }), {
    className: 'tool',
    testid: 'width',
  });
  const themes = THEMES.map((theme) => {
    const b = button(doc, themeLabel(theme), () => set({ ...prefs, theme }), {
      className: 'segment',
      testid: `theme-${theme}`,
    });
    b.dataset.theme = theme;
    return b;
  });
  const printButton = button(doc, t('readerPrint'), print, { className: 'tool', testid: 'print' });

  const element = h(
    doc,
    'div',
    { className: 'toolbar', testid: 'reader-toolbar', attrs: { role: 'toolbar', 'aria-label': t('readerToolbar') } },
    h(doc, 'span', { className: 'brand', text: t('extName') }),
    h(doc, 'div', { className: 'group' }, smaller, larger),
    width,
    h(
      doc,
      'div',
      { className: 'group segmented', attrs: { role: 'group', 'aria-label': t('readerTheme') } },
      ...themes,
    ),
    printButton,
  );

  const update = (p: ReaderPrefs) => {
    prefs = p;
    smaller.disabled = !canShrink(p);
    larger.disabled = !canGrow(p);
    width.textContent = p.width === 'wide' ? t('readerNarrow') : t('readerWide');
    width.setAttribute('aria-pressed', String(p.width === 'wide'));
    for (const b of themes) b.setAttribute('aria-pressed', String(b.dataset.theme === p.theme));
  };
  update(initial);
  return { element, update };
}

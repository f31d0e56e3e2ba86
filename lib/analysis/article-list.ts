/** The articles behind a chart mark, newest first, each opening in the reader page. */
import { browser } from 'wxt/browser';
import type { ArchiveDb } from '@/lib/archive/db';
import { toSummary } from '@/lib/archive/rows';
import type { ArticleRow } from '@/lib/archive/types';
import { t } from '@/lib/i18n';
import { formatCount } from '@/lib/popup/numbers';
import { formatShortDate } from '@/lib/ui/dates';
import { button, h } from '@/lib/ui/dom';
import { factsBehind, type Mark } from './counts';
import type { AnalysisView } from './params';

/** At most this many articles are listed (the count says how many there are). */
export const LISTED = 100;

export const readerHref = (id: string) => `reader.html?id=${encodeURIComponent(id)}`;

/**
 * A plain click on a link to the reader opens it in a new tab by tabs.create, as the popup's list
 * does (Firefox gives an extension page's `target=_blank` no tab of its own to the harness, and
 * the user gets the same new tab either way); other clicks (middle, with a modifier) are the browser's.
 */
export function openInTab(event: MouseEvent): void {
  const link = event.currentTarget as HTMLAnchorElement;
  if (event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) return;
  event.preventDefault();
  void browser.tabs.create({ url: link.href });
}

/** Links to the reader page for the given article rows. */
export function articleLinks(doc: Document, rows: readonly ArticleRow[]): HTMLElement {
  return h(
    doc,
    'ol',
    { className: 'an-articles', testid: 'an-articles' },
    ...rows.map((row) => {
      const s = toSummary(row);
      const link = h(doc, 'a', {
        text: s.title,
        isolate: true,
        testid: 'an-article',
        attrs: { href: readerHref(s.id), target: '_blank' },
      });
      link.addEventListener('click', openInTab);
      return h(
        doc,
        'li',
        {},
        link,
        h(doc, 'span', {
          className: 'an-meta',
          text: `${s.siteName} · ${formatShortDate(s.publishedAt ?? s.savedAt)}`,
        }),
      );
    }),
  );
}

/** Fill `into` with the articles behind `mark` (the filter's articles only). */
export async function articleList(
  doc: Document,
  db: ArchiveDb,
  view: AnalysisView,
  mark: Mark,
  title: string,
  into: HTMLElement,
  lang: 'vi' | 'en',
): Promise<void> {
  into.dataset.ready = 'loading';
  const facts = await factsBehind(db, view.filter, view.granularity, mark);
  const rows = (await db.articles.bulkGet(facts.slice(0, LISTED).map((f) => f.id))).filter(
    (r): r is ArticleRow => r !== undefined,
  );
  into.replaceChildren(
    h(
      doc,
      'div',
      { className: 'an-results-head' },
      h(doc, 'h2', { text: title, isolate: true, testid: 'an-results-title', attrs: { tabindex: '-1' } }),
      button(doc, t('analysisClose'), () => {
        into.replaceChildren();
        delete into.dataset.ready;
      }),
    ),
    h(doc, 'p', {
      className: 'an-hint',
      testid: 'an-results-count',
      text:
        facts.length > LISTED
          ? t('analysisArticlesShown', [formatCount(LISTED, lang), formatCount(facts.length, lang)])
          : t('analysisArticlesCount', formatCount(facts.length, lang)),
    }),
    articleLinks(doc, rows),
  );
  into.dataset.ready = 'true';
  into.querySelector<HTMLElement>('h2')?.focus();
}

/**
 * Clean reading in place: the page's own nodes stay where they are (its scripts keep working),
 * hidden by one stylesheet while the clean article is shown in a closed shadow root of our own, so
 * neither side's CSS leaks into the other and the page's scripts cannot reach into the view (its
 * highlights, its entity card). Turning the view off removes both: the page is
 * exactly as it was.
 */
import articleCss from '@/assets/article.css?inline';
import viewCss from '@/assets/in-page.css?inline';
import type { CleanArticle } from '@/lib/article';
import { renderArticle, type ArticleViewLabels } from '@/lib/ui/article-view';

export const VIEW_TAG = 'vietlao-view';
export const TOOLBAR_TAG = 'vietlao-toolbar';
const STATE_ATTR = 'data-vietlao-view';

/** The stylesheet that hides the original page while the clean view is on. */
const HIDE_CSS = `html[${STATE_ATTR}="clean"] body > :not(${VIEW_TAG}):not(${TOOLBAR_TAG}) { display: none !important; }
html[${STATE_ATTR}="clean"], html[${STATE_ATTR}="clean"] body { background: #fdfcf9 !important; overflow: auto !important; }
@media (prefers-color-scheme: dark) { html[${STATE_ATTR}="clean"], html[${STATE_ATTR}="clean"] body { background: #1d1c1a !important; } }`;

export interface CleanView {
  readonly host: HTMLElement;
  /** Our closed shadow root (for the extension's own describeInPageView; the page has no way to it). */
  readonly root: ShadowRoot;
  /** The rendered article inside the shadow root (where highlights go). */
  readonly article: HTMLElement;
  readonly shown: boolean;
  show(): void;
  hide(): void;
}

export function createCleanView(doc: Document, article: CleanArticle, labels: ArticleViewLabels): CleanView {
  const host = doc.createElement(VIEW_TAG);
  const shadow = host.attachShadow({ mode: 'closed' });
  const style = doc.createElement('style');
  style.textContent = `${articleCss}\n${viewCss}`;
  const rendered = renderArticle(doc, article, labels);
  shadow.append(style, rendered);
  const hide = doc.createElement('style');
  hide.dataset.vietlao = 'hide-original';
  hide.textContent = HIDE_CSS;
  let shown = false;

  return {
    host,
    root: shadow,
    article: rendered,
    get shown() {
      return shown;
    },
    show() {
      if (shown) return;
      (doc.head ?? doc.documentElement).append(hide);
      doc.body.prepend(host);
      doc.documentElement.setAttribute(STATE_ATTR, 'clean');
      doc.defaultView?.scrollTo(0, 0);
      shown = true;
    },
    hide() {
      if (!shown) return;
      doc.documentElement.removeAttribute(STATE_ATTR);
      host.remove();
      hide.remove();
      shown = false;
    },
  };
}

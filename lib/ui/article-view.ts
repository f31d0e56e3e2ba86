/**
 * The clean article as DOM: header (site, headline, date, byline, reading time), lead, body,
 * link to the original. Used by the in-page view and by the reader page. Built with DOM calls;
 * the body HTML goes through the one DOMPurify configuration again on the way in.
 */
import type { CleanArticle } from '@/lib/article';
import { sanitizeToFragment } from '@/lib/html/sanitize';
import { formatDate } from './dates';
import { t, uiLang } from '@/lib/i18n';

/** The view's words, from _locales (see `articleViewLabels`), in the interface's one language. */
export interface ArticleViewLabels {
  lang: 'vi' | 'en';
  minutes: (n: number) => string;
  original: string;
}

/** The labels of the browser's interface language. */
export function articleViewLabels(): ArticleViewLabels {
  return { lang: uiLang(), minutes: (n) => t('articleMinutes', String(n)), original: t('openOriginal') };
}

type ViewFields = Pick<
  CleanArticle,
  'title' | 'lead' | 'byline' | 'publishedAt' | 'siteName' | 'url' | 'contentHtml' | 'readingMinutes' | 'lang'
>;

function el<K extends keyof HTMLElementTagNameMap>(
  doc: Document,
  tag: K,
  className: string,
  text?: string,
): HTMLElementTagNameMap[K] {
  const node = doc.createElement(tag);
  node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

export function renderArticle(doc: Document, article: ViewFields, labels: ArticleViewLabels): HTMLElement {
  const root = el(doc, 'article', 'vl-article');
  root.lang = article.lang || 'vi';

  const header = el(doc, 'header', 'vl-header');
  header.append(el(doc, 'p', 'vl-site', article.siteName));
  header.append(el(doc, 'h1', 'vl-title', article.title));
  const meta = el(doc, 'p', 'vl-meta');
  const parts: string[] = [];
  if (article.publishedAt) parts.push(formatDate(article.publishedAt, labels.lang));
  if (article.byline) parts.push(article.byline);
  parts.push(labels.minutes(article.readingMinutes));
  if (article.publishedAt) {
    const time = el(doc, 'time', 'vl-date', parts.shift());
    time.dateTime = article.publishedAt;
    meta.append(time, parts.length ? ` · ${parts.join(' · ')}` : '');
  } else meta.textContent = parts.join(' · ');
  header.append(meta);
  root.append(header);

  if (article.lead) root.append(el(doc, 'p', 'vl-lead', article.lead));
  const body = el(doc, 'div', 'vl-body');
  body.append(sanitizeToFragment(article.contentHtml, doc.defaultView ?? window));
  root.append(body);

  const footer = el(doc, 'footer', 'vl-footer');
  const link = el(doc, 'a', 'vl-original', labels.original);
  link.href = article.url;
  link.rel = 'noopener noreferrer';
  link.dataset.testid = 'original-link';
  footer.append(link);
  root.append(footer);
  return root;
}

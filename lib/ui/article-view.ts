/**
 * The clean article as DOM: header (site, headline, date, byline, reading time), lead, body,
 * link to the original. Used by the in-page view and by the reader page. Built with DOM calls;
 * the body HTML goes through the one DOMPurify configuration again on the way in.
 */
import type { CleanArticle, CleanedBy } from '@/lib/article';
import { sanitizeToFragment } from '@/lib/html/sanitize';
import { formatDate } from './dates';
import { h } from './dom';
import { t, uiLang } from '@/lib/i18n';

/** The view's words, from _locales (see `articleViewLabels`), in the interface's one language. */
export interface ArticleViewLabels {
  lang: 'vi' | 'en';
  minutes: (n: number) => string;
  original: string;
  /** The small line saying which rule cleaned the article and whether it was a fallback. */
  cleanedBy: (rule: CleanedBy) => string;
}

/** The line for a rule: the site's own, a template family recognised by its markers, or the generic path. */
function cleanedByLine(rule: CleanedBy): string {
  if (rule.fallback === 'family') return t('cleanedByFamily', rule.id);
  if (rule.fallback === 'generic') return t('cleanedByGenericFallback');
  return rule.id === 'generic' ? t('cleanedByGeneric') : t('cleanedByRule', rule.id);
}

/** The labels of the browser's interface language. */
export function articleViewLabels(): ArticleViewLabels {
  return {
    lang: uiLang(),
    minutes: (n) => t('articleMinutes', String(n)),
    original: t('openOriginal'),
    cleanedBy: cleanedByLine,
  };
}

type ViewFields = Pick<
  CleanArticle,
  'title' | 'lead' | 'byline' | 'publishedAt' | 'siteName' | 'url' | 'contentHtml' | 'readingMinutes' | 'lang'
> & {
  /** Absent or null: not known (an article saved before the archive kept it). */
  rule?: CleanedBy | null;
};

function el<K extends keyof HTMLElementTagNameMap>(
  doc: Document,
  tag: K,
  className: string,
  text?: string,
  isolate = false,
): HTMLElementTagNameMap[K] {
  return h(doc, tag, { className, text, isolate });
}

/** What a view does to the sanitised body before it joins the document (the reader page holds remote images back). */
export interface RenderOptions {
  prepareBody?: (body: DocumentFragment) => void;
}

export function renderArticle(
  doc: Document,
  article: ViewFields,
  labels: ArticleViewLabels,
  options: RenderOptions = {},
): HTMLElement {
  const root = el(doc, 'article', 'vl-article');
  root.lang = article.lang || 'vi';

  const header = el(doc, 'header', 'vl-header');
  header.append(el(doc, 'p', 'vl-site', article.siteName, true));
  header.append(el(doc, 'h1', 'vl-title', article.title, true));
  const meta = el(doc, 'p', 'vl-meta');
  // date · byline · reading time; the byline (the page's words) isolated from the rest
  const parts: (string | HTMLElement)[] = [];
  if (article.byline) parts.push(el(doc, 'span', 'vl-byline', article.byline, true));
  parts.push(labels.minutes(article.readingMinutes));
  if (article.publishedAt) {
    const time = el(doc, 'time', 'vl-date', formatDate(article.publishedAt, labels.lang));
    time.dateTime = article.publishedAt;
    parts.unshift(time);
  }
  parts.forEach((part, i) => meta.append(...(i > 0 ? [' · ', part] : [part])));
  header.append(meta);
  root.append(header);

  if (article.lead) root.append(el(doc, 'p', 'vl-lead', article.lead));
  const body = el(doc, 'div', 'vl-body');
  // sanitised into an inert document; prepared (e.g. images held back) before it is adopted here
  const content = sanitizeToFragment(article.contentHtml, doc.defaultView ?? window);
  options.prepareBody?.(content);
  body.append(content);
  root.append(body);

  const footer = el(doc, 'footer', 'vl-footer');
  const link = el(doc, 'a', 'vl-original', labels.original);
  link.href = article.url;
  link.rel = 'noopener noreferrer';
  link.dataset.testid = 'original-link';
  footer.append(link);
  if (article.rule) {
    const line = el(doc, 'p', 'vl-cleaned-by', labels.cleanedBy(article.rule));
    line.dataset.testid = 'cleaned-by';
    line.dataset.rule = article.rule.id;
    line.dataset.fallback = article.rule.fallback ?? 'none';
    footer.append(line);
  }
  root.append(footer);
  return root;
}

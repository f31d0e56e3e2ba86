/**
 * The reader page (reader.html?id=…): a saved article rendered offline from the archive, its
 * body sanitised again on the way in, entity mentions highlighted with the entity panel
 * (lib/ui/highlights.ts: the background's matcher, the same feature as the in-page view), and a
 * toolbar for text size, column width, theme and printing.
 */
import { getArticle, openArchive, realHost, type StoredArticle } from '@/lib/archive';
import { formatShortDate } from '@/lib/ui/dates';
import { t, uiLang } from '@/lib/i18n';
import { stripBidiControls } from '@/lib/text/bidi';
import { h } from '@/lib/ui/dom';
import { articleViewLabels, renderArticle } from '@/lib/ui/article-view';
import { applyHighlights } from '@/lib/ui/highlights';
import { siteOf } from '@/lib/entities/corrections';
import { isSupportedUrl } from '@/lib/clean/sites/hosts';
import { sendMessage } from '@/lib/messaging';
import { holdImages, imagesNotice, type HeldImage } from './images';
import { applyPrefs, normalizePrefs, readerPrefs, type ReaderPrefs } from './prefs';
import { createReaderToolbar } from './toolbar';

async function loadArticle(id: string | null): Promise<StoredArticle | null> {
  if (!id) return null;
  const db = await openArchive();
  try {
    return await getArticle(db, id);
  } finally {
    db.close();
  }
}

function errorState(doc: Document, detail?: string): HTMLElement {
  return h(
    doc,
    'div',
    { className: 'reader-error', testid: 'reader-error', attrs: { role: 'alert' } },
    h(doc, 'h1', { text: t('readerNotFound') }),
    h(doc, 'p', { text: t('readerNotFoundHint') }),
    detail ? h(doc, 'p', { className: 'reader-error-detail', text: detail }) : null,
  );
}

/** "Đã lưu 25/11/2021 · 850 từ", added under the article's own meta line. */
function savedLine(doc: Document, article: StoredArticle): HTMLElement {
  return h(
    doc,
    'p',
    { className: 'reader-saved', testid: 'reader-meta' },
    `${t('readerSaved', formatShortDate(article.savedAt))} · ${t('readerWords', String(article.wordCount))}`,
  );
}

/**
 * The link to the original page says which host it really opens ("mở nhandan.vn"), so an address
 * like https://nhandan.vn@evil.example/ shows evil.example; an address that is not http(s) is no link.
 */
function showOriginalHost(doc: Document, view: HTMLElement, url: string): void {
  const link = view.querySelector('.vl-original');
  if (!link) return;
  const host = realHost(url);
  if (host === null) {
    link.removeAttribute('href');
    return;
  }
  link.after(
    ' ',
    h(doc, 'span', { className: 'reader-original-host', testid: 'original-host', text: t('readerOriginalHost', host) }),
  );
}

export async function startReaderPage(doc: Document = document): Promise<void> {
  const lang = uiLang();
  doc.documentElement.lang = lang;
  const main = h(
    doc,
    'main',
    { className: 'reader', testid: 'reader' },
    h(doc, 'p', { className: 'reader-loading', text: t('readerLoading') }),
  );
  const prefs = normalizePrefs(await readerPrefs.getValue().catch(() => null));
  doc.documentElement.dataset.theme = prefs.theme;
  let article: StoredArticle | null = null;
  let problem: string | undefined;
  try {
    article = await loadArticle(new URLSearchParams(doc.location.search).get('id'));
  } catch (error) {
    problem = error instanceof Error ? error.message : String(error);
  }
  let view: HTMLElement | null = null;
  const apply = (p: ReaderPrefs) => {
    if (view) applyPrefs(view, p);
    else doc.documentElement.dataset.theme = p.theme;
    toolbar.update(p);
  };
  const toolbar = createReaderToolbar(
    doc,
    prefs,
    (p) => {
      apply(p);
      void readerPrefs.setValue(p);
    },
    () => window.print(),
  );
  doc.body.replaceChildren(toolbar.element, main);

  if (!article) {
    doc.title = `${t('readerNotFound')} — ${t('extName')}`;
    main.replaceChildren(errorState(doc, problem));
    doc.body.dataset.ready = 'error';
    return;
  }
  doc.title = stripBidiControls(`${article.title} — ${article.siteName}`);
  let held: HeldImage[] = [];
  const rendered = renderArticle(doc, article, articleViewLabels(), {
    // remote images become placeholders before the body joins the page: opening it requests nothing
    prepareBody: (content) => (held = holdImages(content, doc, isSupportedUrl)),
  });
  view = rendered;
  rendered.dataset.testid = 'reader-article';
  rendered.querySelector('.vl-header')?.append(savedLine(doc, article));
  showOriginalHost(doc, rendered, article.url);
  const body = rendered.querySelector('.vl-body') ?? rendered;
  if (body instanceof HTMLElement) body.dataset.testid = 'reader-body';
  const notice = imagesNotice(doc, held, (url) => sendMessage('fetchImage', url));
  if (notice) body.before(notice);
  const layout = h(doc, 'div', { className: 'reader-layout' }, rendered);
  main.replaceChildren(layout);
  const where = { url: article.url, canonicalUrl: article.canonicalUrl, site: siteOf(article.url) }; // for the user's corrections
  const highlights = await applyHighlights(rendered, article.text, { where }).catch(() => null); // readable without them
  if (highlights) layout.append(highlights.panel);
  apply(prefs);
  readerPrefs.watch((next) => apply(normalizePrefs(next)));
  doc.body.dataset.ready = 'true';
}

/** One row of the archive list: title, site and the host its address really opens, dates, entity chips, delete button. No body is read. */
import { realHost, type ArticleSummary } from '@/lib/archive';
import { formatShortDate } from '@/lib/ui/dates';
import { t } from '@/lib/i18n';
import { button, h } from '@/lib/ui/dom';
import { entityTypeClass } from '@/lib/ui/entity-types';

export const MAX_CHIPS = 4;

export interface ItemActions {
  open(summary: ArticleSummary): void;
  remove(summary: ArticleSummary): void;
}

/** The host the saved address really opens ("evil.example" for https://nhandan.vn@evil.example/). */
function hostOf(doc: Document, url: string): HTMLElement | null {
  const host = realHost(url);
  return host === null ? null : h(doc, 'span', { className: 'item-host', text: host, testid: 'host' });
}

export function renderListItem(doc: Document, summary: ArticleSummary, actions: ItemActions): HTMLLIElement {
  const published = summary.publishedAt ? t('popupPublished', formatShortDate(summary.publishedAt)) : t('popupNoDate');
  const open = h(
    doc,
    'a',
    {
      className: 'item-open',
      testid: 'open',
      attrs: { href: `reader.html?id=${encodeURIComponent(summary.id)}`, title: t('popupOpenReader') },
    },
    h(doc, 'span', { className: 'item-title', text: summary.title, isolate: true }),
    h(
      doc,
      'span',
      { className: 'item-meta' },
      h(doc, 'span', { className: 'item-site', text: summary.siteName, isolate: true }),
      hostOf(doc, summary.url),
      h(doc, 'span', { className: 'item-date', text: published, testid: 'published' }),
      h(doc, 'span', {
        className: 'item-date',
        text: t('popupSavedOn', formatShortDate(summary.savedAt)),
        testid: 'saved',
      }),
    ),
  );
  open.addEventListener('click', (e) => {
    e.preventDefault();
    actions.open(summary);
  });
  const chips = summary.topEntities.slice(0, MAX_CHIPS).map((e) =>
    h(doc, 'li', {
      className: `chip ${entityTypeClass(e.type)}`,
      text: e.name,
      isolate: true,
      attrs: { title: `${e.name} · ${e.count}` },
    }),
  );
  const remove = button(doc, t('popupDelete'), () => actions.remove(summary), {
    className: 'item-delete',
    testid: 'delete',
    attrs: { title: t('popupDeleteTitle'), 'aria-label': `${t('popupDeleteTitle')}: ${summary.title}` },
  });
  const item = h(
    doc,
    'li',
    { className: 'item', testid: 'archive-item' },
    open,
    chips.length ? h(doc, 'ul', { className: 'chips', attrs: { 'aria-label': 'entities' } }, ...chips) : null,
    remove,
  );
  item.dataset.id = summary.id;
  return item;
}

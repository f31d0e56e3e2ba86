/**
 * The archive list: newest first, 50 rows at a time ("Xem thêm" adds the next 50), an empty
 * state that explains how to save, and a "no match" state when filters exclude everything.
 */
import type { ArticleSummary } from '@/lib/archive';
import { t } from '@/lib/i18n';
import { button, h } from '@/lib/ui/dom';
import { hasCommands, hasMenus, SAVE_SHORTCUT } from '@/lib/platform/features';
import { formatCount, type Lang } from './numbers';
import { createListController, type LoadPage, type PageUpdate } from './list-controller';
import { isFiltered, type Filters } from './list-state';
import { renderListItem, type ItemActions } from './list-item';

export interface ArchiveList {
  readonly element: HTMLElement;
  reload(filters: Filters): Promise<void>;
  /** Take a deleted row out without reloading. */
  removeItem(id: string): void;
}

/** How to save: the toolbar always; the shortcut and the right-click menu where the browser has them (not Firefox for Android). */
function emptyState(doc: Document): HTMLElement {
  const shortcut = hasCommands();
  const menu = hasMenus();
  return h(
    doc,
    'div',
    { className: 'empty', testid: 'empty' },
    h(doc, 'p', { className: 'empty-title', text: t('popupEmptyTitle') }),
    h(doc, 'p', { text: t(shortcut && menu ? 'popupEmptyHow' : 'popupEmptyHowHere') }),
    h(
      doc,
      'ul',
      { className: 'empty-ways' },
      h(doc, 'li', { text: t('popupEmptyButton') }),
      ...(shortcut ? [h(doc, 'li', {}, h(doc, 'kbd', { text: SAVE_SHORTCUT }), ` — ${t('popupEmptyShortcut')}`)] : []),
      ...(menu ? [h(doc, 'li', { text: t('popupEmptyMenu') })] : []),
    ),
    ...(shortcut && menu
      ? []
      : [h(doc, 'p', { className: 'empty-not-here', testid: 'not-here', text: t('popupEmptyNotHere') })]),
  );
}

export function createArchiveList(doc: Document, lang: Lang, load: LoadPage, actions: ItemActions): ArchiveList {
  const controller = createListController(load);
  const count = h(doc, 'p', { className: 'result-count', testid: 'result-count', attrs: { 'aria-live': 'polite' } });
  const list = h(doc, 'ul', { className: 'items', testid: 'archive-list' });
  const message = h(doc, 'div', { className: 'list-message' });
  const more = button(doc, '', () => void page(controller.more()), { className: 'btn more', testid: 'more' });
  const element = h(doc, 'div', { className: 'archive-list' }, count, list, message, more);
  let filtered = false;

  const refresh = () => {
    const { total, hasMore, items } = controller;
    count.textContent = filtered ? t('popupFound', formatCount(total, lang)) : '';
    count.hidden = !filtered;
    more.hidden = !hasMore;
    more.textContent = t('popupMore', formatCount(total - items.length, lang));
    if (items.length > 0) message.replaceChildren();
    else if (filtered)
      message.replaceChildren(h(doc, 'p', { className: 'no-match', testid: 'no-match', text: t('popupNoMatch') }));
    else message.replaceChildren(emptyState(doc));
  };

  const render = (update: PageUpdate | null) => {
    if (!update) return;
    const rows = update.items.map((s: ArticleSummary) => renderListItem(doc, s, actions));
    if (update.kind === 'replace') list.replaceChildren(...rows);
    else list.append(...rows);
    refresh();
  };

  const page = async (request: Promise<PageUpdate | null>) => {
    more.disabled = true;
    try {
      render(await request);
    } catch (error) {
      message.replaceChildren(
        h(doc, 'p', {
          className: 'error',
          testid: 'list-error',
          text: t('popupLoadFailed', error instanceof Error ? error.message : String(error)),
        }),
      );
    } finally {
      more.disabled = false;
    }
  };

  return {
    element,
    async reload(filters) {
      filtered = isFiltered(filters);
      await page(controller.reload(filters));
    },
    removeItem(id) {
      controller.remove(id);
      for (const row of list.querySelectorAll<HTMLElement>('[data-testid="archive-item"]'))
        if (row.dataset.id === id) row.remove();
      refresh();
    },
  };
}

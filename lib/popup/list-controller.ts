/**
 * Paging over the archive list: the first page on every filter change, then the next page on
 * "Xem thêm". Only summaries are read (listArticles reads bodies only to check a quoted phrase or
 * rank by relevance, and then only its candidates': lib/archive/search-text.ts). A response that
 * arrives after a newer request is dropped, so fast typing never shows stale results.
 */
import type { ArticleSummary, ListOptions, ListResult } from '@/lib/archive';
import { PAGE_SIZE, toListOptions, type Filters } from './list-state';

export type LoadPage = (options: ListOptions) => Promise<ListResult>;

export interface PageUpdate {
  /** 'replace': a new first page; 'append': the next page. */
  kind: 'replace' | 'append';
  items: ArticleSummary[];
  total: number;
}

export interface ListController {
  readonly items: readonly ArticleSummary[];
  readonly total: number;
  readonly hasMore: boolean;
  /** Load the first page for these filters; null when a newer request superseded it. */
  reload(filters: Filters): Promise<PageUpdate | null>;
  /** Load the next page; null when there is none or a newer request superseded it. */
  more(): Promise<PageUpdate | null>;
  /** Forget one item (after a delete) without reloading. */
  remove(id: string): void;
}

export function createListController(load: LoadPage, pageSize = PAGE_SIZE): ListController {
  let items: ArticleSummary[] = [];
  let total = 0;
  let filters: Filters | null = null;
  let generation = 0;

  const fetchPage = async (kind: PageUpdate['kind']): Promise<PageUpdate | null> => {
    if (!filters) return null;
    const mine = ++generation;
    const offset = kind === 'replace' ? 0 : items.length;
    const result = await load(toListOptions(filters, offset, pageSize));
    if (mine !== generation) return null;
    const seen = new Set(kind === 'replace' ? [] : items.map((i) => i.id));
    const fresh = result.items.filter((i) => !seen.has(i.id));
    items = kind === 'replace' ? fresh : [...items, ...fresh];
    total = result.total;
    return { kind, items: fresh, total };
  };

  return {
    get items() {
      return items;
    },
    get total() {
      return total;
    },
    get hasMore() {
      return items.length < total;
    },
    reload(next) {
      filters = { ...next };
      return fetchPage('replace');
    },
    more() {
      return items.length < total ? fetchPage('append') : Promise.resolve(null);
    },
    remove(id) {
      const before = items.length;
      items = items.filter((i) => i.id !== id);
      if (items.length < before) total = Math.max(0, total - 1);
    },
  };
}

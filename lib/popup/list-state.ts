/** The popup's filter state and how it maps to the archive's ListOptions. */
import type { ListOptions, ListSort } from '@/lib/archive';
import { parseSearch } from '@/lib/archive/search-query';

export const PAGE_SIZE = 50;

export interface Filters {
  search: string;
  exact: boolean;
  /** '' = every site. */
  site: string;
  /** '' = every entity. */
  entityId: string;
  /** `<input type="date">` values (YYYY-MM-DD) or ''. */
  from: string;
  to: string;
  /** The list's order; 'relevance' applies only while the search has words (the control shows then). */
  sort: ListSort;
}

export const EMPTY_FILTERS: Filters = {
  search: '',
  exact: false,
  site: '',
  entityId: '',
  from: '',
  to: '',
  sort: 'newest',
};

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** A date input's day as a Vietnam-time bound (publish dates are Vietnamese pages' dates). */
function dayBound(day: string, end: boolean): string | undefined {
  if (!DAY.test(day) || Number.isNaN(Date.parse(day))) return undefined;
  return end ? `${day}T23:59:59.999+07:00` : `${day}T00:00:00+07:00`;
}

/** The ListOptions for one page of the list under these filters. */
export function toListOptions(filters: Filters, offset = 0, limit = PAGE_SIZE): ListOptions {
  const options: ListOptions = { offset, limit };
  const search = filters.search.trim().replace(/\s+/g, ' ');
  if (hasSearchWords(filters)) {
    options.search = search;
    if (filters.exact) options.exact = true;
    if (filters.sort === 'relevance') options.sort = 'relevance';
  }
  if (filters.site) options.site = filters.site;
  if (filters.entityId) options.entityId = filters.entityId;
  let [from, to] = [filters.from, filters.to];
  if (DAY.test(from) && DAY.test(to) && from > to) [from, to] = [to, from];
  const lo = dayBound(from, false);
  const hi = dayBound(to, true);
  if (lo) options.from = lo;
  if (hi) options.to = hi;
  return options;
}

/** The search box holds words to find (not only spaces, quotes or punctuation). */
export const hasSearchWords = (filters: Filters): boolean =>
  parseSearch(filters.search, filters.exact ? 'exact' : 'folded').terms.length > 0;

/** True when any filter narrows the list (the empty state then says "no match", not "nothing saved"). */
export function isFiltered(filters: Filters): boolean {
  return Object.keys(toListOptions(filters)).some((key) => key !== 'offset' && key !== 'limit' && key !== 'sort');
}

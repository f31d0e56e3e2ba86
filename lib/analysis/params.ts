/**
 * The analysis page's address: analysis.html?from=…&to=…&site=…&entity=…&q=…&exact=1&by=week
 * &chosen=id,id for the overview, and ?view=entity&id=… for one entity's page. The popup and the
 * entity card open it with the filter they show; the page writes it back as the user refilters,
 * so that a view can be bookmarked and reloaded.
 */
import type { Filters } from '@/lib/popup/list-state';
import type { AnalysisFilter } from './counts';
import type { Granularity } from './periods';

export interface AnalysisView {
  view: 'overview' | 'entity';
  filter: AnalysisFilter;
  granularity: Granularity;
  /** Overview: the entities drawn over time. Entity page: [the entity]. */
  chosen: string[];
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;
/** At most this many entities are drawn over time at once (more lines are unreadable). */
export const MAX_CHOSEN = 6;

export function readView(search: string): AnalysisView {
  const q = new URLSearchParams(search);
  const text = (name: string) => {
    const v = q.get(name)?.trim();
    return v ? v : undefined;
  };
  const day = (name: string) => {
    const v = text(name);
    return v && DAY.test(v) ? v : undefined;
  };
  const filter: AnalysisFilter = {};
  const from = day('from');
  const to = day('to');
  const site = text('site');
  const entityId = text('entity');
  const searchWords = text('q');
  if (from) filter.from = from;
  if (to) filter.to = to;
  if (site) filter.site = site;
  if (entityId) filter.entityId = entityId;
  if (searchWords) filter.search = searchWords;
  if (q.get('exact') === '1') filter.exact = true;
  const entity = q.get('view') === 'entity' ? text('id') : undefined;
  const chosen = entity ? [entity] : (text('chosen')?.split(',').filter(Boolean).slice(0, MAX_CHOSEN) ?? []);
  return {
    view: entity ? 'entity' : 'overview',
    filter,
    granularity: q.get('by') === 'week' ? 'week' : 'month',
    chosen,
  };
}

export function writeView(v: AnalysisView): string {
  const q = new URLSearchParams();
  if (v.view === 'entity' && v.chosen[0]) {
    q.set('view', 'entity');
    q.set('id', v.chosen[0]);
  }
  const f = v.filter;
  if (f.from) q.set('from', f.from);
  if (f.to) q.set('to', f.to);
  if (f.site) q.set('site', f.site);
  if (f.entityId) q.set('entity', f.entityId);
  if (f.search) q.set('q', f.search);
  if (f.exact) q.set('exact', '1');
  if (v.granularity === 'week') q.set('by', 'week');
  if (v.view === 'overview' && v.chosen.length) q.set('chosen', v.chosen.join(','));
  const s = q.toString();
  return s ? `?${s}` : '';
}

/** The popup's filters (empty strings for "any") as the analysis page's address query. */
export function queryForFilters(f: Filters): string {
  const filter: AnalysisFilter = {};
  if (DAY.test(f.from)) filter.from = f.from;
  if (DAY.test(f.to)) filter.to = f.to;
  if (f.site) filter.site = f.site;
  if (f.entityId) filter.entityId = f.entityId;
  if (f.search.trim()) filter.search = f.search.trim();
  if (f.exact && filter.search) filter.exact = true;
  return writeView({ view: 'overview', filter, granularity: 'month', chosen: f.entityId ? [f.entityId] : [] });
}

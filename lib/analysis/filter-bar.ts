/** The analysis page's filter bar: dates, site, entity, search words, accents, months or weeks. */
import type { EntityCount, SiteCount } from '@/lib/archive';
import { t } from '@/lib/i18n';
import { h } from '@/lib/ui/dom';
import type { AnalysisView } from './params';

function field(doc: Document, label: string, control: HTMLElement): HTMLLabelElement {
  return h(doc, 'label', { className: 'an-field' }, h(doc, 'span', { text: label }), control);
}

function select(
  doc: Document,
  testid: string,
  options: [value: string, label: string][],
  value: string,
): HTMLSelectElement {
  const node = h(doc, 'select', { testid });
  for (const [v, label] of options) {
    const o = h(doc, 'option', { text: label, isolate: true });
    o.value = v;
    node.append(o);
  }
  node.value = options.some(([v]) => v === value) ? value : '';
  return node;
}

/** The bar for `view`; `onChange` gets the view with the new filter (the chosen entities kept). */
export function filterBar(
  doc: Document,
  view: AnalysisView,
  sites: SiteCount[],
  entities: EntityCount[],
  onChange: (next: AnalysisView) => void,
): HTMLElement {
  const f = view.filter;
  const from = h(doc, 'input', { testid: 'an-from', attrs: { type: 'date', value: f.from ?? '' } });
  const to = h(doc, 'input', { testid: 'an-to', attrs: { type: 'date', value: f.to ?? '' } });
  const site = select(
    doc,
    'an-site',
    [['', t('analysisAllSites')], ...sites.map((s): [string, string] => [s.site, s.siteName])],
    f.site ?? '',
  );
  const entity = select(
    doc,
    'an-entity-filter',
    [['', t('analysisAllEntities')], ...entities.map((e): [string, string] => [e.id, `${e.name} (${e.count})`])],
    f.entityId ?? '',
  );
  const search = h(doc, 'input', {
    testid: 'an-search',
    attrs: { type: 'search', value: f.search ?? '', placeholder: t('analysisSearchPlaceholder') },
  });
  const exact = h(doc, 'input', { testid: 'an-exact', attrs: { type: 'checkbox' } });
  exact.checked = !!f.exact;
  const by = select(
    doc,
    'an-by',
    [
      ['month', t('analysisByMonth')],
      ['week', t('analysisByWeek')],
    ],
    view.granularity,
  );
  const changed = () => {
    const filter: AnalysisView['filter'] = {};
    if (from.value) filter.from = from.value;
    if (to.value) filter.to = to.value;
    if (site.value) filter.site = site.value;
    if (entity.value) filter.entityId = entity.value;
    if (search.value.trim()) filter.search = search.value.trim();
    if (exact.checked) filter.exact = true;
    onChange({ ...view, filter, granularity: by.value === 'week' ? 'week' : 'month' });
  };
  for (const control of [from, to, site, entity, exact, by]) control.addEventListener('change', changed);
  search.addEventListener('keydown', (e) => {
    if (e.key === 'Enter') changed();
  });
  search.addEventListener('search', changed);
  const form = h(
    doc,
    'form',
    { className: 'an-filters', testid: 'an-filters', attrs: { role: 'search', 'aria-label': t('analysisFilters') } },
    field(doc, t('analysisFrom'), from),
    field(doc, t('analysisTo'), to),
    field(doc, t('analysisSite'), site),
    field(doc, t('analysisEntityFilter'), entity),
    field(doc, t('analysisSearch'), search),
    h(doc, 'label', { className: 'an-check' }, exact, h(doc, 'span', { text: t('analysisExact') })),
    field(doc, t('analysisBy'), by),
  );
  form.addEventListener('submit', (e) => e.preventDefault());
  return form;
}

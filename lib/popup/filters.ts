/**
 * The search and filter bar: search box (debounced), exact-accents switch, the order (newest or
 * most relevant, shown while the search has words), site and entity selects, publication date
 * range. Calls `onChange` with the new Filters.
 */
import type { EntityCount, SiteCount } from '@/lib/archive';
import { t } from '@/lib/i18n';
import { stripBidiControls } from '@/lib/text/bidi';
import { button, h } from '@/lib/ui/dom';
import { ENTITY_TYPE_ORDER } from '@/lib/ui/entity-types';
import { entityTypeLabel } from '@/lib/ui/entity-type-label';
import { debounce } from './debounce';
import { formatCount, type Lang } from './numbers';
import { EMPTY_FILTERS, hasSearchWords, isFiltered, type Filters } from './list-state';

export const SEARCH_DEBOUNCE_MS = 250;

export interface FilterBar {
  readonly element: HTMLElement;
  readonly filters: Filters;
  setSites(sites: SiteCount[]): void;
  setEntities(entities: EntityCount[]): void;
}

function option(doc: Document, value: string, label: string): HTMLOptionElement {
  const node = doc.createElement('option');
  node.value = value;
  node.textContent = stripBidiControls(label); // a site or entity name from the archive
  node.dir = 'auto';
  return node;
}

/** Replace a select's options, keeping the current choice when it still exists. */
function fillSelect(
  select: HTMLSelectElement,
  first: HTMLOptionElement,
  options: (HTMLOptionElement | HTMLOptGroupElement)[],
): void {
  const current = select.value;
  select.replaceChildren(first, ...options);
  select.value = [...select.options].some((o) => o.value === current) ? current : '';
}

/** Entities grouped by type (people, organisations, places, events), most mentioned first in each. */
function entityGroups(doc: Document, entities: EntityCount[], lang: Lang): (HTMLOptionElement | HTMLOptGroupElement)[] {
  const label = (e: EntityCount) => option(doc, e.id, `${e.name} (${formatCount(e.count, lang)})`);
  const groups: (HTMLOptionElement | HTMLOptGroupElement)[] = ENTITY_TYPE_ORDER.map((type) => {
    const group = doc.createElement('optgroup');
    group.label = entityTypeLabel(type);
    group.append(...entities.filter((e) => e.type === type).map(label));
    return group;
  }).filter((g) => g.childElementCount > 0);
  return [...groups, ...entities.filter((e) => e.type === null).map(label)];
}

function labelled(doc: Document, text: string, control: HTMLElement, className = 'field'): HTMLLabelElement {
  return h(doc, 'label', { className }, h(doc, 'span', { className: 'field-label', text }), control);
}

export function createFilterBar(doc: Document, lang: Lang, onChange: (filters: Filters) => void): FilterBar {
  const filters: Filters = { ...EMPTY_FILTERS };
  const search = h(doc, 'input', {
    className: 'search',
    testid: 'search',
    attrs: {
      type: 'search',
      placeholder: t('popupSearch'),
      'aria-label': t('popupSearchLabel'),
      autocomplete: 'off',
      spellcheck: 'false',
    },
  });
  const exact = h(doc, 'input', { testid: 'exact', attrs: { type: 'checkbox' } });
  const sort = h(doc, 'select', { testid: 'sort' });
  sort.append(option(doc, 'newest', t('popupSortNewest')), option(doc, 'relevance', t('popupSortRelevance')));
  const sortLabel = labelled(doc, t('popupSort'), sort, 'field sort');
  sortLabel.hidden = true;
  const site = h(doc, 'select', { testid: 'filter-site' });
  const entity = h(doc, 'select', { testid: 'filter-entity' });
  const from = h(doc, 'input', { testid: 'filter-from', attrs: { type: 'date' } });
  const to = h(doc, 'input', { testid: 'filter-to', attrs: { type: 'date' } });
  const clear = button(doc, t('popupClearFilters'), () => reset(), {
    className: 'link-button',
    testid: 'clear-filters',
  });
  clear.hidden = true;

  const changed = () => {
    clear.hidden = !isFiltered(filters);
    sortLabel.hidden = !hasSearchWords(filters);
    onChange({ ...filters });
  };
  const searchChanged = debounce(changed, SEARCH_DEBOUNCE_MS);
  const reset = () => {
    Object.assign(filters, EMPTY_FILTERS);
    search.value = '';
    exact.checked = false;
    sort.value = EMPTY_FILTERS.sort;
    site.value = entity.value = from.value = to.value = '';
    searchChanged.cancel();
    changed();
  };

  search.addEventListener('input', () => {
    filters.search = search.value;
    searchChanged();
  });
  search.addEventListener('keydown', (e) => {
    if (e.key === 'Enter') searchChanged.flush();
  });
  exact.addEventListener('change', () => {
    filters.exact = exact.checked;
    searchChanged.cancel();
    changed();
  });
  sort.addEventListener('change', () => {
    filters.sort = sort.value === 'relevance' ? 'relevance' : 'newest';
    searchChanged.cancel();
    changed();
  });
  const bind = (control: HTMLInputElement | HTMLSelectElement, key: 'site' | 'entityId' | 'from' | 'to') =>
    control.addEventListener('change', () => {
      filters[key] = control.value;
      changed();
    });
  bind(site, 'site');
  bind(entity, 'entityId');
  bind(from, 'from');
  bind(to, 'to');

  const exactLabel = h(
    doc,
    'label',
    { className: 'exact', attrs: { title: t('popupExactHint') } },
    exact,
    h(doc, 'span', { text: t('popupExact') }),
  );
  const element = h(
    doc,
    'div',
    { className: 'filters' },
    h(doc, 'div', { className: 'search-row' }, search, exactLabel),
    sortLabel,
    h(
      doc,
      'div',
      { className: 'filter-row' },
      labelled(doc, t('popupSite'), site),
      labelled(doc, t('popupEntity'), entity),
    ),
    h(
      doc,
      'div',
      { className: 'filter-row dates' },
      labelled(doc, t('popupFrom'), from),
      labelled(doc, t('popupTo'), to),
      clear,
    ),
  );
  fillSelect(site, option(doc, '', t('popupAllSites')), []);
  fillSelect(entity, option(doc, '', t('popupAllEntities')), []);

  return {
    element,
    filters,
    setSites(sites) {
      fillSelect(
        site,
        option(doc, '', t('popupAllSites')),
        sites.map((s) => option(doc, s.site, `${s.siteName} (${formatCount(s.count, lang)})`)),
      );
      filters.site = site.value;
    },
    setEntities(entities) {
      fillSelect(entity, option(doc, '', t('popupAllEntities')), entityGroups(doc, entities, lang));
      filters.entityId = entity.value;
    },
  };
}

/**
 * The entity legend: the article's entities grouped by type, with how often each is mentioned;
 * each entry steps to the entity's next mention, its "‹" button to the previous one.
 */
import type { ArticleEntity, EntityType, Mention } from '@/lib/article';
import { t } from '@/lib/i18n';
import { h } from './dom';
import { ENTITY_TYPE_ORDER } from './entity-types';
import { entityTypeLabel } from './entity-type-label';

export interface LegendEntry {
  id: string;
  name: string;
  count: number;
  listed: boolean;
}

export interface LegendGroup {
  type: EntityType;
  entries: LegendEntry[];
  /** Mentions of every entity of this type. */
  total: number;
}

/** Groups in type order (people, organisations, places, events); most mentioned first, then by name. */
export function legendGroups(entities: readonly ArticleEntity[]): LegendGroup[] {
  return ENTITY_TYPE_ORDER.map((type) => {
    const entries = entities
      .filter((e) => e.type === type)
      .map((e) => ({ id: e.id, name: e.name, count: Math.max(1, e.mentions.length), listed: e.listed }))
      .sort((a, b) => b.count - a.count || a.name.localeCompare(b.name, 'vi'));
    return { type, entries, total: entries.reduce((n, e) => n + e.count, 0) };
  }).filter((g) => g.entries.length > 0);
}

/** Entities from mentions (by entity id, named by the first surface): the legend of the mentions a view marked. */
export function entitiesFromMentions(mentions: readonly Mention[]): ArticleEntity[] {
  const byId = new Map<string, ArticleEntity>();
  for (const m of mentions) {
    const e = byId.get(m.entityId) ?? { id: m.entityId, name: m.surface, type: m.type, listed: m.listed, mentions: [] };
    e.mentions.push(m);
    byId.set(m.entityId, e);
  }
  return [...byId.values()];
}

/** Which way a legend choice steps through an entity's mentions. */
export type Step = 1 | -1;

/** The legend; `onPick(id, step, event)` runs when an entry (1: next mention) or its "‹" button (-1) is chosen. */
export function renderLegend(
  doc: Document,
  groups: LegendGroup[],
  onPick: (id: string, step: Step, event: MouseEvent) => void,
): HTMLElement {
  const aside = h(
    doc,
    'aside',
    { className: 'legend', testid: 'legend', attrs: { 'aria-label': t('readerLegend') } },
    h(doc, 'h2', { className: 'legend-title', text: t('readerLegend') }),
  );
  if (groups.length === 0) {
    aside.append(h(doc, 'p', { className: 'legend-empty', text: t('readerLegendEmpty') }));
    return aside;
  }
  for (const group of groups) {
    const list = h(doc, 'ul', { className: 'legend-list' });
    for (const entry of group.entries) {
      const item = h(
        doc,
        'button',
        {
          className: 'legend-entry',
          testid: 'legend-entry',
          attrs: { type: 'button', title: t('readerMentions', String(entry.count)) },
        },
        h(doc, 'span', { className: 'legend-name', text: entry.name, isolate: true }),
        h(doc, 'span', { className: 'legend-count', text: String(entry.count) }),
      );
      item.dataset.entityId = entry.id;
      item.addEventListener('click', (e) => onPick(entry.id, 1, e));
      const previous = h(doc, 'button', {
        className: 'legend-prev',
        testid: 'legend-prev',
        text: '‹',
        attrs: {
          type: 'button',
          'aria-label': t('legendPrevious', entry.name),
          title: t('legendPrevious', entry.name),
        },
      });
      previous.dataset.entityId = entry.id;
      previous.addEventListener('click', (e) => onPick(entry.id, -1, e));
      list.append(h(doc, 'li', { className: 'legend-item' }, previous, item));
    }
    const section = h(
      doc,
      'section',
      { className: `legend-group legend-${group.type.toLowerCase()}`, testid: `legend-${group.type.toLowerCase()}` },
      h(
        doc,
        'h3',
        { className: 'legend-type' },
        h(doc, 'span', { className: 'legend-swatch', attrs: { 'aria-hidden': 'true' } }),
        `${entityTypeLabel(group.type)} · ${group.total}`,
      ),
      list,
    );
    aside.append(section);
  }
  return aside;
}

import { JSDOM } from 'jsdom';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ArticleEntity, EntityType } from '@/lib/article';
import { entitiesFromMentions, legendGroups, renderLegend } from '@/lib/ui/legend';
import { stubI18n } from '../../support/i18n-stub';

const entity = (id: string, name: string, type: EntityType, mentions: number): ArticleEntity => ({
  id,
  name,
  type,
  listed: !id.startsWith('unlisted:'),
  mentions: Array.from({ length: mentions }, (_, i) => ({
    start: i,
    end: i + 1,
    surface: name,
    entityId: id,
    type,
    listed: true,
  })),
});

const entities = [
  entity('LA', 'Lào', 'PLACE', 5),
  entity('VTE', 'Viêng Chăn', 'PLACE', 2),
  entity('BQP-LA', 'Bộ Quốc phòng Lào', 'ORG', 3),
  entity('p1', 'Sải-chay Côm-mạ-sít', 'PERSON', 1),
  entity('VN', 'Việt Nam', 'PLACE', 5),
];

describe('the entity legend (in-page view and reader page)', () => {
  beforeAll(stubI18n);

  it('groups by type in a fixed order, most mentioned first, with totals', () => {
    const groups = legendGroups(entities);
    expect(groups.map((g) => g.type)).toEqual(['PERSON', 'ORG', 'PLACE']);
    const places = groups.find((g) => g.type === 'PLACE')!;
    expect(places.entries.map((e) => e.name)).toEqual(['Lào', 'Việt Nam', 'Viêng Chăn']);
    expect(places.total).toBe(12);
    expect(legendGroups([])).toEqual([]);
  });

  it('renders groups with hooks, and picks an entity on click', () => {
    const { document } = new JSDOM('<!doctype html><body></body>').window;
    const picked: string[] = [];
    const legend = renderLegend(document, legendGroups(entities), (id) => picked.push(id));
    expect(legend.dataset.testid).toBe('legend');
    expect(legend.querySelector('[data-testid="legend-place"] h3')?.textContent).toBe('Địa danh · 12');
    const entries = legend.querySelectorAll<HTMLButtonElement>('[data-testid="legend-entry"]');
    expect(entries).toHaveLength(5);
    entries[0]!.click();
    expect(picked).toEqual(['p1']);
    expect(renderLegend(document, [], () => undefined).textContent).toContain('Không nhận ra thực thể nào');
  });

  it('an entry steps to the next mention, its ‹ button to the previous one; the event goes along', () => {
    const { document } = new JSDOM('<!doctype html><body></body>').window;
    const picked: [string, number, string][] = [];
    const legend = renderLegend(document, legendGroups(entities), (id, step, event) =>
      picked.push([id, step, event.type]),
    );
    const item = legend.querySelectorAll('li.legend-item')[1]!;
    const previous = item.querySelector<HTMLButtonElement>('[data-testid="legend-prev"]')!;
    expect(previous.getAttribute('aria-label')).toBe('Lần nhắc trước: Bộ Quốc phòng Lào');
    previous.click();
    item.querySelector<HTMLButtonElement>('[data-testid="legend-entry"]')!.click();
    expect(picked).toEqual([
      ['BQP-LA', -1, 'click'],
      ['BQP-LA', 1, 'click'],
    ]);
  });

  it('the entities of the marked mentions give the same legend', () => {
    const mentions = entities.flatMap((e) => e.mentions);
    const rebuilt = entitiesFromMentions(mentions);
    expect(legendGroups(rebuilt)).toEqual(legendGroups(entities));
  });
});

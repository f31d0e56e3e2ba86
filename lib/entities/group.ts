/** Mentions → one ArticleEntity per entity id, most-mentioned first. */
import type { ArticleEntity, Mention } from '../article';
import type { GazetteerTable } from './table';

export function groupWith(table: GazetteerTable, mentions: readonly Mention[]): ArticleEntity[] {
  const groups = new Map<string, ArticleEntity>();
  const first = new Map<string, number>();
  for (const m of mentions) {
    let g = groups.get(m.entityId);
    if (!g) {
      // A spelling linked by sound (listed: false, a gazetteer id) still names the listed entity.
      const s = m.listed || m.confidence ? table.summary(m.entityId) : undefined;
      g = {
        id: m.entityId,
        name: s?.name ?? m.surface,
        type: s?.type ?? m.type,
        listed: s !== undefined,
        mentions: [],
      };
      if (s) g.country = s.country;
      groups.set(m.entityId, g);
      first.set(m.entityId, m.start);
    }
    g.mentions.push(m);
  }
  return [...groups.values()].sort(
    (a, b) => b.mentions.length - a.mentions.length || first.get(a.id)! - first.get(b.id)!,
  );
}

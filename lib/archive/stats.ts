/** Archive-wide figures: size, sites and entities (for the header and the filter UI). */
import type { EntityType } from '../article';
import { archiveBytes, articleCount } from './counter';
import type { ArchiveDb } from './db';
import { toArchiveError } from './errors';
import { tallyKey } from './tallies';

export interface ArchiveStats {
  count: number;
  /** Estimated bytes used by all rows (the stored sum of per-article estimates made at save time). */
  approxBytes: number;
}

export interface SiteCount {
  site: string;
  siteName: string;
  count: number;
}

export interface EntityCount {
  id: string;
  name: string;
  type: EntityType | null;
  /** Number of saved articles that mention the entity. */
  count: number;
}

const ENTITY_TYPES: readonly EntityType[] = ['PERSON', 'ORG', 'PLACE', 'EVENT'];

/** Number of saved articles and their approximate storage size (both stored: ./counter.ts). */
export async function archiveStats(db: ArchiveDb): Promise<ArchiveStats> {
  try {
    const [count, approxBytes] = await db.transaction('r', db.meta, db.articles, () =>
      Promise.all([articleCount(db), archiveBytes(db)]),
    );
    return { count, approxBytes };
  } catch (error) {
    throw toArchiveError(error, 'measure the archive');
  }
}

/** The sites in the archive with their article counts, most articles first. */
export async function listSites(db: ArchiveDb): Promise<SiteCount[]> {
  try {
    const sites = (await db.articles.orderBy('site').uniqueKeys()).filter((k): k is string => typeof k === 'string');
    const out = await Promise.all(
      sites.map(async (site) => {
        const [count, first] = await Promise.all([
          db.articles.where('site').equals(site).count(),
          db.articles.where('site').equals(site).first(),
        ]);
        return { site, siteName: first?.siteName ?? site, count };
      }),
    );
    return out.sort((a, b) => b.count - a.count || a.site.localeCompare(b.site));
  } catch (error) {
    throw toArchiveError(error, 'list the sites');
  }
}

/** Name and type from an `unlisted:<type>:<folded name>` id, when it is one. */
function fromUnlistedId(id: string): { name: string; type: EntityType | null } | null {
  const m = /^unlisted:([A-Z]+):(.+)$/.exec(id);
  if (!m) return null;
  const type = ENTITY_TYPES.find((t) => t === m[1]) ?? null;
  return { name: m[2]!, type };
}

export interface EntityName {
  id: string;
  name: string;
  type: EntityType | null;
}

/** Name and type of each id, from the entityNames table (an unlisted id names itself). */
export async function nameEntities(db: ArchiveDb, ids: readonly string[]): Promise<EntityName[]> {
  const names = await db.entityNames.bulkGet([...ids]);
  return ids.map((id, i): EntityName => {
    const known = names[i];
    if (known) return { id, name: known.name, type: known.type };
    return { id, ...(fromUnlistedId(id) ?? { name: id, type: null }) };
  });
}

/**
 * Entities mentioned in the archive with the number of articles mentioning each, most
 * frequent first; counts come from the monthly tallies (./tallies.ts: a few dozen rows, where the
 * entityIds index held 20 keys per article), names from the entityNames table (no body is read).
 */
export async function listEntities(db: ArchiveDb, limit = 500): Promise<EntityCount[]> {
  try {
    const counts = new Map<string, number>();
    const months = await db.tallies.where(':id').between(tallyKey('month', ''), tallyKey('month', '\uffff')).toArray();
    for (const month of months)
      for (const [id, [articles]] of Object.entries(month.entities)) counts.set(id, (counts.get(id) ?? 0) + articles);
    const top = [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, limit);
    const named = await nameEntities(
      db,
      top.map(([id]) => id),
    );
    return top.map(([, count], i): EntityCount => ({ ...named[i]!, count }));
  } catch (error) {
    throw toArchiveError(error, 'list the entities');
  }
}

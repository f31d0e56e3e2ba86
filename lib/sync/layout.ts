/**
 * The sync folder's layout, readable by anyone who opens it (the folder *is* a backup):
 *
 *   VietLaoReader/
 *     index.json              { format: 'vietlao-reader-sync', version: 1, createdAt, createdBy }
 *     articles/<id>.json      one article, the same object as in the JSON export (ExportedArticle)
 *     tombstones/<id>.json    { id, canonicalUrl, deletedAt }: the article was deleted
 *     personal.json           the user's own settings, as the JSON export's `personal` (site fixes, corrections)
 *
 * `version` is the layout's; a folder of a newer version is left alone (SyncError 'newer-format')
 * and a future version migrates older folders forward from here.
 */
import { GENERATOR } from '@/lib/archive/file-format';
import type { TombstoneRow } from '@/lib/archive/tombstones';

export const SYNC_FORMAT = 'vietlao-reader-sync';
export const SYNC_LAYOUT_VERSION = 1;
export const DEFAULT_FOLDER = 'VietLaoReader';

export const INDEX_FILE = 'index.json';
export const PERSONAL_FILE = 'personal.json';
export const ARTICLES_DIR = 'articles';
export const TOMBSTONES_DIR = 'tombstones';

export interface SyncIndex {
  format: typeof SYNC_FORMAT;
  version: number;
  createdAt: string;
  createdBy: string;
}

export const newIndex = (now: Date): SyncIndex => ({
  format: SYNC_FORMAT,
  version: SYNC_LAYOUT_VERSION,
  createdAt: now.toISOString(),
  createdBy: GENERATOR,
});

/** Article ids are `a-` + hex (lib/archive/hash.ts): letters, digits and hyphens; any other file name is not ours. */
const ID = /^[a-z0-9][a-z0-9-]{0,79}$/;

export const articlePath = (id: string) => `${ARTICLES_DIR}/${id}.json`;
export const tombstonePath = (id: string) => `${TOMBSTONES_DIR}/${id}.json`;

/** The article id a file of `dir` is named after, or null for a file that is not one of ours. */
export function idOfFile(name: string): string | null {
  const m = /^([^/]+)\.json$/.exec(name);
  return m && ID.test(m[1]!) ? m[1]! : null;
}

/** A tombstone file's content, or null when it is not one. */
export function readTombstone(value: unknown): TombstoneRow | null {
  if (typeof value !== 'object' || value === null) return null;
  const { id, canonicalUrl, deletedAt } = value as Record<string, unknown>;
  if (typeof id !== 'string' || !ID.test(id)) return null;
  if (typeof canonicalUrl !== 'string' || !/^https?:\/\//.test(canonicalUrl)) return null;
  if (typeof deletedAt !== 'string' || Number.isNaN(Date.parse(deletedAt))) return null;
  return { id, canonicalUrl, deletedAt: new Date(deletedAt).toISOString() };
}

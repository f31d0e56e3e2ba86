/** The archive export file format: its name, version and TypeScript shape (its limits: lib/limits.ts). */
import type { CleanedBy, Country, EntityType, LinkConfidence } from '../article';
import type { SiteFixes } from '../clean/site-fixes';
import type { Correction, CorrectionRemoval } from '../entities/corrections';
import { version } from '../../package.json';

export const EXPORT_FORMAT = 'vietlao-reader-archive';
/**
 * Version of the export file format (independent of the database SCHEMA_VERSION). 2: articles
 * carry `rule` (optional on import, so version-1 files still import). 3: an optional top-level
 * `personal` object (the user's own settings that travel with the archive: `siteFixes`).
 * 4: `personal.corrections`, the user's corrections to the highlights (lib/entities/corrections.ts).
 * 5: `personal.removedCorrections`, the corrections the user removed (so a merge does not bring
 * them back). Files of versions 1–4 still import.
 */
export const EXPORT_SCHEMA_VERSION = 5;
export const GENERATOR = `VietLao Reader ${version}`;

export interface ExportedMention {
  start: number;
  end: number;
  surface: string;
  type: EntityType;
  title?: string;
  /** A spelling linked to the entity by pronunciation (then the mention is not a listed spelling). */
  confidence?: LinkConfidence;
}

export interface ExportedEntity {
  id: string;
  name: string;
  type: EntityType;
  country?: Country;
  listed: boolean;
  mentions: ExportedMention[];
}

export interface ExportedArticle {
  id: string;
  url: string;
  canonicalUrl: string;
  site: string;
  siteName: string;
  title: string;
  lead: string | null;
  byline: string | null;
  publishedAt: string | null;
  savedAt: string;
  updatedAt: string;
  lang: string;
  wordCount: number;
  readingMinutes: number;
  leadImage: string | null;
  text: string;
  contentHtml: string;
  contentHash: string;
  entities: ExportedEntity[];
  tags: string[];
  /** The rule that cleaned it (null: not known). Optional on import. */
  rule?: CleanedBy | null;
}

export interface ArchiveFile {
  format: typeof EXPORT_FORMAT;
  schemaVersion: number;
  exportedAt: string;
  generator: string;
  articles: ExportedArticle[];
  /** Version 3: the user's own settings. Optional, so version-1 and -2 files still import. */
  personal?: PersonalData;
}

export interface PersonalData {
  /** The user's fixes per site (lib/clean/site-fixes.ts). */
  siteFixes?: SiteFixes;
  /** Version 4: the user's corrections to the highlights (lib/entities/corrections.ts). */
  corrections?: Correction[];
  /** Version 5: the corrections the user removed: spelling, scope and when. */
  removedCorrections?: CorrectionRemoval[];
}

/** A Wallabag v2 entry (the fields its JSON import reads). */
export interface WallabagEntry {
  url: string;
  title: string;
  content: string;
  is_archived: 0 | 1;
  is_starred: 0 | 1;
  tags: string[];
  published_at: string | null;
  published_by: string[];
  reading_time: number;
  domain_name: string;
  preview_picture: string | null;
  language: string;
  created_at: string;
  updated_at: string;
}

/**
 * Validation of an imported archive file, by hand (no code generation: MV3 extension pages
 * forbid eval, which ajv needs). Mirrors archive.schema.json, plus checks a schema cannot
 * express: dates that parse, URLs that parse (http(s), no user name: lib/archive/fields.ts), sites
 * and languages without markup, mention offsets inside the text, mentions in all under MAX_MENTIONS,
 * inline event handlers in all the bodies under MAX_INLINE_HANDLERS.
 */
import type { CleanedBy, Country, EntityType, LinkConfidence } from '../article';
import {
  EXPORT_FORMAT,
  EXPORT_SCHEMA_VERSION,
  type ArchiveFile,
  type ExportedArticle,
  type ExportedEntity,
  type ExportedMention,
  type PersonalData,
} from './file-format';
import { isSiteFixes } from '../clean/site-fixes';
import { checkCorrections, checkRemovals, type CorrectionProblem } from '../entities/correction-check';
import type { Correction, CorrectionRemoval } from '../entities/corrections';
import {
  type FieldProblem,
  inlineHandlerCount,
  langProblem,
  MAX_LANG_LENGTH,
  MAX_SITE_LENGTH,
  ruleProblem,
  siteProblem,
  validRule,
  webUrlProblem,
} from './fields';
import {
  MAX_ARTICLES,
  MAX_ENTITIES,
  MAX_FIELD_LENGTH,
  MAX_INLINE_HANDLERS,
  MAX_MENTIONS,
  MAX_NAME_LENGTH,
  MAX_URL_LENGTH,
} from '@/lib/limits';

export type Path = readonly (string | number)[];
export type InvalidCode =
  'not-archive' | 'future-version' | 'too-many-articles' | 'too-large' | 'forbidden-key' | 'invalid';

/** Why a file was rejected: where (path into the JSON) and what is wrong (in Vietnamese too, when said). */
export class Invalid extends Error {
  constructor(
    readonly code: InvalidCode,
    readonly path: Path,
    readonly reason: string,
    readonly reasonVi?: string,
  ) {
    super(reason);
  }
}

function checked(value: string, path: Path, problem: FieldProblem | null): string {
  if (problem) throw new Invalid('invalid', path, problem.en, problem.vi);
  return value;
}

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
const ENTITY_TYPES: readonly EntityType[] = ['PERSON', 'ORG', 'PLACE', 'EVENT'];
const COUNTRIES: readonly Country[] = ['VN', 'LA', 'both', 'other'];
const LINK_CONFIDENCES: readonly LinkConfidence[] = ['exact', 'phonetic', 'near'];
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;
const HASH = /^[0-9a-f]{64}$/;

type Fields = Record<string, unknown>;

function describe(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  if (typeof v === 'string') return v.length > 40 ? `"${v.slice(0, 40)}…"` : `"${v}"`;
  return typeof v === 'object' ? 'an object' : `${typeof v} ${String(v)}`;
}

function object(v: unknown, path: Path, required: readonly string[], optional: readonly string[] = []): Fields {
  if (typeof v !== 'object' || v === null || Array.isArray(v))
    throw new Invalid('invalid', path, `must be an object, got ${describe(v)}`);
  for (const key of Object.keys(v)) {
    if (FORBIDDEN_KEYS.has(key)) throw new Invalid('forbidden-key', [...path, key], `the key "${key}" is not allowed`);
    if (!required.includes(key) && !optional.includes(key))
      throw new Invalid('invalid', [...path, key], 'is not a known field');
  }
  const fields = Object.fromEntries(Object.entries(v));
  for (const key of required) if (!(key in fields)) throw new Invalid('invalid', [...path, key], 'is missing');
  return fields;
}

function str(v: unknown, path: Path, max = MAX_FIELD_LENGTH, min = 0): string {
  if (typeof v !== 'string') throw new Invalid('invalid', path, `must be a string, got ${describe(v)}`);
  if (v.length > max) {
    throw max === MAX_FIELD_LENGTH
      ? new Invalid('too-large', path, 'is longer than 5 MB')
      : new Invalid('invalid', path, `is longer than ${max} characters`);
  }
  if (v.length < min) throw new Invalid('invalid', path, 'must not be empty');
  return v;
}

function nullable<T>(read: (v: unknown, path: Path) => T): (v: unknown, path: Path) => T | null {
  return (v, path) => (v === null ? null : read(v, path));
}

function int(v: unknown, path: Path): number {
  if (typeof v !== 'number' || !Number.isSafeInteger(v) || v < 0)
    throw new Invalid('invalid', path, `must be a whole number ≥ 0, got ${describe(v)}`);
  return v;
}

function num(v: unknown, path: Path): number {
  if (typeof v !== 'number' || !Number.isFinite(v) || v < 0)
    throw new Invalid('invalid', path, `must be a number ≥ 0, got ${describe(v)}`);
  return v;
}

function bool(v: unknown, path: Path): boolean {
  if (typeof v !== 'boolean') throw new Invalid('invalid', path, `must be true or false, got ${describe(v)}`);
  return v;
}

function oneOf<T extends string>(values: readonly T[]): (v: unknown, path: Path) => T {
  return (v, path) => {
    const found = values.find((x) => x === v);
    if (found === undefined)
      throw new Invalid('invalid', path, `must be one of ${values.join(', ')}, got ${describe(v)}`);
    return found;
  };
}

function list(v: unknown, path: Path, max = Number.MAX_SAFE_INTEGER): unknown[] {
  if (!Array.isArray(v)) throw new Invalid('invalid', path, `must be an array, got ${describe(v)}`);
  if (v.length > max)
    throw new Invalid('invalid', path, `has more than ${max} items`, `có hơn ${max.toLocaleString('vi')} mục`);
  return v;
}

function dateTime(v: unknown, path: Path): string {
  const s = str(v, path, 40);
  if (!DATE_TIME.test(s) || Number.isNaN(Date.parse(s)))
    throw new Invalid('invalid', path, `is not a valid ISO 8601 date-time, got ${describe(s)}`);
  return s;
}

/** An http(s) address with a host and no user name (lib/archive/fields.ts webUrlProblem). */
function webUrl(v: unknown, path: Path): string {
  const s = str(v, path, MAX_URL_LENGTH);
  return checked(s, path, webUrlProblem(s));
}

/** A host name without markup or control characters (fields.ts siteProblem). */
function site(v: unknown, path: Path): string {
  const s = str(v, path, MAX_SITE_LENGTH, 1);
  return checked(s, path, siteProblem(s));
}

/** A language tag without markup or control characters (fields.ts langProblem). */
function lang(v: unknown, path: Path): string {
  const s = str(v, path, MAX_LANG_LENGTH);
  return checked(s, path, langProblem(s));
}

/** At most MAX_ENTITIES entities with at most MAX_MENTIONS mentions in all, counted before anything is read. */
function entityList(v: unknown, path: Path): unknown[] {
  const items = list(v, path, MAX_ENTITIES);
  let mentions = 0;
  for (const e of items)
    if (e && typeof e === 'object' && 'mentions' in e && Array.isArray(e.mentions)) mentions += e.mentions.length;
  if (mentions > MAX_MENTIONS)
    throw new Invalid(
      'invalid',
      path,
      `have ${mentions} mentions in all; an article holds at most ${MAX_MENTIONS}`,
      `có ${mentions.toLocaleString('vi')} lần nhắc tên; mỗi bài tối đa ${MAX_MENTIONS.toLocaleString('vi')}`,
    );
  return items;
}

const entityType = oneOf(ENTITY_TYPES);
const linkConfidence = oneOf(LINK_CONFIDENCES);

function mention(v: unknown, path: Path, textLength: number): ExportedMention {
  const f = object(v, path, ['start', 'end', 'surface', 'type'], ['title', 'confidence']);
  const start = int(f.start, [...path, 'start']);
  const end = int(f.end, [...path, 'end']);
  if (end < start || end > textLength)
    throw new Invalid('invalid', [...path, 'end'], 'points outside the article text');
  const m: ExportedMention = {
    start,
    end,
    surface: str(f.surface, [...path, 'surface'], MAX_NAME_LENGTH),
    type: entityType(f.type, [...path, 'type']),
  };
  if (f.title !== undefined) m.title = str(f.title, [...path, 'title'], MAX_NAME_LENGTH);
  if (f.confidence !== undefined) m.confidence = linkConfidence(f.confidence, [...path, 'confidence']);
  return m;
}

function entity(v: unknown, path: Path, textLength: number): ExportedEntity {
  const f = object(v, path, ['id', 'name', 'type', 'listed', 'mentions'], ['country']);
  const e: ExportedEntity = {
    id: str(f.id, [...path, 'id'], MAX_NAME_LENGTH, 1),
    name: str(f.name, [...path, 'name'], MAX_NAME_LENGTH),
    type: entityType(f.type, [...path, 'type']),
    listed: bool(f.listed, [...path, 'listed']),
    mentions: list(f.mentions, [...path, 'mentions']).map((m, i) => mention(m, [...path, 'mentions', i], textLength)),
  };
  if (f.country !== undefined) e.country = oneOf(COUNTRIES)(f.country, [...path, 'country']);
  return e;
}

const ARTICLE_FIELDS = [
  'id',
  'url',
  'canonicalUrl',
  'site',
  'siteName',
  'title',
  'lead',
  'byline',
  'publishedAt',
  'savedAt',
  'updatedAt',
  'lang',
  'wordCount',
  'readingMinutes',
  'leadImage',
  'text',
  'contentHtml',
  'contentHash',
  'entities',
  'tags',
] as const;

/** One article of an archive file, checked field by field. */
export function readArticle(v: unknown, path: Path): ExportedArticle {
  const f = object(v, path, ARTICLE_FIELDS, ['rule']);
  const at = (key: string): Path => [...path, key];
  const text = str(f.text, at('text'));
  const hash = str(f.contentHash, at('contentHash'), 64);
  if (!HASH.test(hash)) throw new Invalid('invalid', at('contentHash'), 'is not a SHA-256 hex digest');
  return {
    id: str(f.id, at('id'), 200, 1),
    url: webUrl(f.url, at('url')),
    canonicalUrl: webUrl(f.canonicalUrl, at('canonicalUrl')),
    site: site(f.site, at('site')),
    siteName: str(f.siteName, at('siteName'), 200),
    title: str(f.title, at('title')),
    lead: nullable(str)(f.lead, at('lead')),
    byline: nullable(str)(f.byline, at('byline')),
    publishedAt: nullable(dateTime)(f.publishedAt, at('publishedAt')),
    savedAt: dateTime(f.savedAt, at('savedAt')),
    updatedAt: dateTime(f.updatedAt, at('updatedAt')),
    lang: lang(f.lang, at('lang')),
    wordCount: int(f.wordCount, at('wordCount')),
    readingMinutes: num(f.readingMinutes, at('readingMinutes')),
    leadImage: nullable(webUrl)(f.leadImage, at('leadImage')),
    text,
    contentHtml: str(f.contentHtml, at('contentHtml')),
    contentHash: hash,
    entities: entityList(f.entities, at('entities')).map((e, i) => entity(e, [...path, 'entities', i], text.length)),
    tags: list(f.tags, at('tags'), 1000).map((t, i) => str(t, [...path, 'tags', i], 200)),
    rule: f.rule === undefined || f.rule === null ? null : rule(f.rule, at('rule')),
  };
}

function rule(v: unknown, path: Path): CleanedBy {
  const problem = ruleProblem(v);
  if (problem) throw new Invalid('invalid', path, problem.en);
  return validRule(v)!;
}

/** A whole archive file: format, version, article count, then every article. Throws Invalid. */
export function readArchiveFile(v: unknown): ArchiveFile {
  if (typeof v !== 'object' || v === null || Array.isArray(v) || !('format' in v) || v.format !== EXPORT_FORMAT) {
    throw new Invalid('not-archive', ['format'], `is not "${EXPORT_FORMAT}"`);
  }
  const f = object(v, [], ['format', 'schemaVersion', 'exportedAt', 'generator', 'articles'], ['personal']);
  const schemaVersion = int(f.schemaVersion, ['schemaVersion']);
  if (schemaVersion > EXPORT_SCHEMA_VERSION)
    throw new Invalid('future-version', ['schemaVersion'], String(schemaVersion));
  if (schemaVersion < 1) throw new Invalid('invalid', ['schemaVersion'], 'must be at least 1');
  const exportedAt = dateTime(f.exportedAt, ['exportedAt']);
  const generator = str(f.generator, ['generator'], 200);
  const items = list(f.articles, ['articles']);
  if (items.length > MAX_ARTICLES) throw new Invalid('too-many-articles', ['articles'], String(items.length));
  const articles = items.map((a, i) => readArticle(a, ['articles', i]));
  let handlers = 0;
  for (const [i, a] of articles.entries()) {
    handlers += inlineHandlerCount(a.contentHtml, MAX_INLINE_HANDLERS + 1 - handlers);
    if (handlers > MAX_INLINE_HANDLERS)
      throw new Invalid(
        'invalid',
        ['articles', i, 'contentHtml'],
        `brings the file's inline event handlers (onclick=…, onerror=…) over ${MAX_INLINE_HANDLERS}: this file was not written by VietLao Reader, whose exports carry none`,
        `làm số thuộc tính xử lý sự kiện (onclick=…, onerror=…) trong tệp vượt quá ${MAX_INLINE_HANDLERS.toLocaleString('vi')}: tệp này không do VietLao Reader xuất ra (tệp xuất của tiện ích không có thuộc tính nào như vậy)`,
      );
  }
  const personal = f.personal === undefined ? undefined : readPersonal(f.personal, ['personal']);
  return { format: EXPORT_FORMAT, schemaVersion, exportedAt, generator, articles, ...(personal ? { personal } : {}) };
}

/** Sites with fixes, and selectors per site, an import accepts. */
export const MAX_FIXED_SITES = 1000;
export const MAX_FIX_SELECTORS = 200;

/**
 * The version-3 `personal` object (version 4: with `corrections`; 5: `removedCorrections`): each
 * known key checked, unknown keys refused.
 */
export function readPersonal(v: unknown, path: Path): PersonalData {
  const f = object(v, path, [], ['siteFixes', 'corrections', 'removedCorrections']);
  const corrections = {
    ...(f.corrections === undefined ? {} : { corrections: readCorrections(f.corrections, [...path, 'corrections']) }),
    ...(f.removedCorrections === undefined
      ? {}
      : { removedCorrections: readRemovals(f.removedCorrections, [...path, 'removedCorrections']) }),
  };
  if (f.siteFixes === undefined) return corrections;
  const at: Path = [...path, 'siteFixes'];
  if (!isSiteFixes(f.siteFixes))
    throw new Invalid('invalid', at, 'must map site names to { remove: [selectors], container?, prefer? }');
  const hosts = Object.keys(f.siteFixes);
  if (hosts.length > MAX_FIXED_SITES) throw new Invalid('invalid', at, `has more than ${MAX_FIXED_SITES} sites`);
  const siteFixes: PersonalData['siteFixes'] = {};
  for (const host of hosts) {
    if (FORBIDDEN_KEYS.has(host)) throw new Invalid('forbidden-key', [...at, host], `the key "${host}" is not allowed`);
    const fix = f.siteFixes[host]!;
    object(fix, [...at, host], ['remove'], ['container', 'prefer']);
    if (fix.remove.length > MAX_FIX_SELECTORS)
      throw new Invalid('invalid', [...at, host, 'remove'], `has more than ${MAX_FIX_SELECTORS} selectors`);
    siteFixes[site(host, [...at, host])] = {
      remove: [...fix.remove],
      ...(fix.container === undefined ? {} : { container: fix.container }),
      ...(fix.prefer === undefined ? {} : { prefer: fix.prefer }),
    };
  }
  return { siteFixes, ...corrections };
}

/** `personal.corrections`: each correction checked (lib/entities/correction-check.ts), the first problem said. */
function readCorrections(v: unknown, path: Path): Correction[] {
  const checked = checkCorrections(v);
  if (checked.ok) return checked.corrections;
  return refusedCorrection(checked.problem, path);
}

function readRemovals(v: unknown, path: Path): CorrectionRemoval[] {
  const checked = checkRemovals(v);
  if (checked.ok) return checked.removals;
  return refusedCorrection(checked.problem, path);
}

function refusedCorrection(problem: CorrectionProblem, path: Path): never {
  throw new Invalid(
    problem.en.includes('is not allowed') ? 'forbidden-key' : 'invalid',
    [...path, ...problem.path],
    problem.en,
    problem.vi,
  );
}

/**
 * Payload checks for messages that reach the background. A content script runs next to
 * page scripts; whatever it sends is checked field by field before it is stored.
 */
import { siteProblem, webUrlProblem } from '@/lib/archive/fields';
import { MAX_ENTITIES, MAX_FIELD_LENGTH, MAX_NAME_LENGTH, MAX_URL_LENGTH } from '@/lib/limits';

const isStr = (v: unknown, max = MAX_FIELD_LENGTH): v is string => typeof v === 'string' && v.length <= max;
const isStrOrNull = (v: unknown, max = MAX_FIELD_LENGTH) => v === null || isStr(v, max);
const isWebUrl = (v: unknown) => {
  if (!isStr(v, MAX_URL_LENGTH)) return false;
  try {
    const u = new URL(v);
    return u.protocol === 'http:' || u.protocol === 'https:';
  } catch {
    return false;
  }
};

/** Null when `v` is a well-formed CleanArticle, else what is wrong with it. */
export function validateCleanArticle(v: unknown): string | null {
  if (!v || typeof v !== 'object' || Array.isArray(v)) return 'not an article';
  const a = v as Record<string, unknown>;
  if (a.isArticle !== true) return 'not an article';
  if (!isWebUrl(a.url) || !isWebUrl(a.canonicalUrl)) return 'the article has no valid web address';
  for (const key of ['url', 'canonicalUrl'] as const) {
    const problem = webUrlProblem(a[key] as string); // e.g. a user name before the host: https://nhandan.vn@evil.example/
    if (problem) return `the article's ${key} ${problem.en}`;
  }
  for (const key of ['title', 'site', 'siteName', 'text', 'contentHtml', 'lang'] as const)
    if (!isStr(a[key])) return `field ${key} is missing or too long`;
  if (!(a.title as string).trim()) return 'the article has no title';
  const site = siteProblem(a.site as string);
  if (site) return `the article's site ${site.en}`;
  for (const key of ['lead', 'byline', 'publishedAt', 'leadImage'] as const)
    if (!isStrOrNull(a[key])) return `field ${key} has the wrong type`;
  for (const key of ['wordCount', 'readingMinutes'] as const)
    if (typeof a[key] !== 'number' || !Number.isFinite(a[key])) return `field ${key} is not a number`;
  if (!Array.isArray(a.entities) || a.entities.length > MAX_ENTITIES) return 'field entities is not a list';
  for (const e of a.entities as unknown[]) {
    if (!e || typeof e !== 'object') return 'an entity is malformed';
    const ent = e as Record<string, unknown>;
    if (!isStr(ent.id, MAX_NAME_LENGTH) || !isStr(ent.name, MAX_NAME_LENGTH) || !Array.isArray(ent.mentions))
      return 'an entity is malformed';
  }
  return null;
}

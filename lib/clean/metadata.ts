/**
 * Step 5 of the pipeline: the article's metadata, read from the (cloned) page before any
 * element is removed. Every value says where it came from in the order it is tried.
 */
import { normalizeSpaces } from '@/lib/text/vietnamese';
import { parseMachineDate, parseVietnameseDate, resolveYearless } from './dates';
import { hasLeadPrefix, stripLeadPrefix } from './lead-prefix';
import type { SiteRule } from './sites';

export interface PageMetadata {
  title: string | null;
  lead: string | null;
  byline: string | null;
  publishedAt: string | null;
  siteName: string;
  canonicalUrl: string;
  leadImage: string | null;
  lang: string;
}

const text = (el: Element | null | undefined): string | null => {
  const t = el ? normalizeSpaces(el.textContent ?? '') : '';
  return t === '' ? null : t;
};

/**
 * The page's <meta> elements by property, name and itemprop: for each value, the first element
 * (in document order) carrying it in any of the three, which is what
 * `meta[property="k"], meta[name="k"], meta[itemprop="k"]` finds. Read in one pass: a selector
 * per key walked the whole page for every key a page does not have (most of the ~15 asked).
 */
type MetaIndex = Map<string, Element>;

function metaIndex(doc: Document): MetaIndex {
  const index: MetaIndex = new Map();
  for (const el of doc.querySelectorAll('meta')) {
    for (const attr of ['property', 'name', 'itemprop']) {
      const key = el.getAttribute(attr);
      if (key !== null && !index.has(key)) index.set(key, el);
    }
  }
  return index;
}

function meta(metas: MetaIndex, ...keys: string[]): string | null {
  for (const key of keys) {
    const v = metas.get(key)?.getAttribute('content')?.trim();
    if (v) return v;
  }
  return null;
}

function firstText(doc: Document, selectors: readonly string[], exclude: readonly string[] = []): string | null {
  for (const sel of selectors) {
    for (const el of doc.querySelectorAll(sel)) {
      if (exclude.some((x) => el.closest(x))) continue;
      const t = text(el);
      if (t) return t;
    }
  }
  return null;
}

/** JSON-LD objects of the page (NewsArticle and friends), flattened through @graph. */
function jsonLd(doc: Document): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  for (const s of doc.querySelectorAll('script[type="application/ld+json"]')) {
    try {
      const data: unknown = JSON.parse(s.textContent ?? '');
      const stack = [data];
      while (stack.length) {
        const v = stack.pop();
        if (Array.isArray(v)) stack.push(...v);
        else if (v && typeof v === 'object') {
          out.push(v as Record<string, unknown>);
          const graph = (v as Record<string, unknown>)['@graph'];
          if (graph) stack.push(graph);
        }
      }
    } catch {
      // broken JSON-LD is common; ignore it
    }
  }
  return out;
}

function ldString(objs: Record<string, unknown>[], key: string): string | null {
  for (const o of objs) {
    const v = o[key];
    if (typeof v === 'string' && v.trim()) return v.trim();
    if (v && typeof v === 'object' && !Array.isArray(v) && typeof (v as Record<string, unknown>).name === 'string') {
      return String((v as Record<string, unknown>).name);
    }
    if (
      Array.isArray(v) &&
      v[0] &&
      typeof v[0] === 'object' &&
      typeof (v[0] as Record<string, unknown>).name === 'string'
    ) {
      return String((v[0] as Record<string, unknown>).name);
    }
  }
  return null;
}

function absolute(href: string | null, base: string): string | null {
  if (!href) return null;
  try {
    const u = new URL(href, base);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null;
  } catch {
    return null;
  }
}

/** The publish date: machine-readable tags first, then the site's printed date line. */
function publishedAt(doc: Document, metas: MetaIndex, rule: SiteRule, ld: Record<string, unknown>[]): string | null {
  const machine = parseMachineDate(
    meta(metas, 'article:published_time', 'datePublished', 'pubdate', 'publishdate', 'dc.date.issued') ??
      ldString(ld, 'datePublished'),
  );
  if (machine) return machine;
  for (const sel of [...rule.date, 'time[datetime]']) {
    for (const el of doc.querySelectorAll(sel)) {
      if ((rule.notDate ?? []).some((x) => el.closest(x))) continue;
      const parsed = parseMachineDate(el.getAttribute('datetime')) ?? parseVietnameseDate(el.textContent);
      if (parsed) return parsed;
    }
  }
  return yearlessFromLead(doc, metas, rule, ld);
}

/**
 * "Sáng 25/11, …" at the start of the lead: only resolved against a date the page itself
 * vouches for (its last-modified time), never against the time of viewing.
 */
function yearlessFromLead(
  doc: Document,
  metas: MetaIndex,
  rule: SiteRule,
  ld: Record<string, unknown>[],
): string | null {
  const reference = parseMachineDate(
    meta(metas, 'article:modified_time', 'og:updated_time', 'dateModified') ?? ldString(ld, 'dateModified'),
  );
  if (!reference) return null;
  const lead = firstText(doc, rule.lead) ?? '';
  const opening =
    /^(?:\([^)]*\)\s*[-–]\s*)?(?:Sáng|Trưa|Chiều|Tối|Đêm|Ngày|Hôm nay)\s+(?:ngày\s+)?(\d{1,2}\/\d{1,2})(?![\d/])/i.exec(
      lead,
    );
  if (!opening) return null;
  const ref = new Date(/T/.test(reference) ? reference : `${reference}T23:59:59+07:00`);
  return resolveYearless(opening[1]!, ref);
}

/**
 * Sites without a sapo element (vov.vn) open the body with the lead, marked by its prefix
 * ("VOV.VN - …"): the container's first paragraph is the lead only when it carries one.
 */
function leadFromBody(doc: Document, rule: SiteRule): string | null {
  for (const sel of rule.article) {
    const container = doc.querySelector(sel);
    if (!container) continue;
    const first = Array.from(container.querySelectorAll('p')).find((p) => text(p) !== null);
    const t = text(first);
    return t && hasLeadPrefix(t) ? t : null;
  }
  // no container (the generic fallback on a redesigned page): the first paragraph with a lead prefix
  const first = Array.from(doc.querySelectorAll('body p')).find((p) => hasLeadPrefix(text(p) ?? ''));
  return text(first);
}

export function readMetadata(doc: Document, url: string, rule: SiteRule, host: string): PageMetadata {
  const ld = jsonLd(doc);
  const metas = metaIndex(doc);
  const stripSuffix = (t: string | null) => (t && rule.titleSuffix ? t.replace(rule.titleSuffix, '').trim() : t);
  const rawTitle =
    firstText(doc, rule.title) ?? stripSuffix(meta(metas, 'og:title')) ?? stripSuffix(text(doc.querySelector('title')));
  // a lead prefix ("(VOV5) - ") stays in the lead; a headline never carries it
  const title = rawTitle ? stripLeadPrefix(rawTitle) || null : null;
  const siteName = rule.siteName?.(host) ?? meta(metas, 'og:site_name') ?? host;
  const byline = firstText(doc, rule.byline) ?? meta(metas, 'author', 'article:author') ?? ldString(ld, 'author');
  // Sites put their own name in meta author / JSON-LD author: that is not a byline.
  const isSiteItself = (b: string) =>
    [siteName, host, meta(metas, 'og:site_name') ?? ''].some((s) => s && b.toLowerCase().includes(s.toLowerCase()));
  // "Minh Thu/VOV.VN": the author, then the site; the site part goes
  const author = byline?.replace(/\s*\/\s*[^/]+$/, (site) => (isSiteItself(site) ? '' : site)).trim() || null;
  return {
    title,
    lead: firstText(doc, rule.lead) ?? leadFromBody(doc, rule),
    byline: author && !isSiteItself(author) ? author : null,
    publishedAt: publishedAt(doc, metas, rule, ld),
    siteName,
    canonicalUrl:
      absolute(doc.querySelector('link[rel="canonical"]')?.getAttribute('href') ?? meta(metas, 'og:url'), url) ?? url,
    leadImage: absolute(meta(metas, 'og:image'), url),
    lang: (doc.documentElement.getAttribute('lang') ?? 'vi').split('-')[0]!.toLowerCase() || 'vi',
  };
}

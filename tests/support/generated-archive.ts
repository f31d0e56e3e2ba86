/** Large archive files for the end-to-end tests, made with the benchmark's article generator. */
import { articleIdFor, contentHash } from '@/lib/archive/hash';
import { EXPORT_FORMAT, EXPORT_SCHEMA_VERSION, type ExportedArticle } from '@/lib/archive/file-format';
import { realParagraphs } from '../bench/articles';
import { benchEntities } from '../bench/gazetteer';
import { makeArticle, RARE_EVERY } from '../bench/page/generate';

/**
 * `n` generated articles as an archive file (what an export of them would hold): the benchmark's
 * generator (tests/bench/page/generate.ts, ~8 KB of real text and ~12 KB of HTML each, 20
 * mentions of gazetteer entities), tagged `tag` in their URLs and titles.
 */
export async function generatedArchiveFile(n: number, tag: string): Promise<string> {
  const pool = { paragraphs: realParagraphs(), entities: benchEntities().slice(0, 60) };
  const articles: ExportedArticle[] = [];
  for (let i = 0; i < n; i++) {
    const a = makeArticle(pool, i, tag, i % RARE_EVERY === RARE_EVERY / 2);
    const stamp = new Date(Date.UTC(2024, 0, 1) + i * 60_000).toISOString();
    articles.push({
      id: await articleIdFor(a.canonicalUrl),
      url: a.url,
      canonicalUrl: a.canonicalUrl,
      site: a.site,
      siteName: a.siteName,
      title: a.title,
      lead: a.lead,
      byline: a.byline,
      publishedAt: a.publishedAt,
      savedAt: stamp,
      updatedAt: stamp,
      lang: a.lang,
      wordCount: a.wordCount,
      readingMinutes: a.readingMinutes,
      leadImage: a.leadImage,
      text: a.text,
      contentHtml: a.contentHtml,
      contentHash: await contentHash(a.title, a.lead, a.text),
      entities: a.entities.map((e) => ({
        id: e.id,
        name: e.name,
        type: e.type,
        ...(e.country ? { country: e.country } : {}),
        listed: e.listed,
        mentions: e.mentions.map(({ start, end, surface, type }) => ({ start, end, surface, type })),
      })),
      tags: [],
      rule: a.rule,
    });
  }
  return JSON.stringify({
    format: EXPORT_FORMAT,
    schemaVersion: EXPORT_SCHEMA_VERSION,
    exportedAt: new Date().toISOString(),
    generator: 'tests/support/generated-archive.ts',
    articles,
  });
}

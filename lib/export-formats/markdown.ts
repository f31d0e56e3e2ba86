/**
 * Markdown for Obsidian and similar tools: one `.md` file per article, in one zip (fflate's
 * streaming Zip, so each page's files are compressed and handed on as bytes before the next page
 * is read). Each file starts with YAML front matter — title, url, site, author, published, saved,
 * updated, lang, id, the entities as tags (`vietlao/person/thongloun-sisoulith`) and as a list
 * with their ids — then the title, the lead and the text. Values are written as JSON strings,
 * which YAML reads as double-quoted scalars, so no title can break the front matter. The text's
 * Markdown and HTML characters are escaped: page text stays text in the note.
 */
import { Zip, ZipDeflate, strToU8 } from 'fflate';
import type { ExportedArticle } from '@/lib/archive/file-format';
import { uniqueNames } from './file-names';
import type { ExportFormat } from './format';

/** A tag Obsidian accepts: ASCII letters, digits, "-" (diacritics folded: đ → d). */
export function tagSlug(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** The tags of an article: one per entity (vietlao/<type>/<name>), then the user's own tags. */
export function articleTags(a: ExportedArticle): string[] {
  const tags = a.entities.map((e) => `vietlao/${e.type.toLowerCase()}/${tagSlug(e.name) || tagSlug(e.id)}`);
  for (const t of a.tags) {
    const slug = tagSlug(t);
    if (slug) tags.push(slug);
  }
  return [...new Set(tags)];
}

/** A line of page text with the characters Markdown (or Obsidian) would read as markup escaped. */
export function escapeMarkdown(line: string): string {
  return line
    .replace(/[\\`*_[\]<>|$~]/g, '\\$&')
    .replace(/^(\s*)([#>+=-]|\d+(?=[.)]))/, (_, space: string, mark: string) => `${space}\\${mark}`);
}

function paragraphs(text: string): string {
  return text
    .split(/\n\s*\n/)
    .map((p) => p.split('\n').map(escapeMarkdown).join('  \n'))
    .filter((p) => p.trim())
    .join('\n\n');
}

/**
 * A value as YAML: JSON, which YAML 1.2 reads as flow scalars and sequences, with the characters
 * YAML does not allow unescaped (DEL, C1 controls, the byte order mark) or reads as line breaks
 * (U+2028, U+2029) written as \u escapes, which JSON.stringify leaves as they are.
 */
export const yamlValue = (v: unknown): string =>
  JSON.stringify(v).replace(
    /[\u007f-\u009f\u2028\u2029\ufeff]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );

export function frontMatter(a: ExportedArticle): string {
  const fields: [string, unknown][] = [
    ['title', a.title],
    ['url', a.url],
    ['site', a.siteName || a.site],
    ['domain', a.site],
    ...(a.byline ? [['author', a.byline] as [string, unknown]] : []),
    ...(a.publishedAt ? [['published', a.publishedAt] as [string, unknown]] : []),
    ['saved', a.savedAt],
    ['updated', a.updatedAt],
    ['lang', a.lang],
    ['id', a.id],
    ['tags', articleTags(a)],
    ['entities', a.entities.map((e) => ({ id: e.id, name: e.name, type: e.type, mentions: e.mentions.length }))],
  ];
  return `---\n${fields.map(([k, v]) => `${k}: ${yamlValue(v)}`).join('\n')}\n---\n`;
}

/** One article as a Markdown note. */
export function toMarkdown(a: ExportedArticle): string {
  const parts = [frontMatter(a), `# ${escapeMarkdown(a.title)}`];
  if (a.lead) parts.push(`**${paragraphs(a.lead)}**`);
  if (a.text.trim()) parts.push(paragraphs(a.text));
  parts.push(`[${escapeMarkdown(a.siteName || a.site)}](<${a.url}>)`);
  return `${parts.join('\n\n')}\n`;
}

export const markdownZip: ExportFormat = {
  id: 'md',
  suffix: 'markdown.zip',
  mime: 'application/zip',
  create() {
    const chunks: Uint8Array[] = [];
    let failure: Error | null = null;
    const zip = new Zip((error, data) => {
      if (error) failure = error;
      else chunks.push(data);
    });
    const name = uniqueNames('.md');
    const take = (): BlobPart[] => {
      if (failure) throw failure;
      return chunks.splice(0).map((c) => new Blob([c as Uint8Array<ArrayBuffer>]));
    };
    return {
      page(articles) {
        for (const a of articles) {
          const mtime = Date.parse(a.updatedAt);
          const file = new ZipDeflate(name(a.title, a.id), {
            level: 6,
            ...(Number.isNaN(mtime) ? {} : { mtime }),
          });
          zip.add(file);
          file.push(strToU8(toMarkdown(a)), true);
        }
        return take();
      },
      end() {
        zip.end();
        return take();
      },
    };
  },
};

/**
 * Node side: the article texts and synthetic pages of the benchmark, built from real prose: the
 * seed texts (tests/fixtures/entity-seeds/*.txt) when present and the fixtures' expected paragraphs.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadFixtures, type FixturePage } from '../support/fixture-server';

const SEEDS_DIR = join(import.meta.dirname, '../fixtures/entity-seeds');

const escapeHtml = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
export const wordsOf = (s: string): number => s.split(/\s+/).filter(Boolean).length;

/** Every real paragraph we have: seed texts (split on blank lines) and the fixtures' body paragraphs. */
export function realParagraphs(fixtures: readonly FixturePage[] = loadFixtures()): string[] {
  const out: string[] = [];
  if (existsSync(SEEDS_DIR)) {
    for (const f of readdirSync(SEEDS_DIR)
      .filter((n) => n.endsWith('.txt'))
      .sort()) {
      for (const p of readFileSync(join(SEEDS_DIR, f), 'utf8').split(/\n\s*\n/)) {
        const t = p.replace(/\s+/g, ' ').trim();
        if (wordsOf(t) >= 12) out.push(t);
      }
    }
  }
  for (const fx of fixtures)
    for (const p of fx.expected.paragraphs ?? []) if (wordsOf(p) >= 12) out.push(p.normalize('NFC'));
  return [...new Set(out)];
}

/** Paragraphs cycled (in order, deterministic) until `words` words. */
export function paragraphsOf(words: number, pool: readonly string[]): string[] {
  const out: string[] = [];
  let n = 0;
  for (let i = 0; n < words; i++) {
    const p = pool[i % pool.length]!;
    const take = p.split(/\s+/).slice(0, words - n);
    out.push(take.join(' '));
    n += take.length;
  }
  return out;
}

/** Paragraph markup with a little inline markup, as news sites write it. */
function paragraphHtml(p: string, i: number): string {
  const w = p.split(' ');
  if (i % 5 === 0 && w.length > 12)
    return `<p><strong>${escapeHtml(w.slice(0, 6).join(' '))}</strong> ${escapeHtml(w.slice(6).join(' '))}</p>`;
  if (i % 7 === 3 && w.length > 12)
    return `<p>${escapeHtml(w.slice(0, 8).join(' '))} <em>${escapeHtml(w.slice(8, 11).join(' '))}</em> ${escapeHtml(w.slice(11).join(' '))}</p>`;
  return `<p>${escapeHtml(p)}</p>`;
}

/** A plain article page of exactly `words` words in <article id="bench-article"> (case 2). */
export function highlightPage(words: number, pool: readonly string[]): string {
  const paras = paragraphsOf(words, pool);
  return `<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>Bài ${words} chữ</title></head><body>
<header><nav><a href="/">Trang chủ</a> <a href="/chinh-tri-2/">Chính trị</a></nav></header>
<main><article id="bench-article">
${paras.map(paragraphHtml).join('\n')}
</article></main><footer>© Benchmark</footer></body></html>`;
}

/**
 * A long article on a real site template (case 1): the fixture page with its body grown to
 * `words` words by more paragraphs after its last one, inside the site's own article container.
 */
export function longArticlePage(fixture: FixturePage, words: number, pool: readonly string[]): string {
  const last = fixture.expected.paragraphs.at(-1);
  if (!last) throw new Error(`${fixture.folder} has no paragraphs`);
  const probe = escapeHtml(last.slice(0, 24)).slice(0, 20);
  const at = fixture.html.indexOf(probe) >= 0 ? fixture.html.indexOf(probe) : fixture.html.indexOf(last.slice(0, 20));
  if (at < 0) throw new Error(`cannot find the last paragraph of ${fixture.folder} in its source`);
  const close = fixture.html.indexOf('</p>', at);
  const have = fixture.expected.paragraphs.reduce((s, p) => s + wordsOf(p), 0);
  const extra = paragraphsOf(Math.max(0, words - have), pool)
    .map(paragraphHtml)
    .join('\n');
  return fixture.html.slice(0, close + 4) + '\n' + extra + fixture.html.slice(close + 4);
}

/**
 * A page of `mentions` gazetteer mentions (two listed organisations a sentence, in real wording),
 * in <article id="bench-article">: at MAX_VIEW_MARKS and past it, for the caps' cost (case 2).
 */
export function mentionsPage(mentions: number): string {
  const sentence = 'Đại diện Bộ Công an Lào và Bộ Quốc phòng Việt Nam dự buổi làm việc.';
  const paras: string[] = [];
  for (let i = 0; i < Math.ceil(mentions / 2); i += 10)
    paras.push(`<p>${Array.from({ length: Math.min(10, Math.ceil(mentions / 2) - i) }, () => sentence).join(' ')}</p>`);
  return `<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>${mentions} tên</title></head><body>
<main><article id="bench-article">
${paras.join('\n')}
</article></main></body></html>`;
}

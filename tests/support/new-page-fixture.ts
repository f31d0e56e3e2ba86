/**
 * `npm run new-fixture -- <site>--<case> <page.html> --url <URL>`: scaffold a page fixture
 * (as Readability's generate-testcase.js does). Writes tests/fixtures/pages/<site>--<case>/ with
 * the page as source.html, an expected.json drafted from what the pipeline returns TODAY, and a
 * notes.md to fill in. The draft is not the truth: read every field against the page, fix what
 * the pipeline got wrong (that is the point of the fixture) and list the page's boilerplate
 * strings in `absent` (tests/fixtures/README.md says how).
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { JSDOM } from 'jsdom';
import { cleanHtml } from '@/lib/cli/clean-html';
import { FIXTURES_DIR } from './fixture-server';

function usage(message: string): never {
  console.error(`${message}\nusage: npm run new-fixture -- <site>--<case> <page.html> --url <URL>`);
  process.exit(2);
}

const args = process.argv.slice(2);
const urlAt = args.indexOf('--url');
const url = urlAt >= 0 ? args[urlAt + 1] : undefined;
const [name, file] = args.filter((_, i) => i !== urlAt && i !== urlAt + 1);
if (!name || !/^[a-z0-9-]+--[a-z0-9-]+$/.test(name)) usage('The fixture name must look like <site>--<case>.');
if (!file || !existsSync(file)) usage(`No such page file: ${file ?? '(none)'}`);
if (!url || !/^https?:\/\//.test(url)) usage('The page URL (--url https://…) is required.');
const folder = join(FIXTURES_DIR, name);
if (existsSync(folder)) usage(`${folder} exists already; pick another case name.`);

const html = readFileSync(file, 'utf8');
const win = new JSDOM('<!doctype html><body></body>', { url: 'https://vietlao-reader.invalid/' }).window;
const result = cleanHtml(html, url, win as unknown as Window);
const body = new JSDOM(`<!doctype html><body>${result.isArticle ? result.contentHtml : ''}</body>`).window.document;
const blocks = [...body.querySelectorAll('p, h2, h3, h4, li, figcaption')]
  .map((el) => (el.textContent ?? '').replace(/\s+/g, ' ').trim())
  .filter(Boolean);
const expected = result.isArticle
  ? {
      url,
      isArticle: true,
      title: result.title,
      lead: result.lead,
      byline: result.byline,
      publishedAt: result.publishedAt,
      siteName: result.siteName,
      paragraphs: blocks,
      figures: [...body.querySelectorAll('figure')].map((f) => ({
        src: f.querySelector('img')?.getAttribute('src') ?? '',
        caption: (f.querySelector('figcaption')?.textContent ?? '').replace(/\s+/g, ' ').trim(),
      })),
      absent: [],
    }
  : {
      url,
      isArticle: false,
      title: null,
      lead: null,
      byline: null,
      publishedAt: null,
      siteName: '',
      paragraphs: [],
      figures: [],
      absent: [],
    };

mkdirSync(folder, { recursive: true });
writeFileSync(join(folder, 'source.html'), html);
writeFileSync(join(folder, 'expected.json'), `${JSON.stringify(expected, null, 2)}\n`);
writeFileSync(
  join(folder, 'notes.md'),
  [
    `Source: ${url} — where the page and its text come from (a real page? which parts are invented, and why?).`,
    'Template markers: the class names the site rule selects on.',
    'What must go: the boilerplate this page carries (list every visible string of it in expected.json "absent").',
    '',
  ].join('\n'),
);
console.log(
  `${folder}\n  drafted from today's pipeline (${result.isArticle ? `${blocks.length} blocks` : `no article: ${result.reason}`}).` +
    '\n  Review expected.json against the page, fill "absent" and notes.md, then run: npx vitest run tests/unit/clean/fixtures.test.ts',
);

/**
 * lib/build/library-dom-rewrites.ts replaces innerHTML assignments inside DOMPurify and Readability
 * with DOM calls. Here the original and the rewritten library run side by side on the same inputs
 * (jsdom) and must give identical results, on the exact code paths that were rewritten.
 */
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { LIBRARY_REWRITES, rewriteLibrarySource } from '@/lib/build/library-dom-rewrites';

const nodeModules = join(import.meta.dirname, '../../../node_modules');
const PURIFY = join(nodeModules, 'dompurify/dist/purify.es.mjs');
const READABILITY = join(nodeModules, '@mozilla/readability/Readability.js');
const tmp = mkdtempSync(join(tmpdir(), 'vietlao-rewrites-'));
const require = createRequire(import.meta.url);

/** Any `x.innerHTML = …` (assignment, not comparison). */
const INNER_HTML_ASSIGNMENT = /\.innerHTML\s*=(?!=)/g;

function rewritten(path: string): string {
  const out = rewriteLibrarySource(path, readFileSync(path, 'utf8'));
  if (out === null) throw new Error(`no rewrite for ${path}`);
  return out;
}

type Purifier = { sanitize(dirty: string, cfg?: Record<string, unknown>): string };
type PurifyFactory = (win: unknown) => Purifier;
async function loadPurify(code: string, name: string): Promise<PurifyFactory> {
  const file = join(tmp, name);
  writeFileSync(file, code.replace(/^\/\/# sourceMappingURL=.*$/m, ''));
  return ((await import(pathToFileURL(file).href)) as { default: PurifyFactory }).default;
}

type ReadabilityCtor = new (
  doc: Document,
  opts?: Record<string, unknown>,
) => { parse(): Record<string, unknown> | null; _attempts: unknown[] };
function loadReadability(code: string, name: string): ReadabilityCtor {
  const file = join(tmp, name);
  writeFileSync(file, code);
  return require(file) as ReadabilityCtor;
}

describe('library DOM rewrites: the sources', () => {
  it('leave no innerHTML assignment in DOMPurify or Readability', () => {
    expect(readFileSync(PURIFY, 'utf8').match(INNER_HTML_ASSIGNMENT)?.length).toBe(1);
    expect(readFileSync(READABILITY, 'utf8').match(INNER_HTML_ASSIGNMENT)?.length).toBe(2);
    expect(rewritten(PURIFY).match(INNER_HTML_ASSIGNMENT)).toBeNull();
    expect(rewritten(READABILITY).match(INNER_HTML_ASSIGNMENT)).toBeNull();
  });

  it('match the module ids Vite resolves, and nothing else', () => {
    expect(LIBRARY_REWRITES[0]!.file.test('/x/node_modules/dompurify/dist/purify.es.mjs')).toBe(true);
    expect(LIBRARY_REWRITES[1]!.file.test('/x/node_modules/@mozilla/readability/Readability.js')).toBe(true);
    expect(rewriteLibrarySource('/x/lib/html/sanitize.ts', 'a.innerHTML = b;')).toBeNull();
  });

  it('fail the build loudly when a library no longer contains the statement', () => {
    expect(() => rewriteLibrarySource('/x/node_modules/@mozilla/readability/Readability.js', 'var x = 1;')).toThrow(
      /expected exactly one/,
    );
  });
});

describe('DOMPurify: the XML-namespace fallback of _initDocument behaves the same', async () => {
  const original = await loadPurify(readFileSync(PURIFY, 'utf8'), 'purify-original.mjs');
  const patched = await loadPurify(rewritten(PURIFY), 'purify-rewritten.mjs');
  const win = new JSDOM('<!doctype html><body></body>').window;
  const a = original(win);
  const b = patched(win);

  const SVG = 'http://www.w3.org/2000/svg';
  const MATHML = 'http://www.w3.org/1998/Math/MathML';
  const inputs = [
    '',
    'plain text & more',
    '<circle r="5"/><g><rect width="2" height="3"/><text>xin chào</text></g>',
    '<circle r="5" onload="alert(1)"/><script>alert(1)</script><foreignObject><p>hi</p></foreignObject>',
    '<a><b></a>', // not well-formed: both keep the empty document
    '<g xmlns:xlink="http://www.w3.org/1999/xlink"><use xlink:href="#x"/></g>',
    '<g><![CDATA[ <b>raw</b> ]]><!-- comment --></g>',
    'Hà Nội &amp; Viêng Chăn &lt;tag&gt;',
    '&nbsp;', // an HTML entity is not XML: error in both
  ];
  for (const [ns, parser] of [
    [SVG, 'application/xhtml+xml'],
    [MATHML, 'application/xhtml+xml'],
    ['urn:example:"quoted"&<odd>', 'application/xhtml+xml'],
  ] as const) {
    it.each(inputs)(`NAMESPACE ${ns}: %j`, (input) => {
      const cfg = { NAMESPACE: ns, PARSER_MEDIA_TYPE: parser, USE_PROFILES: { svg: true, mathMl: true } };
      expect(b.sanitize(input, cfg)).toBe(a.sanitize(input, cfg));
    });
  }
  it.each(['<p>ok<img src=x onerror=alert(1)></p>', '<svg><circle/></svg>'])(
    'HTML namespace (not rewritten) still agrees: %j',
    (input) => {
      expect(b.sanitize(input)).toBe(a.sanitize(input));
    },
  );
  it('the fallback really produces content (the comparison is not vacuous)', () => {
    const cfg = { NAMESPACE: SVG, PARSER_MEDIA_TYPE: 'application/xhtml+xml' };
    expect(b.sanitize('<circle r="5"/>', cfg)).toContain('circle');
  });
});

describe('Readability: page restore on retry and noscript images behave the same', () => {
  const Original = loadReadability(readFileSync(READABILITY, 'utf8'), 'readability-original.cjs');
  const Patched = loadReadability(rewritten(READABILITY), 'readability-rewritten.cjs');

  const run = (Ctor: ReadabilityCtor, html: string, url: string) => {
    const doc = new JSDOM(html, { url }).window.document;
    const reader = new Ctor(doc);
    const result = reader.parse();
    return { result, attempts: reader._attempts.length };
  };

  const fixtures = join(import.meta.dirname, '../../fixtures/pages');
  const pages: [string, string, string][] = readdirSync(fixtures)
    .filter((f) => !f.includes('.'))
    .map((f) => [
      f,
      readFileSync(join(fixtures, f, 'source.html'), 'utf8'),
      (JSON.parse(readFileSync(join(fixtures, f, 'expected.json'), 'utf8')) as { url: string }).url,
    ]);

  const short = `<!doctype html><html><head><title>Tin ngắn</title></head><body>
    <div class="sidebar"><p>Tin mới nhất</p></div>
    <article><p>Chiều 12/3, Bộ trưởng Bộ Công an tiếp Đoàn đại biểu Bộ An ninh Lào.</p>
    <p>Hai bên trao đổi về hợp tác.</p></article><div class="comment">Bình luận</div></body></html>`;
  const noscript = `<!doctype html><html><head><title>Ảnh</title></head><body><article>
    <p>${'Quan hệ đặc biệt Việt Nam – Lào được vun đắp qua nhiều thế hệ. '.repeat(12)}</p>
    <figure><img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" data-src="/lazy.jpg" class="lazy" alt="ảnh"><noscript><img src="https://antv.gov.vn/real.jpg" alt="ảnh thật" width="800"></noscript></figure>
    <noscript><div><span><img src="https://antv.gov.vn/solo.jpg"></span></div></noscript>
    <p>${'Hai nước cam kết tăng cường hợp tác an ninh, quốc phòng và kinh tế. '.repeat(12)}</p>
    </article></body></html>`;

  it.each([
    ...pages,
    ['short page (every retry restores the page)', short, 'https://antv.gov.vn/tin-ngan.html'],
    ['noscript images', noscript, 'https://antv.gov.vn/anh.html'],
  ] as [string, string, string][])('%s', (_name, html, url) => {
    const a = run(Original, html, url);
    const b = run(Patched, html, url);
    expect(b).toEqual(a);
  });

  it('the short page really takes the restore path, and the noscript image really is unwrapped', () => {
    expect(run(Patched, short, 'https://antv.gov.vn/tin-ngan.html').attempts).toBeGreaterThan(1);
    expect(String(run(Patched, noscript, 'https://antv.gov.vn/anh.html').result?.content)).toContain('real.jpg');
  });
});

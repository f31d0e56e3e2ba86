/**
 * Robustness: random and mutated HTML through cleanDocument (fast-check). Mutations of the
 * fixture pages — deleted, duplicated and swapped subtrees, random attributes, deep nesting, huge
 * text nodes — and random markup soup: no uncaught exception, the live document never mutated, and
 * nothing executable in the output. Time is not asserted here (a wall-clock limit fails on a loaded
 * machine, not on slow code): pages past the page budget are refused (tests/unit/clean/budget.test.ts)
 * and their cost is measured by `npm run bench`.
 */
import fc from 'fast-check';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { cleanDocument } from '@/lib/clean/pipeline';
import { loadFixtures } from '../support/fixture-server';
import { checkHtml, DANGEROUS_TAGS } from './check-html';

const fixtures = loadFixtures().filter((f) => f.expected.isArticle);
const checkWin = new JSDOM('').window;

type Mutation =
  | { kind: 'delete'; at: number }
  | { kind: 'duplicate'; at: number }
  | { kind: 'swap'; a: number; b: number }
  | { kind: 'attr'; at: number; name: string; value: string }
  | { kind: 'nest'; at: number; depth: number }
  | { kind: 'text'; at: number; size: number };

const attrName = fc.constantFrom(
  'onclick',
  'onerror',
  'style',
  'id',
  'name',
  'href',
  'src',
  'class',
  'srcdoc',
  'data-x',
  'is',
  'xmlns',
  'formaction',
  'title',
);
const attrValue = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.constantFrom(
    'javascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'querySelector',
    'body',
    '"><img src=x onerror=alert(1)>',
  ),
);
const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('duplicate' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('swap' as const), a: fc.nat(), b: fc.nat() }),
  fc.record({ kind: fc.constant('attr' as const), at: fc.nat(), name: attrName, value: attrValue }),
  fc.record({ kind: fc.constant('nest' as const), at: fc.nat(), depth: fc.integer({ min: 50, max: 1500 }) }),
  fc.record({ kind: fc.constant('text' as const), at: fc.nat(), size: fc.integer({ min: 10_000, max: 1_000_000 }) }),
);

function mutate(doc: Document, m: Mutation): void {
  const all = Array.from(doc.body.querySelectorAll('*'));
  if (all.length === 0) return;
  const pick = (n: number) => all[n % all.length]!;
  try {
    switch (m.kind) {
      case 'delete':
        pick(m.at).remove();
        break;
      case 'duplicate':
        pick(m.at).after(pick(m.at).cloneNode(true));
        break;
      case 'swap': {
        const a = pick(m.a),
          b = pick(m.b);
        if (a.contains(b) || b.contains(a)) break;
        const mark = doc.createComment('');
        a.replaceWith(mark);
        b.replaceWith(a);
        mark.replaceWith(b);
        break;
      }
      case 'attr':
        pick(m.at).setAttribute(m.name, m.value);
        break;
      case 'nest': {
        const target = pick(m.at);
        let inner: Element = target;
        for (let i = 0; i < m.depth; i++) {
          const d = doc.createElement(i % 3 === 0 ? 'div' : i % 3 === 1 ? 'span' : 'p');
          inner.append(d);
          inner = d;
        }
        inner.append(doc.createTextNode('Lõi lồng sâu Việt Nam – Lào.'));
        break;
      }
      case 'text':
        pick(m.at).append(doc.createTextNode('Hợp tác Việt – Lào. '.repeat(Math.ceil(m.size / 20))));
        break;
    }
  } catch {
    // an impossible mutation (e.g. into a void element) is skipped: the page stays valid input
  }
}

function cleanChecked(dom: JSDOM, url: string) {
  const doc = dom.window.document;
  const before = doc.documentElement.outerHTML;
  const result = cleanDocument(doc, url, { window: dom.window as unknown as Window });
  expect(doc.documentElement.outerHTML === before, 'live document untouched').toBe(true);
  if (result.isArticle) {
    expect(result.contentHtml).not.toMatch(DANGEROUS_TAGS);
    const t = checkWin.document.createElement('template');
    t.innerHTML = result.contentHtml; // inert parse of the output, for the check only
    expect(checkHtml(t.content)).toEqual([]);
  }
}

describe('cleanDocument under fuzzing', () => {
  it('mutated fixture pages: no exception, live DOM untouched, clean output', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...fixtures),
        fc.array(mutation, { minLength: 1, maxLength: 8 }),
        (fixture, mutations) => {
          const dom = new JSDOM(fixture.html, { url: fixture.url });
          for (const m of mutations) mutate(dom.window.document, m);
          cleanChecked(dom, fixture.url);
          dom.window.close();
        },
      ),
      { numRuns: 60, seed: Number(process.env.FUZZ_SEED ?? 20240701) },
    );
  }, 240_000);

  const tag = fc.constantFrom(
    'div',
    'p',
    'span',
    'a',
    'img',
    'table',
    'tr',
    'td',
    'svg',
    'math',
    'form',
    'script',
    'style',
    'template',
    'noscript',
    'iframe',
    'select',
    'option',
    'textarea',
    'h1',
    'article',
    'figure',
    'mglyph',
    'annotation-xml',
    'foreignObject',
    'xmp',
  );
  const soup: fc.Arbitrary<string> = fc.letrec<{ node: string }>((tie) => ({
    node: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      fc.string({ maxLength: 30 }),
      fc.constantFrom(
        'Việt Nam và Lào hợp tác toàn diện. ',
        '<!--',
        '-->',
        '</p>',
        '<![CDATA[',
        ']]>',
        '&lt;',
        '"',
        "'",
        '<',
      ),
      fc
        .tuple(tag, attrName, attrValue, fc.array(tie('node'), { maxLength: 4 }))
        .map(([t, n, v, kids]) => `<${t} ${n}="${v.replace(/"/g, '&quot;')}">${kids.join('')}</${t}>`),
    ),
  })).node;

  it('random markup soup inside an antv article: no exception, clean output', () => {
    const antv = fixtures.find((f) => f.folder === 'antv--hop-tac-cong-an')!;
    const anchor = antv.html.indexOf('</p>', antv.html.indexOf(antv.expected.paragraphs[1]!.slice(0, 40))) + 4;
    fc.assert(
      fc.property(fc.array(soup, { minLength: 1, maxLength: 20 }), (parts) => {
        const dom = new JSDOM(`${antv.html.slice(0, anchor)}${parts.join('')}${antv.html.slice(anchor)}`, {
          url: antv.url,
        });
        cleanChecked(dom, antv.url);
        dom.window.close();
      }),
      { numRuns: 80, seed: Number(process.env.FUZZ_SEED ?? 20240701) },
    );
  }, 240_000);

  it('random whole documents (not articles): no exception', () => {
    fc.assert(
      fc.property(
        fc.array(soup, { maxLength: 30 }),
        fc.constantFrom(
          'https://antv.gov.vn/tin-tuc/chinh-tri/a-1.html',
          'https://thoidai.com.vn/b-2.html',
          'https://example.test/x',
        ),
        (parts, url) => {
          const dom = new JSDOM(parts.join(''), { url });
          cleanChecked(dom, url);
          dom.window.close();
        },
      ),
      { numRuns: 100, seed: Number(process.env.FUZZ_SEED ?? 20240701) },
    );
  }, 240_000);
});

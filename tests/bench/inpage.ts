/**
 * bench-inpage.js (bench build only): the code under test, as built by WXT/Vite with the
 * production configuration, injected into a fixture page so it runs on the page's live document
 * (like the content script). Exposes `globalThis.__vlBench`; the Node runner drives it.
 *
 * Import order matters: t0 → lib/entities (virtual gazetteer JSON.parse + matcher decode) → t1,
 * so t1 - t0 is the one-off cost of loading the matcher (the background pays it).
 */
import './t0';
import { findMentions } from '@/lib/entities';
import './t1';
import { collect, highlightWith, markArticle, removeHighlights } from '@/lib/ui/marks';
import { MAX_MATCH_CHARS } from '@/lib/limits';
import { Readability } from '@mozilla/readability';
import Mark, { type MarkOptions } from 'mark.js';
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { cleanDocument } from '@/lib/clean/pipeline';
import { comparable, foldDiacritics } from '@/lib/text/vietnamese';
import { compare, type SampleOptions } from './stats';
import { markSpans, type MarkSpan } from './spans';

/** V8's gc() where the bench browser exposes it (tests/bench/browser.ts), else nothing. */
const collectGarbage = (): void => (globalThis as { gc?: () => void }).gc?.();

/** Mark every mention under `root`, found in its own text by the build-time matcher. */
const highlightEntities = (root: Element) => highlightWith(root, findMentions);

const CHUNK = 200;

/** Escapes valid in a `u` RegExp (no `\-`: a hyphen outside a class is a plain character). */
const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

interface TrieNode {
  next: Map<string, TrieNode>;
  end: boolean;
}

/**
 * The best hand-tuned mark.js use: ONE regular expression shaped like a character trie of every
 * name (shared prefixes written once, so the engine never retries a prefix), case-insensitive,
 * any run of spaces between words, whole words only.
 */
export function trieRegExp(names: readonly string[]): RegExp {
  const root: TrieNode = { next: new Map(), end: false };
  for (const name of names) {
    let node = root;
    for (const ch of name.toLowerCase().replace(/\s+/g, ' ')) {
      let child = node.next.get(ch);
      if (!child) node.next.set(ch, (child = { next: new Map(), end: false }));
      node = child;
    }
    node.end = true;
  }
  const emit = (node: TrieNode): string => {
    const alts = [...node.next.entries()]
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([ch, child]) => (ch === ' ' ? '\\s+' : escape(ch)) + emit(child));
    if (alts.length === 0) return '';
    const body = alts.length === 1 ? alts[0]! : `(?:${alts.join('|')})`;
    if (!node.end) return body;
    return alts.length === 1 && alts[0]!.length === 1
      ? `${body}?`
      : `(?:${alts.length === 1 ? body : alts.join('|')})?`;
  };
  return new RegExp(`(?<![\\p{L}\\p{M}\\p{N}])${emit(root)}(?![\\p{L}\\p{M}\\p{N}])`, 'giu');
}

/** The floor: a TreeWalker over the same text nodes, reading and folding each one. */
function barePass(root: Element): number {
  const walker = root.ownerDocument.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  let n = 0;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) n += foldDiacritics((node as Text).data).length;
  return n;
}

function chunks<T>(list: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));
  return out;
}

const MARK_OPTIONS: MarkOptions = {
  diacritics: true,
  separateWordSearch: false,
  accuracy: 'exactly',
  exclude: ['mark'],
};

function unmarkAll(root: Element): void {
  new Mark(root).unmark();
  root.normalize();
}

function markjsMark(root: Element, groups: readonly string[][]): void {
  const m = new Mark(root);
  for (const group of groups) m.mark(group, MARK_OPTIONS);
}

function markjsRegExp(root: Element, re: RegExp): void {
  new Mark(root).markRegExp(re, { exclude: ['mark'] });
}

export interface PipelineReport {
  samples: Record<string, number[]>;
  isArticle: boolean;
  textChars: number;
  wordCount: number;
  readabilityChars: number;
  pageWords: number;
  /** Diagnosis, not a goal: comparable() over every h1/h2/p/div's text, as step 5 of the pipeline does. */
  comparablePassMs: number;
}

function comparablePass(): number {
  const t0 = performance.now();
  for (let k = 0; k < 5; k++)
    for (const el of document.body.querySelectorAll('h1, h2, p, div')) comparable(el.textContent ?? '');
  return (performance.now() - t0) / 5;
}

function pipeline(options: SampleOptions): Promise<PipelineReport> {
  const url = location.href;
  const result = cleanDocument(document, url);
  const bare = new Readability(document.cloneNode(true) as Document).parse();
  const report = (samples: Record<string, number[]>): PipelineReport => ({
    samples,
    isArticle: result.isArticle,
    textChars: result.isArticle ? result.text.length : 0,
    wordCount: result.isArticle ? result.wordCount : 0,
    readabilityChars: bare?.textContent?.length ?? 0,
    pageWords: (document.body.textContent ?? '').split(/\s+/).filter(Boolean).length,
    comparablePassMs: comparablePass(),
  });
  let sink: unknown;
  return compare(
    {
      ours: { run: () => (sink = cleanDocument(document, url)) },
      readability: { run: () => (sink = new Readability(document.cloneNode(true) as Document).parse()) },
      clone: { run: () => (sink = document.cloneNode(true)), repeat: 10 },
    },
    options,
  ).then((samples) => {
    void sink;
    return report(samples);
  });
}

export interface HighlightReport {
  samples: Record<string, number[]>;
  firstCallMs: number;
  loadMs: number;
  names: number;
  markCalls: number;
  regexChars: number;
  words: number;
  spans: Record<'ours' | 'oursAll' | 'markjs' | 'markRegExp', MarkSpan[]>;
}

/** Case 2 on `selector` (the article body). The first call is timed before anything else runs. */
async function highlight(
  selector: string,
  names: string[],
  options: SampleOptions,
  slowOptions: SampleOptions,
): Promise<HighlightReport> {
  const root = document.querySelector(selector);
  if (!root) throw new Error(`no ${selector} on ${location.href}`);
  const g = globalThis as { __vlT0?: number; __vlT1?: number };
  const t = performance.now();
  highlightEntities(root);
  const firstCallMs = performance.now() - t;

  const groups = chunks(names, CHUNK);
  const re = trieRegExp(names);
  const spansOf = (kind: 'ours' | 'markjs'): MarkSpan[] =>
    markSpans(root, kind === 'ours' ? 'mark.vl-entity' : 'mark[data-markjs]');
  const oursAll = spansOf('ours');
  const ours = oursAll.filter((s) => s.listed);
  removeHighlights(root);
  markjsMark(root, groups);
  const markjs = spansOf('markjs');
  unmarkAll(root);
  markjsRegExp(root, re);
  const markRegExp = spansOf('markjs');
  unmarkAll(root);

  // Every variant starts from the same DOM and heap: no marks of either kind (a variant's marks
  // stay until the next reset, and the next variant must not run over them: collect() skips <mark>
  // and the text nodes are split), garbage collected (see launchChromium: mark.js's leftovers slow
  // every later DOM removal until then), and an idle pause.
  const idle = (ms = 100): Promise<void> => new Promise((r) => setTimeout(r, ms));
  const pristine = async (ms = 30): Promise<void> => {
    removeHighlights(root);
    unmarkAll(root);
    collectGarbage();
    await idle(ms);
  };
  // Two side-by-side series: mark() is ~100× slower than the rest, so it gets its own, shorter
  // one (ours again in the same rounds) while the fast variants get many more runs.
  const fast = await compare(
    {
      ours: { reset: pristine, run: () => highlightEntities(root) },
      markRegExp: { reset: pristine, run: () => markjsRegExp(root, re) },
      bare: { reset: pristine, run: () => barePass(root), repeat: 10 },
      // the share of ours that is matching: the same text, no DOM written
      match: { reset: pristine, run: () => void findMentions(collect(root).text) },
    },
    options,
  );
  const slow = await compare(
    {
      oursVsMark: { reset: () => pristine(100), run: () => highlightEntities(root) },
      markjs: { reset: () => pristine(100), run: () => markjsMark(root, groups) },
    },
    slowOptions,
  );
  const samples = { ...fast, ...slow };
  removeHighlights(root);
  unmarkAll(root);
  return {
    samples,
    firstCallMs,
    loadMs: (g.__vlT1 ?? NaN) - (g.__vlT0 ?? NaN),
    names: names.length,
    markCalls: groups.length,
    regexChars: re.source.length,
    words: (root.textContent ?? '').split(/\s+/).filter(Boolean).length,
    spans: { ours, oursAll, markjs, markRegExp },
  };
}

/** Exposed for the runner's one-off checks (e.g. that one mark() call with every name throws). */
function markAllAtOnce(selector: string, names: string[]): string {
  const root = document.querySelector(selector)!;
  try {
    new Mark(root).mark(names, MARK_OPTIONS);
    unmarkAll(root);
    return 'ok';
  } catch (error) {
    unmarkAll(root);
    return String(error);
  }
}

/**
 * The views' bounded highlighting (lib/ui/highlights.ts without its panel): at most
 * MAX_MATCH_CHARS characters matched, at most MAX_VIEW_MARKS mentions marked. Returns the times
 * and how many mentions were found and marked.
 */
async function capped(
  selector: string,
  options: SampleOptions,
): Promise<{ samples: number[]; found: number; marked: number }> {
  const root = document.querySelector(selector)!;
  const text = collect(root).text;
  let found = 0;
  let marked = 0;
  const run = () => {
    const mentions = findMentions(text.slice(0, MAX_MATCH_CHARS));
    found = mentions.length;
    marked = markArticle(text, mentions, [root]).length;
  };
  const samples = await compare({ capped: { reset: () => removeHighlights(root), run } }, options);
  removeHighlights(root);
  return { samples: samples.capped!, found, marked };
}

export const api = { pipeline, highlight, markAllAtOnce, capped };
export type InpageApi = typeof api;

export default defineUnlistedScript(() => {
  (globalThis as { __vlBench?: InpageApi }).__vlBench = api;
});

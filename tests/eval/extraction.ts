/**
 * The extraction evaluation (`npm run eval:extraction`, and the floor in
 * tests/unit/clean/extraction.test.ts): the project's pipeline, through the same entry point as
 * `npm run clean` (lib/cli/clean-html.ts, on a jsdom window, as the extension runs it on a site
 * without a rule of its own: no entities), and bare @mozilla/readability, side by side in one run
 * on the same pages of the scrapinghub article-extraction benchmark (../shared/corpora/scrapinghub,
 * 181 real pages with a human-checked articleBody each; see its README).
 *
 * Figures, per extractor and per split:
 *  - the benchmark's own metric: per page, true/false positives and false negatives of 4-token
 *    shingles (tokens: runs of word characters, case kept), normalised to sum 1 so long pages
 *    weigh no more; P is the mean precision over pages that returned something, R the mean
 *    recall over all pages (nothing returned: recall 0), F1 = 2PR/(P+R) of those two means. This is evaluate.py of
 *    the benchmark, written again here (its code is not copied).
 *  - mean token F1: per page, F1 of the bags of tokens, averaged over all pages (empty: 0).
 *  - empties: pages where the extractor returned nothing, with its reason.
 *  - ms per page: parsing the HTML and extracting, mean over the pages (one pass, no warm-up).
 *
 * Bare Readability runs as the benchmark's own Readability.js runner does: the page parsed by jsdom,
 * `new Readability(document).parse()` with the defaults, its `textContent`.
 *
 * Splits: a page is "heldout" when the first byte of sha256(file name) mod 3 is 0 (≈ 1/3), "tune"
 * otherwise. Rules are tuned on `tune` only; `heldout` says whether the tuning generalises.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { Readability } from '@mozilla/readability';
import { JSDOM, VirtualConsole } from 'jsdom';
import { cleanHtml } from '@/lib/cli/clean-html';

/** Beside the repository, as /work/shared is beside every worktree (CI checks it out there too). */
export const CORPUS_DIR = join(import.meta.dirname, '../../../shared/corpora/scrapinghub');

export type Split = 'tune' | 'heldout';
export type ExtractorName = 'pipeline' | 'readability';
export const EXTRACTORS: readonly ExtractorName[] = ['pipeline', 'readability'];

export interface CorpusPage {
  id: string;
  file: string;
  url: string;
  split: Split;
  html: string;
  truth: string;
}

export interface Extraction {
  /** The extracted text; '' when the extractor returned nothing. */
  text: string;
  /** Why nothing was returned (the pipeline's "no article" reason). */
  reason: string | null;
  ms: number;
}

export interface PageScore {
  tp: number;
  fp: number;
  fn: number;
  tokenF1: number;
}

export interface PageResult extends Extraction, PageScore {
  id: string;
  url: string;
  split: Split;
  precision: number | null;
  recall: number | null;
}

export interface Figures {
  pages: number;
  f1: number;
  precision: number;
  recall: number;
  tokenF1: number;
  empties: { id: string; url: string; reason: string }[];
  msPerPage: number;
}

export interface Evaluation {
  corpus: string;
  splits: Record<Split | 'all', Record<ExtractorName, Figures>>;
  /** Pages where the pipeline returned nothing but bare Readability returned text. */
  emptyWhereReadabilityExtracts: { id: string; url: string; reason: string }[];
  pages: Record<ExtractorName, PageResult[]>;
}

export function splitOf(file: string): Split {
  return createHash('sha256').update(file).digest()[0]! % 3 === 0 ? 'heldout' : 'tune';
}

/** The corpus, or a clear error when it is not there. */
export function loadCorpus(dir: string = CORPUS_DIR): CorpusPage[] {
  const truthFile = join(dir, 'ground-truth.json');
  if (!existsSync(truthFile))
    throw new Error(
      `extraction corpus missing: no ${truthFile}. The scrapinghub pages live in ../shared/corpora/scrapinghub beside the repository (see its README).`,
    );
  const truth = JSON.parse(readFileSync(truthFile, 'utf8')) as Record<string, { url: string; articleBody: string }>;
  const files = readdirSync(join(dir, 'html'))
    .filter((f) => f.endsWith('.html.gz'))
    .sort();
  return files.map((file) => {
    const id = file.replace(/\.html\.gz$/, '');
    const entry = truth[id];
    if (!entry) throw new Error(`${file}: no ground truth for ${id}`);
    const html = gunzipSync(readFileSync(join(dir, 'html', file))).toString('utf8');
    return { id, file, url: entry.url, split: splitOf(file), html, truth: entry.articleBody };
  });
}

// The metric ------------------------------------------------------------------------------------

/** Python's `\w+` on str: letters, digits (every numeric category) and the underscore. */
const TOKEN = /[\p{L}\p{N}_]+/gu;

export const tokens = (text: string): string[] => text.match(TOKEN) ?? [];

function counts(items: readonly string[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const s of items) m.set(s, (m.get(s) ?? 0) + 1);
  return m;
}

/** 4-token shingles; a text of fewer tokens is one shingle of all of them (none when empty). */
function shingles(toks: readonly string[], n = 4): string[] {
  const out: string[] = [];
  for (let i = 0; i < Math.max(1, toks.length - n + 1); i++) {
    const s = toks.slice(i, i + n);
    if (s.length) out.push(s.join('\u0001'));
  }
  return out;
}

function matching(truth: Map<string, number>, pred: Map<string, number>): [number, number, number] {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const key of new Set([...truth.keys(), ...pred.keys()])) {
    const t = truth.get(key) ?? 0;
    const p = pred.get(key) ?? 0;
    tp += Math.min(t, p);
    fp += Math.max(0, p - t);
    fn += Math.max(0, t - p);
  }
  return [tp, fp, fn];
}

export function scorePage(truth: string, pred: string): PageScore {
  const tt = tokens(truth);
  const pt = tokens(pred);
  const [tp, fp, fn] = matching(counts(shingles(tt)), counts(shingles(pt)));
  const sum = tp + fp + fn;
  const [ttp, tfp, tfn] = matching(counts(tt), counts(pt));
  const tokenF1 = ttp === 0 ? 0 : (2 * ttp) / (2 * ttp + tfp + tfn);
  return sum > 0 ? { tp: tp / sum, fp: fp / sum, fn: fn / sum, tokenF1 } : { tp, fp, fn, tokenF1 };
}

/** Precision of a page; null when nothing was predicted (such a page is left out of the mean precision). */
export function precisionOf({ tp, fp, fn }: PageScore): number | null {
  if (tp + fp === 0) return null;
  return fn === 0 && fp === 0 ? 1 : tp / (tp + fp);
}

/** Recall of a page; null only when the truth is empty (left out of the mean recall). */
export function recallOf({ tp, fp, fn }: PageScore): number | null {
  if (tp + fn === 0) return null;
  return fn === 0 && fp === 0 ? 1 : tp / (tp + fn);
}

const mean = (xs: readonly number[]): number => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : 0);

export function figuresOf(results: readonly PageResult[]): Figures {
  const precision = mean(results.map((r) => r.precision).filter((p): p is number => p !== null));
  const recall = mean(results.map((r) => r.recall).filter((r): r is number => r !== null));
  return {
    pages: results.length,
    f1: precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall),
    precision,
    recall,
    tokenF1: mean(results.map((r) => r.tokenF1)),
    empties: results
      .filter((r) => r.text.trim() === '')
      .map((r) => ({ id: r.id, url: r.url, reason: r.reason ?? 'empty text' })),
    msPerPage: mean(results.map((r) => r.ms)),
  };
}

// The extractors --------------------------------------------------------------------------------

/** The pipeline as `npm run clean` runs it: a fresh jsdom window, cleanHtml, the article's text. */
export function runPipeline(page: CorpusPage): Extraction {
  const dom = new JSDOM('<!doctype html><html><body></body></html>', { url: 'https://vietlao-reader.invalid/' });
  try {
    const start = performance.now();
    const result = cleanHtml(page.html, page.url, dom.window as unknown as Window);
    const ms = performance.now() - start;
    return result.isArticle ? { text: result.text, reason: null, ms } : { text: '', reason: result.reason, ms };
  } finally {
    dom.window.close();
  }
}

/** Bare Readability as the benchmark runs it (extractors/readability_js): jsdom, defaults, textContent. */
export function runReadability(page: CorpusPage): Extraction {
  const start = performance.now();
  const dom = new JSDOM(page.html, { url: page.url, virtualConsole: new VirtualConsole() }); // no "Could not parse CSS" noise
  try {
    const parsed = new Readability(dom.window.document).parse();
    const ms = performance.now() - start;
    const text = parsed?.textContent ?? '';
    return { text, reason: text.trim() ? null : 'Readability found no article', ms };
  } finally {
    dom.window.close();
  }
}

const RUNNERS: Record<ExtractorName, (page: CorpusPage) => Extraction> = {
  pipeline: runPipeline,
  readability: runReadability,
};

export function evaluate(pages: readonly CorpusPage[], dir: string = CORPUS_DIR): Evaluation {
  const results: Record<ExtractorName, PageResult[]> = { pipeline: [], readability: [] };
  for (const page of pages) {
    for (const name of EXTRACTORS) {
      const x = RUNNERS[name](page);
      const score = scorePage(page.truth, x.text);
      results[name].push({
        id: page.id,
        url: page.url,
        split: page.split,
        ...x,
        ...score,
        precision: precisionOf(score),
        recall: recallOf(score),
      });
    }
  }
  const figures = (split: Split | 'all') =>
    Object.fromEntries(
      EXTRACTORS.map((name) => [name, figuresOf(results[name].filter((r) => split === 'all' || r.split === split))]),
    ) as Record<ExtractorName, Figures>;
  const readabilityText = new Map(results.readability.map((r) => [r.id, r.text.trim() !== '']));
  return {
    corpus: dir,
    splits: { tune: figures('tune'), heldout: figures('heldout'), all: figures('all') },
    emptyWhereReadabilityExtracts: results.pipeline
      .filter((r) => r.text.trim() === '' && readabilityText.get(r.id))
      .map((r) => ({ id: r.id, url: r.url, reason: r.reason ?? 'empty text' })),
    pages: results,
  };
}

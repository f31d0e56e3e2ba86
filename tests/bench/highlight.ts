/**
 * Case 2, entity highlighting with the full gazetteer on a 1,000- and a 5,000-word article:
 * ours (highlightEntities: match + wrap) vs mark.js 8.11 mark() with every gazetteer name (in
 * chunks of 200), vs the best hand-tuned mark.js (markRegExp with one trie-shaped RegExp), vs a
 * bare TreeWalker pass that reads and folds the same text nodes. Also: which marks each makes.
 */
import type { BrowserContext } from 'playwright-core';
import { call, openWithBench } from './inject';
import { figure, ratioRow, single, type Row } from './report';
import type { MarkSpan } from './spans';
import type { SampleOptions } from './stats';

export interface SpanDiff {
  ours: number;
  theirs: number;
  same: number;
  /** Same start, different end (one name inside a longer one, a title kept out…). */
  differentExtent: number;
  onlyOurs: string[];
  onlyTheirs: string[];
}

const key = (s: MarkSpan): string => `${s.start}:${s.end}`;

export function diffSpans(ours: readonly MarkSpan[], theirs: readonly MarkSpan[]): SpanDiff {
  const a = new Map(ours.map((s) => [key(s), s]));
  const b = new Map(theirs.map((s) => [key(s), s]));
  const starts = new Set(theirs.map((s) => s.start));
  const same = [...a.keys()].filter((k) => b.has(k)).length;
  const onlyA = ours.filter((s) => !b.has(key(s)));
  const onlyB = theirs.filter((s) => !a.has(key(s)));
  const count = (list: readonly string[]): string[] => {
    const m = new Map<string, number>();
    for (const t of list) m.set(t, (m.get(t) ?? 0) + 1);
    return [...m]
      .sort((x, y) => y[1] - x[1])
      .slice(0, 12)
      .map(([t, n]) => `${t} ×${n}`);
  };
  return {
    ours: ours.length,
    theirs: theirs.length,
    same,
    differentExtent: onlyA.filter((s) => starts.has(s.start)).length,
    onlyOurs: count(onlyA.map((s) => s.text)),
    onlyTheirs: count(onlyB.map((s) => s.text)),
  };
}

export async function benchHighlight(
  context: BrowserContext,
  extensionDir: string,
  pages: readonly { words: number; url: string }[],
  names: string[],
  options: SampleOptions,
  slowOptions: SampleOptions,
): Promise<{ rows: Row[]; raw: unknown[] }> {
  const rows: Row[] = [];
  const raw: unknown[] = [];
  for (const p of pages) {
    const page = await openWithBench(context, extensionDir, p.url);
    const r = await call(page, 'highlight', '#bench-article', names, options, slowOptions);
    let allAtOnce = '';
    if (p === pages[0]) {
      await page.reload({ waitUntil: 'load' });
      await page.addScriptTag({ path: `${extensionDir}/bench-inpage.js` });
      allAtOnce = await call(page, 'markAllAtOnce', '#bench-article', names);
    }
    await page.close();
    const label = `${r.words} words`;
    const ours = figure('highlightEntities', r.samples.ours!);
    rows.push(
      ratioRow(
        '2 highlight',
        `${label}: ours vs mark.js mark() (${r.names} names, ${r.markCalls} calls; own series)`,
        figure('highlightEntities', r.samples.oursVsMark!),
        figure('mark()', r.samples.markjs!),
        { max: 0.01, goal: '≥ 100× faster (≤ 0.01×)' },
      ),
    );
    rows.push(
      ratioRow(
        '2 highlight',
        `${label}: ours vs tuned markRegExp (one ${Math.round(r.regexChars / 1000)}k-char trie RegExp)`,
        ours,
        figure('markRegExp', r.samples.markRegExp!),
        { max: 1, goal: 'faster (< 1×)' },
      ),
    );
    rows.push(
      ratioRow('2 highlight', `${label}: ours vs bare TreeWalker read + fold`, ours, figure('bare', r.samples.bare!), {
        max: 5,
        goal: '≤ 5×',
      }),
    );
    rows.push(
      ratioRow(
        '2 highlight',
        `${label}: of which matching (read + findMentions, no DOM written) vs markRegExp`,
        figure('match', r.samples.match!),
        figure('markRegExp', r.samples.markRegExp!),
      ),
    );
    const first: Row = {
      case: '2 highlight',
      what: `${label}: first call in a fresh page (+ ${r.loadMs.toFixed(2)} ms once at load: gazetteer JSON.parse + matcher decode)`,
      ours: single('first call', r.firstCallMs),
    };
    rows.push(first);
    const vsMark = diffSpans(r.spans.ours, r.spans.markjs);
    const vsRegExp = diffSpans(r.spans.ours, r.spans.markRegExp);
    raw.push({
      words: r.words,
      url: p.url,
      names: r.names,
      markCalls: r.markCalls,
      regexChars: r.regexChars,
      loadMs: r.loadMs,
      firstCallMs: r.firstCallMs,
      summaries: Object.fromEntries(Object.entries(r.samples).map(([k, v]) => [k, figure(k, v).summary])),
      samples: r.samples,
      marks: {
        oursListed: r.spans.ours.length,
        oursAll: r.spans.oursAll.length,
        markjs: r.spans.markjs.length,
        markRegExp: r.spans.markRegExp.length,
      },
      vsMark,
      vsRegExp,
      ...(allAtOnce ? { markAllNamesInOneCall: allAtOnce } : {}),
    });
  }
  return { rows, raw };
}

/**
 * The highlighting caps (MAX_VIEW_MARKS marks, MAX_MATCH_CHARS characters): a page with 10× the
 * marks cap costs about what a page at the cap costs, because only the cap is placed and marked.
 */
export async function benchCaps(
  context: BrowserContext,
  extensionDir: string,
  atCap: string,
  pastCap: string,
  options: SampleOptions,
): Promise<{ rows: Row[]; raw: unknown[] }> {
  const run = async (url: string) => {
    const page = await openWithBench(context, extensionDir, url);
    const r = await call(page, 'capped', '#bench-article', options);
    await page.close();
    return r;
  };
  const at = await run(atCap);
  const past = await run(pastCap);
  const row = ratioRow(
    '2 highlight',
    `caps: ${past.found} mentions found, ${past.marked} marked vs ${at.found} found, ${at.marked} marked (match + place + mark)`,
    figure('past the cap', past.samples),
    figure('at the cap', at.samples),
    { max: 3, goal: '≤ 3× for 10× the mentions (the marks capped)' },
  );
  return { rows: [row], raw: [{ at, past }] };
}

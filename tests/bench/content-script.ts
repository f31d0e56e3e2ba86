/**
 * Case 4, what the content script costs:
 *  - gzip size (zlib level 6, the HTTP default) of every file of the production build;
 *  - the main-thread time it adds to a page load. Browsers load the same page in turns: one with
 *    the production extension, one with the bench build (same background, NO content script)
 *    and, as the floor, the production build whose detector is an empty script (what any content
 *    script costs: the isolated world Chromium creates for it). For each load, CDP
 *    Performance.getMetrics is read before navigating and once the page has settled (load +
 *    `settleMs`, well past document_idle); the added time is median(with) − median(without) of
 *    TaskDuration (all main-thread work of the page's renderer, the content script's isolated
 *    world included), of ScriptDuration (parse, compile and run of every script) and of
 *    RecalcStyleDuration + LayoutDuration (style and layout, e.g. forced by a script's reads).
 *    Medians of `loads` loads each (the page that is not an article, the goal's row, twice as
 *    many), alternating the order. Three agents share the machine: read the columns side by side.
 */
import { cpSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { BrowserContext } from 'playwright-core';
import { figure, single, type Row } from './report';
import { summarize } from './stats';

export const CONTENT_SCRIPT_GZIP_LIMIT = 60 * 1024;
/** "Near zero" on a page that is not an article, made concrete. */
export const NON_ARTICLE_LIMIT_MS = 2;

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? files(p) : [p];
  });
}

export function bundleSizes(dir: string): { rows: Row[]; raw: Record<string, { bytes: number; gzip: number }> } {
  const raw: Record<string, { bytes: number; gzip: number }> = {};
  const rows: Row[] = [];
  for (const f of files(dir)
    .filter((p) => /\.(js|css|html)$/.test(p))
    .sort()) {
    const buf = readFileSync(f);
    const name = relative(dir, f);
    raw[name] = { bytes: buf.length, gzip: gzipSync(buf, { level: 6 }).length };
    if (!name.endsWith('.js')) continue;
    const content = name.startsWith('content-scripts/');
    const row: Row = {
      case: '4 content script',
      what: `gzip size of ${name}${content ? '' : ' (not injected into pages)'}`,
      ours: single('gzip', raw[name].gzip),
      base: single('raw', raw[name].bytes),
    };
    if (content) {
      row.goal = '≤ 60 KB gzip';
      row.met = raw[name].gzip <= CONTENT_SCRIPT_GZIP_LIMIT;
    }
    (row as Row & { unit: string }).unit = 'B';
    rows.push(row);
  }
  return { rows, raw };
}

interface Metrics {
  task: number;
  script: number;
  /** RecalcStyleDuration + LayoutDuration. */
  layout: number;
}

export async function loadOnce(context: BrowserContext, url: string, settleMs: number): Promise<Metrics> {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
  const read = async (): Promise<Metrics> => {
    const { metrics } = (await cdp.send('Performance.getMetrics')) as { metrics: { name: string; value: number }[] };
    const get = (n: string): number => metrics.find((m) => m.name === n)?.value ?? 0;
    return {
      task: get('TaskDuration') * 1000,
      script: get('ScriptDuration') * 1000,
      layout: (get('RecalcStyleDuration') + get('LayoutDuration')) * 1000,
    };
  };
  const before = await read();
  await page.goto(url, { waitUntil: 'load' });
  await page.waitForTimeout(settleMs);
  const after = await read();
  await cdp.detach();
  await page.close();
  return { task: after.task - before.task, script: after.script - before.script, layout: after.layout - before.layout };
}

const median = (values: readonly number[]): number => summarize(values).median;

/** What `ms` adds over `base`: main thread, of it script, and style + layout. */
const added = (ms: readonly Metrics[], base: readonly Metrics[]) => ({
  task: median(ms.map((m) => m.task)) - median(base.map((m) => m.task)),
  script: median(ms.map((m) => m.script)) - median(base.map((m) => m.script)),
  layout: median(ms.map((m) => m.layout)) - median(base.map((m) => m.layout)),
});

export async function benchLoadCost(
  withExt: BrowserContext,
  without: BrowserContext,
  /** The production build with an empty declared content script: the floor of any content script. */
  floor: BrowserContext,
  pages: readonly { name: string; url: string; isArticle: boolean }[],
  loads: number,
  settleMs: number,
): Promise<{ rows: Row[]; raw: unknown[] }> {
  const rows: Row[] = [];
  const raw: unknown[] = [];
  const browsers = [withExt, without, floor];
  for (const p of pages) {
    const runs: Metrics[][] = browsers.map(() => []);
    for (const b of browsers) await loadOnce(b, p.url, settleMs); // warm-up: HTTP, compile caches
    const n = p.isArticle ? loads : 2 * loads;
    for (let i = 0; i < n; i++) {
      const order = i % 2 === 0 ? [0, 1, 2] : [2, 1, 0];
      for (const k of order) runs[k]!.push(await loadOnce(browsers[k]!, p.url, settleMs));
    }
    const [w, wo, empty] = runs as [Metrics[], Metrics[], Metrics[]];
    const tw = figure(
      'with',
      w.map((m) => m.task),
    );
    const two = figure(
      'without',
      wo.map((m) => m.task),
    );
    const ours = added(w, wo);
    const least = added(empty, wo);
    const f = (v: number): string => v.toFixed(1);
    const row: Row = {
      case: '4 content script',
      what: `${p.name}: main-thread time per load with vs without the content script; added ${f(ours.task)} ms (script ${f(ours.script)}, style+layout ${f(ours.layout)}); an empty content script adds ${f(least.task)} (script ${f(least.script)})`,
      ours: tw,
      base: two,
      ratio: tw.summary.median / two.summary.median,
    };
    if (!p.isArticle) {
      row.goal = `added ≤ ${NON_ARTICLE_LIMIT_MS} ms`;
      row.met = ours.task <= NON_ARTICLE_LIMIT_MS;
      if (!row.met && least.task > NON_ARTICLE_LIMIT_MS)
        row.note = 'an empty content script alone adds more than the goal (its isolated world)';
    }
    rows.push(row);
    raw.push({
      page: p.name,
      url: p.url,
      isArticle: p.isArticle,
      addedTaskMs: ours.task,
      addedScriptMs: ours.script,
      addedLayoutMs: ours.layout,
      emptyContentScriptAddedTaskMs: least.task,
      emptyContentScriptAddedScriptMs: least.script,
      with: w,
      without: wo,
      emptyContentScript: empty,
    });
  }
  return { rows, raw };
}

/**
 * A copy of the production build in `out` that also declares an empty content script on the news
 * sites: loaded as the floor of benchLoadCost, what any declared content script costs (Chromium
 * creates its isolated world) — the design before 2026-12-04, when a small detector was declared.
 */
export function emptyContentScriptBuild(productionDir: string, out: string, matches: readonly string[]): string {
  rmSync(out, { recursive: true, force: true });
  cpSync(productionDir, out, { recursive: true });
  writeFileSync(join(out, 'content-scripts/empty.js'), '(() => {})();\n');
  const manifestPath = join(out, 'manifest.json');
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as Record<string, unknown>;
  manifest.content_scripts = [{ matches, js: ['content-scripts/empty.js'], run_at: 'document_idle' }];
  writeFileSync(manifestPath, JSON.stringify(manifest));
  return out;
}

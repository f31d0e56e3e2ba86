/**
 * Case 4, what the content script costs:
 *  - gzip size (zlib level 6, the HTTP default) of every file of the production build;
 *  - the main-thread time it adds to a page load. Two browsers load the same page in turns:
 *    one with the production extension, one with the bench build (same background, NO content
 *    script). For each load, CDP Performance.getMetrics is read before navigating and once the
 *    page has settled (load + `settleMs`, well past document_idle); the added time is
 *    median(with) − median(without) of TaskDuration (all main-thread work of the page's renderer,
 *    the content script's isolated world included) and of ScriptDuration.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
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
}

async function loadOnce(context: BrowserContext, url: string, settleMs: number): Promise<Metrics> {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
  const read = async (): Promise<Metrics> => {
    const { metrics } = (await cdp.send('Performance.getMetrics')) as { metrics: { name: string; value: number }[] };
    const get = (n: string): number => metrics.find((m) => m.name === n)?.value ?? 0;
    return { task: get('TaskDuration') * 1000, script: get('ScriptDuration') * 1000 };
  };
  const before = await read();
  await page.goto(url, { waitUntil: 'load' });
  await page.waitForTimeout(settleMs);
  const after = await read();
  await cdp.detach();
  await page.close();
  return { task: after.task - before.task, script: after.script - before.script };
}

export async function benchLoadCost(
  withExt: BrowserContext,
  without: BrowserContext,
  pages: readonly { name: string; url: string; isArticle: boolean }[],
  loads: number,
  settleMs: number,
): Promise<{ rows: Row[]; raw: unknown[] }> {
  const rows: Row[] = [];
  const raw: unknown[] = [];
  for (const p of pages) {
    const w: Metrics[] = [];
    const wo: Metrics[] = [];
    await loadOnce(withExt, p.url, settleMs); // warm-up: HTTP, compile caches
    await loadOnce(without, p.url, settleMs);
    for (let i = 0; i < loads; i++) {
      if (i % 2 === 0) {
        w.push(await loadOnce(withExt, p.url, settleMs));
        wo.push(await loadOnce(without, p.url, settleMs));
      } else {
        wo.push(await loadOnce(without, p.url, settleMs));
        w.push(await loadOnce(withExt, p.url, settleMs));
      }
    }
    const tw = figure(
      'with',
      w.map((m) => m.task),
    );
    const two = figure(
      'without',
      wo.map((m) => m.task),
    );
    const added = tw.summary.median - two.summary.median;
    const addedScript = summarize(w.map((m) => m.script)).median - summarize(wo.map((m) => m.script)).median;
    const row: Row = {
      case: '4 content script',
      what: `${p.name}: main-thread time per load with vs without the content script; added ${added.toFixed(1)} ms (script ${addedScript.toFixed(1)} ms)`,
      ours: tw,
      base: two,
      ratio: tw.summary.median / two.summary.median,
    };
    if (!p.isArticle) {
      row.goal = `added ≤ ${NON_ARTICLE_LIMIT_MS} ms`;
      row.met = added <= NON_ARTICLE_LIMIT_MS;
    }
    rows.push(row);
    raw.push({
      page: p.name,
      url: p.url,
      isArticle: p.isArticle,
      addedTaskMs: added,
      addedScriptMs: addedScript,
      with: w,
      without: wo,
    });
  }
  return { rows, raw };
}

/**
 * Case 4 across builds, side by side in one run: `npx tsx tests/bench/compare-builds.ts DIR…`
 * loads the page that is not an article (or PAGE=<fixture folder>) N times (default 10) in one
 * Chromium per unpacked extension directory, alternating the order, and prints the medians of
 * TaskDuration, ScriptDuration, RecalcStyleDuration and LayoutDuration per load (as
 * tests/bench/content-script.ts reads them). For before/after figures of the detector, e.g. a copy
 * of main's .output/chrome-mv3, this branch's, one with an empty news.js, and the bench build (none).
 */
import type { BrowserContext } from 'playwright-core';
import { loadFixtures, startFixtureServer } from '../support/fixture-server';
import { launchChromium } from './browser';

async function loadOnce(context: BrowserContext, url: string, settleMs: number) {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
  const read = async () => {
    const { metrics } = (await cdp.send('Performance.getMetrics')) as { metrics: { name: string; value: number }[] };
    const get = (n: string): number => metrics.find((m) => m.name === n)?.value ?? 0;
    return {
      task: get('TaskDuration') * 1000,
      script: get('ScriptDuration') * 1000,
      style: get('RecalcStyleDuration') * 1000,
      layout: get('LayoutDuration') * 1000,
    };
  };
  const before = await read();
  await page.goto(url, { waitUntil: 'load' });
  await page.waitForTimeout(settleMs);
  const after = await read();
  await cdp.detach();
  await page.close();
  return {
    task: after.task - before.task,
    script: after.script - before.script,
    style: after.style - before.style,
    layout: after.layout - before.layout,
  };
}
const dirs = process.argv.slice(2);
const fixtures = loadFixtures();
const page = process.env.PAGE
  ? fixtures.find((f) => f.folder === process.env.PAGE)!
  : fixtures.find((f) => !f.expected.isArticle)!;
const server = await startFixtureServer();
const opts = { port: server.port, tlsPort: server.tlsPort, hosts: server.hosts };
const ctxs = [] as BrowserContext[];
for (const d of dirs) ctxs.push((await launchChromium({ ...opts, extensionDir: d })).context);
const N = Number(process.env.N ?? 10);
const res = dirs.map(() => ({
  task: [] as number[],
  script: [] as number[],
  style: [] as number[],
  layout: [] as number[],
}));
for (const c of ctxs) await loadOnce(c, page.url, 600);
for (let i = 0; i < N; i++) {
  const order = ctxs.map((_, k) => k);
  if (i % 2) order.reverse();
  for (const k of order) {
    const m = await loadOnce(ctxs[k]!, page.url, 600);
    for (const key of ['task', 'script', 'style', 'layout'] as const) res[k]![key].push(m[key]);
  }
}
const med = (a: number[]) => {
  const s = [...a].sort((x, y) => x - y);
  return (s[(s.length - 1) >> 1]! + s[s.length >> 1]!) / 2;
};
console.log(page.folder);
dirs.forEach((d, k) =>
  console.log(
    d.padEnd(40),
    ['task', 'script', 'style', 'layout'].map((key) => `${key} ${med(res[k]![key as 'task']).toFixed(1)}`).join('  '),
  ),
);
for (const c of ctxs) await c.close();
await server.close();

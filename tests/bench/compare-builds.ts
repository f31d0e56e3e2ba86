/**
 * Case 4 across builds, side by side in one run: `npx tsx tests/bench/compare-builds.ts DIR…`
 * loads the page that is not an article (or PAGE=<fixture folder>) N times (default 10) in one
 * Chromium per unpacked extension directory, alternating the order, and prints the medians of
 * TaskDuration, ScriptDuration and RecalcStyleDuration + LayoutDuration per load (read by
 * tests/bench/content-script.ts loadOnce). For before/after figures of the detector, e.g. a copy
 * of main's .output/chrome-mv3, this branch's, one with an empty declared content script
 * (content-script.ts emptyContentScriptBuild), and the bench build (none).
 */
import type { BrowserContext } from 'playwright-core';
import { loadFixtures, startFixtureServer } from '../support/fixture-server';
import { launchChromium } from './browser';
import { loadOnce } from './content-script';
import { summarize } from './stats';

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
const KEYS = ['task', 'script', 'layout'] as const;
const res = dirs.map(() => ({ task: [] as number[], script: [] as number[], layout: [] as number[] }));
for (const c of ctxs) await loadOnce(c, page.url, 600);
for (let i = 0; i < N; i++) {
  const order = ctxs.map((_, k) => k);
  if (i % 2) order.reverse();
  for (const k of order) {
    const m = await loadOnce(ctxs[k]!, page.url, 600);
    for (const key of KEYS) res[k]![key].push(m[key]);
  }
}
console.log(page.folder);
dirs.forEach((d, k) =>
  console.log(d.padEnd(40), KEYS.map((key) => `${key} ${summarize(res[k]![key]).median.toFixed(1)}`).join('  ')),
);
for (const c of ctxs) await c.close();
await server.close();

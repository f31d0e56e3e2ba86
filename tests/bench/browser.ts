/**
 * The benchmarks' Chromium launches, on playwright-core (the measurements use its CDP sessions and
 * contexts; the e2e suite drives both browsers with puppeteer-core instead). Offline with the same
 * switches as the e2e suite (tests/support/chromium.ts): fixture hosts → the fixture server, every
 * other host fails to resolve.
 *
 * `launchPersistent` is for the archive case: a PERSISTENT profile (.output/bench/profile), since
 * seeding 10,000 realistic articles (≈ 11 million multiEntry index entries) takes minutes, so the
 * databases are seeded once and reused by later runs (BENCH_RESEED=1 rebuilds them). The extension
 * is loaded unpacked from a fixed path, so its id — and its IndexedDB origin — stay the same.
 */
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';
import { CHROME_EXTENSION_DIR, extensionArgs, findChromium, offlineArgs } from '../support/chromium';

export interface ExtensionBrowser {
  context: BrowserContext;
  extensionId: string;
}

async function launch(
  userDataDir: string,
  extensionDir: string,
  args: string[],
  options: Parameters<typeof chromium.launchPersistentContext>[1] = {},
): Promise<ExtensionBrowser> {
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: findChromium(),
    headless: true,
    ...options,
    args: [...extensionArgs(extensionDir), ...args],
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 15_000 }));
  return { context, extensionId: new URL(worker.url()).host };
}

/**
 * A fresh profile with the extension in `extensionDir` (default: the production build), Vietnamese UI.
 * Pages get `gc()` (V8's --expose-gc): the in-page cases collect garbage before each run, so no
 * variant is billed for what the previous one left — mark.js leaves a live NodeIterator per keyword,
 * and until they are collected the document updates every one of them on each node it removes,
 * which made ours and markRegExp 4× slower after a mark() run.
 */
export const launchChromium = (opts: {
  port: number;
  tlsPort: number;
  hosts: string[];
  extensionDir?: string;
}): Promise<ExtensionBrowser> =>
  launch(
    mkdtempSync(join(tmpdir(), 'vietlao-chromium-')),
    opts.extensionDir ?? CHROME_EXTENSION_DIR,
    ['--lang=vi', '--js-flags=--expose-gc', ...offlineArgs(opts)],
    {
      ignoreHTTPSErrors: true, // the fixture server's self-signed certificate
      viewport: { width: 1280, height: 900 },
      locale: 'vi-VN',
      env: { ...process.env, LANGUAGE: 'vi', LANG: 'vi_VN.UTF-8' },
    },
  );

export function launchPersistent(userDataDir: string, extensionDir: string): Promise<ExtensionBrowser> {
  mkdirSync(userDataDir, { recursive: true });
  return launch(userDataDir, extensionDir, offlineArgs());
}

/**
 * Launch Debian's Chromium with the built extension (playwright-core, no browser download).
 * Fixture hosts resolve to the local fixture server; every other host fails to resolve, so
 * nothing leaves the machine. Used by the e2e suite, the demo (`npm start`) and the benchmarks.
 */
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Worker } from 'playwright-core';

export const CHROME_EXTENSION_DIR = resolve(import.meta.dirname, '../../.output/chrome-mv3');

/** The parts of the extension API the helpers below call inside the service worker. */
declare const chrome: { tabs: { query(q: object): Promise<{ id?: number; url?: string }[]> } };

/** The switches that load the built extension and keep Chromium off the network. */
export function extensionArgs(extensionDir: string): string[] {
  return [
    `--disable-extensions-except=${extensionDir}`,
    `--load-extension=${extensionDir}`,
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ];
}

export function findChromium(): string {
  const candidates = [
    process.env.CHROMIUM_PATH,
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/usr/bin/google-chrome',
    '/usr/bin/google-chrome-stable',
  ];
  const found = candidates.find((p): p is string => !!p && existsSync(p));
  if (!found) throw new Error('No Chromium found: install it (Debian: apt-get install chromium) or set CHROMIUM_PATH.');
  return found;
}

export interface ExtensionBrowser {
  context: BrowserContext;
  worker: Worker;
  extensionId: string;
  userDataDir: string;
  downloadsDir: string;
}

export async function launchChromium(opts: {
  port: number;
  tlsPort: number;
  hosts: string[];
  headless?: boolean;
  extensionDir?: string;
}): Promise<ExtensionBrowser> {
  const extensionDir = opts.extensionDir ?? CHROME_EXTENSION_DIR;
  if (!existsSync(join(extensionDir, 'manifest.json')))
    throw new Error(`No built extension in ${extensionDir}: run npm run build first.`);
  const userDataDir = mkdtempSync(join(tmpdir(), 'vietlao-chromium-'));
  const downloadsDir = mkdtempSync(join(tmpdir(), 'vietlao-downloads-'));
  const rules = [
    ...opts.hosts.flatMap((h) =>
      [h, `*.${h}`].flatMap((name) => [
        `MAP ${name}:443 127.0.0.1:${opts.tlsPort}`,
        `MAP ${name} 127.0.0.1:${opts.port}`,
      ]),
    ),
    'MAP * ~NOTFOUND',
    'EXCLUDE localhost',
  ];
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: findChromium(),
    headless: opts.headless ?? true,
    acceptDownloads: true,
    ignoreHTTPSErrors: true, // the fixture server's self-signed certificate
    downloadsPath: downloadsDir,
    viewport: { width: 1280, height: 900 },
    locale: 'vi-VN',
    env: { ...process.env, LANGUAGE: 'vi', LANG: 'vi_VN.UTF-8' }, // Vietnamese UI, so the extension speaks Vietnamese
    args: [...extensionArgs(extensionDir), '--lang=vi', `--host-resolver-rules=${rules.join(', ')}`],
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 15_000 }));
  const extensionId = new URL(worker.url()).host;
  return { context, worker, extensionId, userDataDir, downloadsDir };
}

/**
 * The id of the tab showing `url` (asked of the service worker) — or, where the extension may not
 * read a tab's URL (unlisted sites), the newest tab. Call it before opening a popup tab.
 */
export async function tabIdOf(b: ExtensionBrowser, url: string): Promise<number> {
  return b.worker.evaluate(async (u) => {
    const tabs = await chrome.tabs.query({});
    return (tabs.find((t) => t.url === u) ?? tabs.reduce((a, c) => ((a.id ?? 0) > (c.id ?? 0) ? a : c))).id!;
  }, url);
}

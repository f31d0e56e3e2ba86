/**
 * The one e2e harness: every journey in tests/e2e/ is written once against it and runs in the
 * browser named by E2E_BROWSER (chromium — the default — or firefox). Both are driven by
 * puppeteer-core (CDP for Chromium, WebDriver BiDi for Firefox); what differs between them lives in
 * one adapter each (tests/support/chromium.ts, tests/support/firefox.ts): launching, opening an
 * extension page, reaching the background, and seeing the background's requests.
 *
 * Functions handed to `ext` and `background` run in the browser from their source text, so they
 * must not use imports or outer variables (tsx's `__name` helper is provided). In `background`,
 * reach the background's globals through `scope` (Firefox runs the function in an extension page
 * and hands it the background page's window).
 */
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, HTTPRequest, Page } from 'puppeteer-core';
import type { InPageDescription, InPageQuery } from '@/lib/messaging';
import type { FixtureServer } from './fixture-server';
import { waitFor } from './wait';

export type BrowserName = 'chromium' | 'firefox';
export const BROWSER: BrowserName = (process.env.E2E_BROWSER ?? 'chromium') as BrowserName;
if (BROWSER !== 'chromium' && BROWSER !== 'firefox')
  throw new Error(`E2E_BROWSER must be chromium or firefox, not ${String(BROWSER)}`);

export const SCREENSHOTS = join(import.meta.dirname, '../e2e/artifacts/screenshots');

/** node:test options that run a test only in `browser`, and say why the other cannot (never a silent skip). */
export const onlyIn = (browser: BrowserName, whyNotElsewhere: string): { skip?: string } =>
  BROWSER === browser ? {} : { skip: whyNotElsewhere };

export interface RecordedRequest {
  url: string;
  type: string;
  /** 'background', or the extension page's path, or 'web' for a web page. */
  from: string;
}

export interface LaunchOptions {
  server: FixtureServer;
  headless?: boolean;
  extensionDir?: string;
  /** The `prefers-color-scheme` every page sees (default: the browser's, light here). */
  colorScheme?: 'light' | 'dark';
  onConsole?: (from: string, type: string, text: string) => void;
  /**
   * Hosts the browser reaches directly instead of through the fixture server (a real server the
   * test started on 127.0.0.1, e.g. WebDAV).
   */
  directHosts?: string[];
  /**
   * Check certificates as a user's browser does (default: accept the fixture server's
   * self-signed one). Such a browser cannot open the fixture pages over https.
   */
  strictCertificates?: boolean;
}

/** What differs between the browsers. */
export interface Adapter {
  name: BrowserName;
  browser: Browser;
  /** Chromium's extension id; Firefox's add-on id (gecko id). */
  extensionId: string;
  /** chrome-extension://<id> or moz-extension://<uuid>, no trailing slash. */
  origin: string;
  downloadsDir: string;
  newPage(): Promise<Page>;
  gotoExtension(page: Page, path: string): Promise<void>;
  /** Evaluate `source`, a function of the background's global scope (Firefox reaches it from `helper`). */
  inBackground(source: string, helper: Page): Promise<unknown>;
  /** Requests made by the background; Firefox works them out from every URL the pages reported. */
  backgroundRequests(pageUrls: string[]): RecordedRequest[];
  requestType(request: HTTPRequest): string;
  /**
   * For the accessibility audit only: give each closed shadow root in `page` to page scripts as
   * its host's `shadowRoot` (axe-core enters shadow trees that way). Page scripts cannot reach a
   * closed root; the browser's own protocol can (CDP DOM.getDocument with pierce; BiDi's
   * includeShadowTree 'all'). Returns how many roots it revealed.
   */
  revealClosedRoots(page: Page): Promise<number>;
  close(): Promise<void>;
}

/** Run in the page's main world with `this` = a host, `root` = its closed shadow root. */
export const REVEAL_ROOT = `function (root) { Object.defineProperty(this, 'shadowRoot', { configurable: true, get: () => root }); }`;

/** The WebExtension API as the tests call it (`browser` where it exists, else `chrome`: both promise-based). */
export interface ExtApi {
  tabs: {
    query(q: object): Promise<{ id?: number; url?: string }[]>;
    getCurrent(): Promise<{ id?: number } | undefined>;
    sendMessage(tabId: number, message: object): Promise<unknown>;
  };
  action?: { getBadgeText(d: { tabId: number }): Promise<string> };
  browserAction?: { getBadgeText(d: { tabId: number }): Promise<string> };
  storage: { local: { set(v: object): Promise<void>; get(key: string): Promise<Record<string, unknown>> } };
  runtime: { sendMessage(m: object): Promise<unknown> };
  permissions: { getAll(): Promise<{ origins?: string[] }> };
}

/** Close the browser; if that stalls (BiDi can, when Firefox exits first), end its process after 10 s. */
export async function closeOrKill(browser: Browser): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<'timeout'>((done) => (timer = setTimeout(() => done('timeout'), 10_000)));
  const closed = browser.close().then(
    () => 'closed' as const,
    () => 'failed' as const,
  );
  const outcome = await Promise.race([closed, timeout]);
  clearTimeout(timer);
  if (outcome !== 'closed') browser.process()?.kill('SIGKILL');
}

let current: Harness | undefined;

/** The harness this test file launched (tests/support/dom.ts reads the in-page view through it). */
export function currentHarness(): Harness {
  if (!current) throw new Error('No harness launched in this test file (Harness.launch).');
  return current;
}

/** A typed message as @webext-core/messaging sends it, and its answer ({ res } or { err }). */
interface Wire {
  res?: InPageDescription;
  err?: unknown;
}

const notOwn = (url: string) => !/^(chrome-extension|moz-extension|data|blob|about):/.test(url);

export class Harness {
  readonly name: BrowserName;
  readonly browser: Browser;
  readonly extensionId: string;
  /** Dialogs any page opened (dismissed), as "where: message". */
  readonly dialogs: string[] = [];
  private readonly pageRequests: RecordedRequest[] = [];
  private readonly kind = new WeakMap<Page, string>();
  private readonly downloaded = new Set<string>();
  /** The tab each page is (found by asking the content scripts for their address). */
  private readonly tabIds = new WeakMap<Page, number>();
  /** An extension page kept open for `ext` and `background` (opened on first use). */
  private helperPage?: Promise<Page>;

  private constructor(
    private readonly adapter: Adapter,
    readonly server: FixtureServer,
    /** Console messages of the pages and (Chromium) the service worker. */
    readonly logs: { from: string; type: string; text: string }[],
  ) {
    this.name = adapter.name;
    this.browser = adapter.browser;
    this.extensionId = adapter.extensionId;
  }

  static async launch(opts: Omit<LaunchOptions, 'onConsole'> & { browser?: BrowserName }): Promise<Harness> {
    const logs: Harness['logs'] = [];
    const onConsole = (from: string, type: string, text: string) => void logs.push({ from, type, text });
    // imported here: the adapters import closeOrKill from this module
    const launcher =
      (opts.browser ?? BROWSER) === 'firefox'
        ? (await import('./firefox')).launchFirefox
        : (await import('./chromium')).launchChromium;
    const h = new Harness(await launcher({ ...opts, onConsole }), opts.server, logs);
    mkdirSync(SCREENSHOTS, { recursive: true });
    current = h;
    return h;
  }

  private helper(): Promise<Page> {
    return (this.helperPage ??= this.openExtension('/options.html'));
  }

  /** Listen to a page: its dialogs (dismissed), console and requests. */
  watch(page: Page): Page {
    this.kind.set(page, 'web');
    page.on('dialog', (d) => {
      this.dialogs.push(`${this.kind.get(page)}: ${d.message()}`);
      void d.dismiss().catch(() => undefined);
    });
    page.on('console', (m) => this.logs.push({ from: this.kind.get(page)!, type: m.type(), text: m.text() }));
    page.on('request', (r) =>
      this.pageRequests.push({ url: r.url(), type: this.adapter.requestType(r), from: this.kind.get(page)! }),
    );
    return page;
  }

  /** A new, watched, empty page. */
  async newPage(): Promise<Page> {
    return this.watch(await this.adapter.newPage());
  }

  /** A new page on a web URL (a fixture hostname), loaded. */
  async open(url: string): Promise<Page> {
    const page = await this.newPage();
    await page.goto(url, { waitUntil: 'load' });
    return page;
  }

  /** See Adapter.revealClosedRoots: for the accessibility audit of the in-page view only. */
  revealClosedRoots(page: Page): Promise<number> {
    return this.adapter.revealClosedRoots(page);
  }

  /**
   * Open an extension page ('/popup.html?tabId=3') in `page` (a new one by default) and wait until
   * it is ready — or until `ready` matches (a popup opened during an import shows the import at
   * once, its archive list when the import's current chunk lets it read).
   */
  async openExtension(path: string, page?: Page, ready = 'body[data-ready]'): Promise<Page> {
    const p = page ?? (await this.newPage());
    this.kind.set(p, path.replace(/\?.*$/, ''));
    await this.adapter.gotoExtension(p, path);
    await p.waitForSelector(ready, { timeout: 15_000 });
    return p;
  }

  /** The page the extension opens while `action` runs (e.g. the reader, from the popup). */
  async pageOpenedBy(action: () => Promise<unknown>): Promise<Page> {
    const known = new Set(this.browser.targets());
    const opened = this.browser.waitForTarget((t) => t.type() === 'page' && !known.has(t), { timeout: 15_000 });
    await action();
    return this.watch((await (await opened).page())!);
  }

  /** Run `fn(api, arg)` in an extension page, with the WebExtension API (or evaluate an expression there). */
  ext<A, R>(fn: string | ((api: ExtApi, arg: A) => R | Promise<R>), arg?: A): Promise<R> {
    const api = 'globalThis.browser ?? globalThis.chrome';
    const source = typeof fn === 'string' ? fn : `(${fn.toString()})(${api}, ${JSON.stringify(arg ?? null)})`;
    return this.helper().then((p) =>
      p.evaluate(`(() => { const __name = (f) => f; return ${source}; })()`),
    ) as Promise<R>;
  }

  /** Run `fn(scope, arg)` in the background's own realm (Chromium: the service worker; Firefox: the background page). */
  background<A, R>(fn: (scope: typeof globalThis, arg: A) => R | Promise<R>, arg?: A): Promise<R> {
    const source = `(scope) => { const __name = (f) => f; return (${fn.toString()})(scope, ${JSON.stringify(arg ?? null)}); }`;
    return this.helper().then((p) => this.adapter.inBackground(source, p)) as Promise<R>;
  }

  /** The id of the tab showing `url` — or, where the extension may not read its URL (unlisted sites), the newest other tab. */
  tabIdOf(url: string): Promise<number> {
    return this.ext(async (api, u) => {
      const self = (await api.tabs.getCurrent())?.id;
      const tabs = (await api.tabs.query({})).filter((t) => t.id !== self);
      return (tabs.find((t) => t.url === u) ?? tabs.reduce((a, c) => ((a.id ?? 0) > (c.id ?? 0) ? a : c))).id!;
    }, url);
  }

  /**
   * Ask the in-page view in `page`'s tab what it shows (message describeInPageView, from an
   * extension page: the page's own scripts cannot send it, and the view's closed shadow roots stay
   * closed). Null while no view answers there. The tab is found once by asking every tab's content
   * script for its address (the extension may not read the URLs of sites it cleans on demand).
   */
  async describeInPage(page: Page, query: InPageQuery): Promise<InPageDescription | null> {
    const url = page.url();
    const known = this.tabIds.get(page);
    if (known !== undefined) {
      const answer = await this.askTab(known, query);
      if (answer?.url === url) return answer;
      this.tabIds.delete(page);
    }
    const tabId = await this.inPageTabId(page);
    return tabId === null ? null : this.askTab(tabId, query);
  }

  /** The id of `page`'s tab, found by its in-page view's own address (null while none answers). */
  async inPageTabId(page: Page): Promise<number | null> {
    const url = page.url();
    const known = this.tabIds.get(page);
    if (known !== undefined && (await this.askTab(known, { part: 'page' }))?.url === url) return known;
    const found = await this.ext(
      async (api, a) => {
        const self = (await api.tabs.getCurrent())?.id;
        const hits: number[] = [];
        for (const tab of await api.tabs.query({})) {
          if (tab.id === undefined || tab.id === self) continue;
          const r = (await api.tabs
            .sendMessage(tab.id, { id: 0, type: 'describeInPageView', data: { part: 'page' }, timestamp: Date.now() })
            .catch(() => null)) as Wire | null;
          if (r?.res?.url === a.url) hits.push(tab.id);
        }
        return hits;
      },
      { url },
    );
    if (found.length > 1) throw new Error(`${found.length} tabs show ${url}: the in-page view cannot tell them apart`);
    if (found.length === 0) return null;
    this.tabIds.set(page, found[0]!);
    return found[0]!;
  }

  private askTab(tabId: number, q: InPageQuery): Promise<InPageDescription | null> {
    return this.ext(
      (api, a) =>
        api.tabs.sendMessage(a.tabId, { id: 0, type: 'describeInPageView', data: a.q, timestamp: Date.now() }).then(
          (r) => (r as Wire | undefined)?.res ?? null,
          () => null,
        ),
      { tabId, q },
    );
  }

  /** The next new file in the downloads folder whose name matches, once complete (JSON files: once they parse). */
  async download(name: RegExp): Promise<{ name: string; text: string }> {
    const dir = this.adapter.downloadsDir;
    const file = await waitFor(
      () => (existsSync(dir) ? readdirSync(dir).find((f) => name.test(f) && !this.downloaded.has(f)) : undefined),
      `a download named ${name}`,
    );
    const text = await waitFor(() => {
      const t = readFileSync(join(dir, file), 'utf8');
      if (!file.endsWith('.json')) return t;
      try {
        return JSON.parse(t) && t;
      } catch {
        return null; // still being written
      }
    }, `the complete ${file}`);
    this.downloaded.add(file);
    return { name: file, text };
  }

  /**
   * The next new file in the downloads folder whose name matches, as bytes, once `complete` says
   * they are all there (Firefox may show the final name before the last bytes are written).
   */
  async downloadBytes(name: RegExp, complete: (bytes: Buffer) => boolean): Promise<{ name: string; bytes: Buffer }> {
    const dir = this.adapter.downloadsDir;
    const file = await waitFor(
      () => (existsSync(dir) ? readdirSync(dir).find((f) => name.test(f) && !this.downloaded.has(f)) : undefined),
      `a download named ${name}`,
    );
    const bytes = await waitFor(() => {
      const b = readFileSync(join(dir, file));
      return b.length > 0 && complete(b) ? b : null;
    }, `the complete ${file}`);
    this.downloaded.add(file);
    return { name: file, bytes };
  }

  /** tests/e2e/artifacts/screenshots/<browser>-<name>.png (ignored by git; `npm run screenshots` copies them to assets/). */
  screenshot(page: Page, name: string): Promise<unknown> {
    return page.screenshot({ path: join(SCREENSHOTS, `${this.name}-${name}.png`) });
  }

  /** Every request by an extension context (extension pages and the background) to anything but the extension itself. */
  extensionRequests(): RecordedRequest[] {
    const fromPages = this.pageRequests.filter((r) => r.from !== 'web');
    const background = this.adapter.backgroundRequests(this.pageRequests.map((r) => r.url));
    return [...fromPages, ...background].filter((r) => notOwn(r.url));
  }

  close(): Promise<void> {
    return this.adapter.close();
  }
}

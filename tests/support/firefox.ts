/**
 * Debian's Firefox ESR with the built extension (.output/firefox-mv2) as a temporary add-on, driven
 * by puppeteer-core over WebDriver BiDi (no browser download, no geckodriver): the Firefox adapter of
 * the e2e harness (tests/support/harness.ts). The recipe and its reasons:
 * /work/shared/notes/real-browser-tests.md.
 *
 * Fixture hosts reach the local fixture server through Firefox's proxy prefs (http, and https as
 * CONNECT tunnels to its TLS port); DNS is disabled (`network.dns.native-is-localhost`), so nothing
 * leaves the machine. The extension gets a fixed moz-extension:// UUID, so its pages have a known
 * URL; they open with a raw BiDi navigate, because puppeteer's `page.goto` refuses (or never
 * resolves on) moz-extension:// URLs. BiDi shows no background page (it is not a browsing context),
 * so the background is reached through `runtime.getBackgroundPage()` from an extension page, and its
 * requests are the ones the proxy saw that no page reported.
 */
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import puppeteer, { type Page } from 'puppeteer-core';
import { closeOrKill, REVEAL_ROOT, type Adapter, type LaunchOptions, type RecordedRequest } from './harness';

/** The part of BiDi's script.callFunction result revealClosedRoots reads. */
interface BidiNode {
  sharedId?: string;
  value?: { shadowRoot?: { sharedId?: string; value?: { mode?: string } } | null };
}
interface BidiRealm {
  callFunction(
    fn: string,
    awaitPromise: boolean,
    options: object,
  ): Promise<{ type: 'success'; result: { value?: BidiNode[] } } | { type: 'exception' }>;
}

export const FIREFOX_EXTENSION_DIR = resolve(import.meta.dirname, '../../.output/firefox-mv2');
/** Fixed internal UUID → moz-extension://<UUID>/ (pref `extensions.webextensions.uuids`). */
const UUID = '6f1b9a3e-2c4d-4e8f-9a7b-5d3c1e0f2a94';
/** Firefox's own services (remote settings and the like) also go through the proxy: not the extension. */
const FIREFOX_SERVICES = /(^|\.)(mozilla\.(com|net|org)|firefox\.com|mozaws\.net)$/;

function findFirefox(): string {
  const found = [process.env.FIREFOX_PATH, '/usr/bin/firefox-esr', '/usr/bin/firefox'].find(
    (p) => !!p && existsSync(p),
  );
  if (!found)
    throw new Error('No Firefox found: install it (Debian: apt-get install firefox-esr) or set FIREFOX_PATH.');
  return found;
}

export async function launchFirefox(opts: LaunchOptions): Promise<Adapter> {
  const dir = opts.extensionDir ?? FIREFOX_EXTENSION_DIR;
  const manifestPath = join(dir, 'manifest.json');
  if (!existsSync(manifestPath)) throw new Error(`No built extension in ${dir}: run npm run build:firefox first.`);
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as {
    browser_specific_settings?: { gecko?: { id?: string } };
  };
  const extensionId = manifest.browser_specific_settings?.gecko?.id;
  if (!extensionId) throw new Error(`${manifestPath} has no gecko id: the fixed moz-extension UUID needs it.`);
  const downloadsDir = mkdtempSync(join(tmpdir(), 'vietlao-ff-downloads-'));
  const { server } = opts;
  const serverStart = server.requests.length;
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: findFirefox(),
    headless: opts.headless ?? true,
    acceptInsecureCerts: !opts.strictCertificates, // the fixture server's self-signed certificate
    defaultViewport: { width: 1280, height: 900 },
    args: ['--remote-allow-system-access'], // lets BiDi navigate to moz-extension:// pages
    env: { ...process.env, LANGUAGE: 'vi', LANG: 'vi_VN.UTF-8' },
    extraPrefsFirefox: {
      'network.proxy.type': 1,
      'network.proxy.http': '127.0.0.1',
      'network.proxy.http_port': server.port,
      'network.proxy.ssl': '127.0.0.1',
      'network.proxy.ssl_port': server.port, // CONNECT → the fixture server's TLS port (fixture hosts only)
      'network.proxy.no_proxies_on': (opts.directHosts ?? []).join(','),
      'network.proxy.allow_hijacking_localhost': true,
      'network.dns.native-is-localhost': true, // no real DNS lookups at all
      'dom.security.https_first': false,
      'dom.security.https_first_schemeless': false,
      'extensions.webextensions.uuids': JSON.stringify({ [extensionId]: UUID }),
      // Optional-permission requests are granted without a prompt (the prompt is browser UI).
      'extensions.webextOptionalPermissionPrompts': false,
      'browser.download.dir': downloadsDir,
      'browser.download.folderList': 2,
      'browser.download.useDownloadDir': true,
      'browser.download.always_ask_before_handling_new_types': false,
      'browser.download.alwaysOpenPanel': false, // an open downloads panel blocks openPopup()
      // A Vietnamese UI needs the vi language pack (Debian: firefox-esr-l10n-vi); else en-US.
      'intl.locale.requested': 'vi',
      'intl.accept_languages': 'vi-VN, vi, en',
      // prefers-color-scheme for pages (0 dark, 1 light): BiDi has no media emulation
      ...(opts.colorScheme && {
        'layout.css.prefers-color-scheme.content-override': opts.colorScheme === 'dark' ? 0 : 1,
        'ui.systemUsesDarkTheme': opts.colorScheme === 'dark' ? 1 : 0,
      }),
    },
  });
  try {
    const installed = await browser.installExtension(dir);
    if (installed !== extensionId) throw new Error(`installed add-on id ${installed}, expected ${extensionId}`);
  } catch (err) {
    await closeOrKill(browser);
    throw err;
  }
  const origin = `moz-extension://${UUID}`;
  return {
    name: 'firefox',
    browser,
    extensionId,
    origin,
    downloadsDir,
    // A tab each: Firefox runs background tabs fully, and a window costs about a second more per page.
    newPage: () => browser.newPage(),
    async gotoExtension(page, path) {
      // puppeteer-core internal (present in 24.x and 25.x): the BiDi browsing context of the frame.
      const context = (
        page.mainFrame() as unknown as { browsingContext: { navigate(u: string, w: string): Promise<void> } }
      ).browsingContext;
      await context.navigate(`${origin}${path}`, 'complete');
    },
    inBackground: (source, helper: Page) =>
      helper.evaluate(`(async () => (${source})(await globalThis.browser.runtime.getBackgroundPage()))()`),
    backgroundRequests(pageUrls) {
      // What the proxy saw minus what the pages reported (each URL once per report).
      const reported = new Map<string, number>();
      const pageHosts = new Set<string>();
      for (const raw of pageUrls) {
        const u = URL.canParse(raw) ? new URL(raw) : null;
        if (!u || !/^https?:$/.test(u.protocol)) continue;
        const key = `${u.host}${u.pathname}${u.search}`;
        reported.set(key, (reported.get(key) ?? 0) + 1);
        pageHosts.add(u.hostname.replace(/^www\./, ''));
      }
      const left: RecordedRequest[] = [];
      for (const r of server.requests.slice(serverStart)) {
        const host = r.host.toLowerCase().replace(/:\d+$/, '');
        if (FIREFOX_SERVICES.test(host)) continue;
        if (r.path === 'CONNECT') {
          // a tunnel: the requests inside it are recorded on their own
          if (!server.hosts.includes(host.replace(/^www\./, '')) && !pageHosts.has(host.replace(/^www\./, '')))
            left.push({ url: `https://${host}/`, type: 'connect', from: 'background' });
          continue;
        }
        const key = `${r.host.toLowerCase()}${r.path}`;
        const n = reported.get(key) ?? 0;
        if (n > 0) reported.set(key, n - 1);
        else left.push({ url: `http://${key}`, type: 'unknown', from: 'background' }); // or https, inside a tunnel
      }
      return left;
    },
    requestType: (r) => r.headers()['sec-fetch-dest'] ?? '', // BiDi has no resourceType()
    async revealClosedRoots(page) {
      // puppeteer-core internal (present in 24.x and 25.x): the frame's BiDi window realm
      const realm = (page.mainFrame() as unknown as { browsingContext: { defaultRealm: BidiRealm } }).browsingContext
        .defaultRealm;
      let revealed = 0;
      for (let round = 0; round < 4; round++) {
        // every element, in the document and in the roots revealed so far; BiDi serialises each
        // node's shadow root, closed ones too with includeShadowTree 'all'
        const found = await realm.callFunction(
          `() => { const out = []; const walk = (r) => { for (const e of r.querySelectorAll('*')) { out.push(e); if (e.shadowRoot) walk(e.shadowRoot); } }; walk(document); return out; }`,
          false,
          { serializationOptions: { includeShadowTree: 'all', maxDomDepth: 0 }, resultOwnership: 'none' },
        );
        if (found.type !== 'success') throw new Error(`revealClosedRoots: ${JSON.stringify(found)}`);
        const pairs = (found.result.value ?? []).flatMap((n) =>
          n.value?.shadowRoot?.value?.mode === 'closed' && n.sharedId && n.value.shadowRoot.sharedId
            ? [[n.sharedId, n.value.shadowRoot.sharedId] as const]
            : [],
        );
        if (pairs.length === 0) break;
        for (const [host, root] of pairs)
          await realm.callFunction(`(host, root) => (${REVEAL_ROOT}).call(host, root)`, false, {
            arguments: [{ sharedId: host }, { sharedId: root }],
          });
        revealed += pairs.length;
      }
      return revealed;
    },
    close: () => closeOrKill(browser),
  };
}

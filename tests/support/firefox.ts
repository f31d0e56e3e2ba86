/**
 * Launch Debian's Firefox ESR with the built extension (.output/firefox-mv2) as a temporary add-on,
 * driven by puppeteer-core over WebDriver BiDi (no browser download, no geckodriver).
 * The recipe and its reasons: /work/shared/notes/real-browser-tests.md.
 *
 * Fixture hosts reach the local fixture server through Firefox's proxy prefs (http, and https as
 * CONNECT tunnels to its TLS port); DNS is disabled (`network.dns.native-is-localhost`), so
 * nothing leaves the machine. The extension gets a fixed moz-extension:// UUID, so its pages have a
 * known URL; `gotoExtensionPage` opens them with a raw BiDi navigate, because puppeteer's
 * `page.goto` refuses (or never resolves on) moz-extension:// URLs.
 */
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';

export const FIREFOX_EXTENSION_DIR = resolve(import.meta.dirname, '../../.output/firefox-mv2');
/** Fixed internal UUID → moz-extension://<UUID>/ (pref `extensions.webextensions.uuids`). */
export const FIREFOX_EXTENSION_UUID = '6f1b9a3e-2c4d-4e8f-9a7b-5d3c1e0f2a94';

export function findFirefox(): string {
  const candidates = [process.env.FIREFOX_PATH, '/usr/bin/firefox-esr', '/usr/bin/firefox'];
  const found = candidates.find((p): p is string => !!p && existsSync(p));
  if (!found)
    throw new Error('No Firefox found: install it (Debian: apt-get install firefox-esr) or set FIREFOX_PATH.');
  return found;
}

export interface FirefoxExtensionBrowser {
  browser: Browser;
  /** The add-on id from the manifest (browser_specific_settings.gecko.id). */
  extensionId: string;
  /** moz-extension://<uuid> (no trailing slash). */
  baseUrl: string;
  downloadsDir: string;
  /** Open an extension page (e.g. '/popup.html') in `page` and wait for it to load. */
  gotoExtensionPage(page: Page, path: string): Promise<void>;
  close(): Promise<void>;
}

export async function launchFirefox(opts: {
  port: number;
  tlsPort: number;
  hosts: string[];
  extensionDir?: string;
  prefs?: Record<string, string | number | boolean>;
}): Promise<FirefoxExtensionBrowser> {
  const extensionDir = opts.extensionDir ?? FIREFOX_EXTENSION_DIR;
  const manifestPath = join(extensionDir, 'manifest.json');
  if (!existsSync(manifestPath))
    throw new Error(`No built extension in ${extensionDir}: run npm run build:firefox first.`);
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as {
    browser_specific_settings?: { gecko?: { id?: string } };
  };
  const extensionId = manifest.browser_specific_settings?.gecko?.id;
  if (!extensionId)
    throw new Error(
      `${manifestPath} has no browser_specific_settings.gecko.id: the fixed moz-extension UUID needs it.`,
    );
  const downloadsDir = mkdtempSync(join(tmpdir(), 'vietlao-ff-downloads-'));

  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: findFirefox(),
    headless: true,
    acceptInsecureCerts: true, // the fixture server's self-signed certificate
    defaultViewport: { width: 1280, height: 900 },
    args: ['--remote-allow-system-access'], // lets BiDi navigate to moz-extension:// pages
    env: { ...process.env, LANGUAGE: 'vi', LANG: 'vi_VN.UTF-8' },
    extraPrefsFirefox: {
      'network.proxy.type': 1,
      'network.proxy.http': '127.0.0.1',
      'network.proxy.http_port': opts.port,
      'network.proxy.ssl': '127.0.0.1',
      'network.proxy.ssl_port': opts.port, // CONNECT → the fixture server's TLS port (fixture hosts only)
      'network.proxy.no_proxies_on': '',
      'network.proxy.allow_hijacking_localhost': true,
      'network.dns.native-is-localhost': true, // no real DNS lookups at all
      'dom.security.https_first': false,
      'dom.security.https_first_schemeless': false,
      'extensions.webextensions.uuids': JSON.stringify({ [extensionId]: FIREFOX_EXTENSION_UUID }),
      'browser.download.dir': downloadsDir,
      'browser.download.folderList': 2,
      'browser.download.useDownloadDir': true,
      'browser.download.always_ask_before_handling_new_types': false,
      'browser.download.alwaysOpenPanel': false, // an open downloads panel blocks openPopup()
      // Ask for a Vietnamese UI. Only takes effect when a vi language pack is installed
      // (Debian: firefox-esr-l10n-vi); otherwise Firefox stays en-US and so does the extension.
      'intl.locale.requested': 'vi',
      'intl.accept_languages': 'vi-VN, vi, en',
      ...opts.prefs,
    },
  });
  try {
    const installed = await browser.installExtension(extensionDir);
    if (installed !== extensionId) throw new Error(`installed add-on id ${installed}, expected ${extensionId}`);
  } catch (err) {
    await browser.close();
    throw err;
  }
  const baseUrl = `moz-extension://${FIREFOX_EXTENSION_UUID}`;
  return {
    browser,
    extensionId,
    baseUrl,
    downloadsDir,
    async gotoExtensionPage(page, path) {
      // puppeteer-core internal (present in 24.x and 25.x): the BiDi browsing context of the frame.
      const context = (
        page.mainFrame() as unknown as {
          browsingContext: { navigate(url: string, wait: 'none' | 'interactive' | 'complete'): Promise<void> };
        }
      ).browsingContext;
      await context.navigate(`${baseUrl}${path.startsWith('/') ? path : `/${path}`}`, 'complete');
    },
    // Closing over BiDi can stall when Firefox exits first: give it 10 s, then end the process.
    close: async () => {
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<'timeout'>((resolve) => (timer = setTimeout(() => resolve('timeout'), 10_000)));
      const outcome = await Promise.race([
        browser.close().then(
          () => 'closed' as const,
          () => 'failed' as const,
        ),
        timeout,
      ]);
      clearTimeout(timer);
      if (outcome !== 'closed') browser.process()?.kill('SIGKILL');
    },
  };
}

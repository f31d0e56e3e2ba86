/**
 * Debian's Chromium with the built extension (.output/chrome-mv3), driven by puppeteer-core over
 * CDP (a pipe, no browser download): the Chromium adapter of the e2e harness (tests/support/harness.ts).
 * Also the switches every Chromium launch here shares (the benchmarks' playwright launches too):
 * fixture hosts resolve to the local fixture server, every other host fails to resolve, and the
 * background services are off, so nothing leaves the machine.
 */
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import puppeteer, { type CDPSession, type Target, type WebWorker } from 'puppeteer-core';
import { closeOrKill, REVEAL_ROOT, type Adapter, type LaunchOptions, type RecordedRequest } from './harness';

export const CHROME_EXTENSION_DIR = resolve(import.meta.dirname, '../../.output/chrome-mv3');

export function findChromium(): string {
  const candidates = [
    process.env.CHROMIUM_PATH,
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/usr/bin/google-chrome',
  ];
  const found = candidates.find((p): p is string => !!p && existsSync(p));
  if (!found) throw new Error('No Chromium found: install it (Debian: apt-get install chromium) or set CHROMIUM_PATH.');
  return found;
}

/** The switches that load the built extension at startup (the benchmarks; the harness installs it over CDP). */
export const extensionArgs = (dir: string): string[] => [
  `--disable-extensions-except=${dir}`,
  `--load-extension=${dir}`,
];

/**
 * Off the network: no background services; fixture hosts (and subdomains) → the fixture server,
 * `direct` hosts (a real server a test started on this machine) as they are, others → NOTFOUND.
 */
export function offlineArgs(
  server?: { port: number; tlsPort: number; hosts: string[] },
  direct: string[] = [],
): string[] {
  const rules = (server?.hosts ?? []).flatMap((h) =>
    [h, `*.${h}`].flatMap((name) => [
      `MAP ${name}:443 127.0.0.1:${server!.tlsPort}`,
      `MAP ${name} 127.0.0.1:${server!.port}`,
    ]),
  );
  return [
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    `--host-resolver-rules=${[...rules, 'MAP * ~NOTFOUND', 'EXCLUDE localhost', ...direct.map((d) => `EXCLUDE ${d}`)].join(', ')}`,
  ];
}

export async function launchChromium(opts: LaunchOptions): Promise<Adapter> {
  const dir = opts.extensionDir ?? CHROME_EXTENSION_DIR;
  if (!existsSync(join(dir, 'manifest.json')))
    throw new Error(`No built extension in ${dir}: run npm run build first.`);
  const downloadsDir = mkdtempSync(join(tmpdir(), 'vietlao-downloads-'));
  const browser = await puppeteer.launch({
    executablePath: findChromium(),
    pipe: true, // Extensions.loadUnpacked (installExtension) is only served over a pipe
    enableExtensions: true,
    headless: opts.headless ?? true,
    acceptInsecureCerts: !opts.strictCertificates, // the fixture server's self-signed certificate
    downloadBehavior: { policy: 'allow', downloadPath: downloadsDir }, // real file names, as in Firefox
    defaultViewport: { width: 1280, height: 900 },
    env: { ...process.env, LANGUAGE: 'vi', LANG: 'vi_VN.UTF-8' }, // Vietnamese UI, so the extension speaks Vietnamese
    args: ['--no-sandbox', '--lang=vi', ...offlineArgs(opts.server, opts.directHosts)], // no sandbox: CI runs as root
  });
  const extensionId = await browser.installExtension(dir);
  const origin = `chrome-extension://${extensionId}`;
  const requests: RecordedRequest[] = [];
  let worker: WebWorker | undefined;
  // The service worker, and its network traffic (seen only over its own CDP session), again after any restart.
  const attached = new WeakSet<Target>();
  const attach = async (target: Target): Promise<void> => {
    if (target.type() !== 'service_worker' || !target.url().startsWith(origin) || attached.has(target)) return;
    attached.add(target);
    const w = (await target.worker())!;
    const client: CDPSession = w.client;
    client.on('Network.requestWillBeSent', (e) =>
      requests.push({ url: e.request.url, type: e.type ?? '', from: 'background' }),
    );
    await client.send('Network.enable');
    w.on('console', (m) => opts.onConsole?.('background', m.type(), m.text()));
    worker = w;
  };
  browser.on('targetcreated', (t: Target) => void attach(t));
  await attach(await browser.waitForTarget((t) => t.type() === 'service_worker' && t.url().startsWith(origin)));
  return {
    name: 'chromium',
    browser,
    extensionId,
    origin,
    downloadsDir,
    // A window each: Chromium gives background tabs no frames, so clicks and waits there never finish.
    async newPage() {
      const page = await browser.newPage({ type: 'window' });
      const scheme = opts.colorScheme;
      if (scheme) await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: scheme }]);
      return page;
    },
    gotoExtension: async (page, path) => void (await page.goto(`${origin}${path}`, { waitUntil: 'load' })),
    inBackground: (source) => worker!.evaluate(`(${source})(self)`),
    backgroundRequests: () => requests,
    requestType: (r) => r.resourceType(),
    async revealClosedRoots(page) {
      const cdp = await page.createCDPSession();
      try {
        interface DomNode {
          backendNodeId: number;
          children?: DomNode[];
          shadowRoots?: (DomNode & { shadowRootType?: string })[];
        }
        const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: DomNode };
        const pairs: [number, number][] = [];
        const walk = (n: DomNode): void => {
          for (const s of n.shadowRoots ?? []) {
            if (s.shadowRootType === 'closed') pairs.push([n.backendNodeId, s.backendNodeId]);
            walk(s);
          }
          for (const c of n.children ?? []) walk(c);
        };
        walk(root);
        for (const [host, shadow] of pairs) {
          // resolved without a context id: the main world of the node's frame, where axe runs
          const h = await cdp.send('DOM.resolveNode', { backendNodeId: host });
          const r = await cdp.send('DOM.resolveNode', { backendNodeId: shadow });
          await cdp.send('Runtime.callFunctionOn', {
            objectId: h.object.objectId!,
            functionDeclaration: REVEAL_ROOT,
            arguments: [{ objectId: r.object.objectId! }],
          });
        }
        return pairs.length;
      } finally {
        await cdp.detach();
      }
    },
    close: () => closeOrKill(browser),
  };
}

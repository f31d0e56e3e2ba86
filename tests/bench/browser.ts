/**
 * A Chromium for the archive case with a PERSISTENT profile (.output/bench/profile): seeding
 * 10,000 realistic articles (≈ 11 million multiEntry index entries) takes minutes, so the
 * databases are seeded once and reused by later runs (BENCH_RESEED=1 rebuilds them). The
 * extension is loaded unpacked from a fixed path, so its id — and its IndexedDB origin — stay
 * the same from run to run. Offline like tests/support/chromium.ts: every host fails to resolve.
 */
import { mkdirSync } from 'node:fs';
import { chromium, type BrowserContext } from 'playwright-core';
import { extensionArgs, findChromium } from '../support/chromium';

export async function launchPersistent(
  userDataDir: string,
  extensionDir: string,
): Promise<{ context: BrowserContext; extensionId: string }> {
  mkdirSync(userDataDir, { recursive: true });
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: findChromium(),
    headless: true,
    args: [...extensionArgs(extensionDir), '--host-resolver-rules=MAP * ~NOTFOUND'],
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 15_000 }));
  return { context, extensionId: new URL(worker.url()).host };
}

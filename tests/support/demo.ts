/**
 * `npm start`: the product, offline. Serves the bundled demo pages (the seed articles under
 * their real hostnames) and opens Chromium with the built extension on them (through the e2e
 * harness). On a machine without a display it runs headless, says so, and writes screenshots
 * instead of crashing.
 */
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { element, inView } from './dom';
import { loadFixtures, startFixtureServer } from './fixture-server';
import { Harness } from './harness';

const OUT = resolve(import.meta.dirname, '../e2e/artifacts/demo');

async function main(): Promise<void> {
  const server = await startFixtureServer();
  const headed = !!process.env.DISPLAY || !!process.env.WAYLAND_DISPLAY;
  const pages = loadFixtures();
  const first = pages.find((p) => p.folder.startsWith('antv--') && p.expected.isArticle) ?? pages[0]!;
  const h = await Harness.launch({ server, browser: 'chromium', headless: !headed });
  console.log(`VietLao Reader demo: ${pages.length} demo pages served offline under their real hostnames:`);
  for (const p of pages) console.log(`  ${p.expected.isArticle ? 'article    ' : 'not article'}  ${p.url}`);

  if (headed) {
    await h.open(first.url);
    console.log(`\nChromium is open on ${first.url} with the extension loaded. Close the browser window to stop.`);
    await new Promise<void>((done) => h.browser.on('disconnected', () => done()));
  } else {
    mkdirSync(OUT, { recursive: true });
    console.log('\nNo display here (no $DISPLAY): running Chromium headless and taking screenshots instead.');
    for (const p of pages) {
      const tab = await h.open(p.url);
      if (p.expected.isArticle) await element(tab, inView('.vl-article'), 10_000).catch(() => undefined);
      const file = join(OUT, `${p.folder}.png`);
      await tab.screenshot({ path: file });
      console.log(`  screenshot: ${file}`);
      await tab.close();
    }
    console.log('\nRun it on a desktop (or under xvfb-run) to browse the pages yourself.');
    await h.close();
  }
  await server.close();
}

main().catch((error: unknown) => {
  console.error(`demo failed: ${(error as Error).message}`);
  process.exit(1);
});

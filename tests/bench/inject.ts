/** Node side: open a page and inject the bench build's in-page bundle (bench-inpage.js). */
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import type { InpageApi } from './inpage';

export async function openWithBench(context: BrowserContext, extensionDir: string, url: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(url, { waitUntil: 'load' });
  await page.addScriptTag({ path: join(extensionDir, 'bench-inpage.js') });
  await page.waitForFunction(() => '__vlBench' in globalThis);
  return page;
}

/** Call one function of the in-page API with JSON arguments. */
export function call<K extends keyof InpageApi>(
  page: Page,
  name: K,
  ...args: Parameters<InpageApi[K]>
): Promise<Awaited<ReturnType<InpageApi[K]>>> {
  return page.evaluate(
    ([n, a]) =>
      (globalThis as unknown as { __vlBench: Record<string, (...x: unknown[]) => unknown> }).__vlBench[n as string]!(
        ...(a as unknown[]),
      ),
    [name, args] as const,
  ) as Promise<Awaited<ReturnType<InpageApi[K]>>>;
}

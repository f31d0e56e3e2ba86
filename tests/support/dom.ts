/**
 * Page helpers the journeys share, the same in both browsers: selectors in a page (strings) and
 * targets inside the extension's in-page view and toolbar (`inView`, `inToolbar`), trusted clicks,
 * counts and texts, and the in-page toolbar's save. Light-DOM queries run in puppeteer's isolated
 * world, so a hostile page that replaces its DOM built-ins cannot fool them.
 *
 * The view and the toolbar live in closed shadow roots: no selector pierces them (and no page
 * script can open them). Their targets are read through the extension itself — the content
 * script's describeInPageView, asked from an extension page (Harness.describeInPage) — and pressed
 * with real mouse input at the boxes it reports, as the user would.
 */
import assert from 'node:assert/strict';
import type { ElementHandle, Page } from 'puppeteer-core';
import type { InPageDescription, InPageElement } from '@/lib/messaging';
import { currentHarness } from './harness';
import { waitFor } from './wait';

/** An element inside the in-page view or toolbar (a CSS selector inside its closed shadow root). */
export interface InPageTarget {
  part: 'view' | 'toolbar';
  selector: string;
}
export type Target = string | InPageTarget;

/** A selector inside the clean view's shadow root. */
export const inView = (selector: string): InPageTarget => ({ part: 'view', selector });
/** A selector inside the in-page toolbar's shadow root. */
export const inToolbar = (selector: string): InPageTarget => ({ part: 'toolbar', selector });
export const byTestId = (id: string, extra = ''): string => `[data-testid="${id}"]${extra}`;

const where = (t: Target) => (typeof t === 'string' ? t : `${t.part} >>> ${t.selector}`);

/** What the content script reports for `target` (null: no in-page view answers in this tab yet). */
export function describe(
  page: Page,
  target: InPageTarget,
  options: { reveal?: boolean; subtree?: boolean } = {},
): Promise<InPageDescription | null> {
  return currentHarness().describeInPage(page, { ...target, ...options });
}

/** The elements `target` matches now (none while no view answers). */
export async function matches(page: Page, target: InPageTarget): Promise<InPageElement[]> {
  return (await describe(page, target))?.elements ?? [];
}

export async function element(page: Page, selector: string, timeout?: number): Promise<ElementHandle<Element>>;
export async function element(page: Page, target: InPageTarget, timeout?: number): Promise<InPageElement>;
export async function element(
  page: Page,
  target: Target,
  timeout = 15_000,
): Promise<ElementHandle<Element> | InPageElement> {
  if (typeof target === 'string') {
    const el = await page.waitForSelector(target, { timeout });
    assert.ok(el, `${target} exists`);
    return el;
  }
  return waitFor(async () => (await matches(page, target))[0], `${where(target)} exists`, timeout);
}

/** Wait until `target` is shown (rendered, not hidden); its description. */
export function waitForVisible(page: Page, target: InPageTarget, timeout = 15_000): Promise<InPageElement> {
  return waitFor(async () => (await matches(page, target)).find((e) => e.visible), `${where(target)} shown`, timeout);
}

const centre = (e: InPageElement) => ({ x: e.rect.x + e.rect.width / 2, y: e.rect.y + e.rect.height / 2 });

/** Scroll an in-page target into view and return where its first match is, once it has a box. */
async function located(page: Page, target: InPageTarget): Promise<{ x: number; y: number }> {
  if (target.part === 'toolbar')
    await waitFor(async () => (await describe(page, target))?.toolbar?.ready, 'the toolbar ready for a press');
  const found = await waitFor(
    async () => {
      const e = (await describe(page, target, { reveal: true }))?.elements[0];
      return e && e.visible && e.rect.width > 0 ? e : undefined;
    },
    `${where(target)} shown`,
  );
  return centre(found);
}

/** A real (trusted) click — the mouse at the element's centre: the toolbar ignores script-made ones. */
export async function click(page: Page, target: Target): Promise<void> {
  if (typeof target === 'string') return void (await (await element(page, target)).click());
  const { x, y } = await located(page, target);
  await page.mouse.click(x, y);
}

/** The mouse over an in-page target (hover). */
export async function hover(page: Page, target: InPageTarget): Promise<void> {
  const { x, y } = await located(page, target);
  await page.mouse.move(x, y);
}

export async function count(page: Page, target: Target): Promise<number> {
  if (typeof target !== 'string') return (await matches(page, target)).length;
  return page.$$eval(target, (els) => els.length);
}
export async function texts(page: Page, target: Target): Promise<string[]> {
  if (typeof target !== 'string') return (await matches(page, target)).map((e) => e.text);
  return page.$$eval(target, (els) => els.map((e) => e.textContent ?? ''));
}
export async function innerText(page: Page, target: Target): Promise<string> {
  if (typeof target !== 'string') return (await element(page, target)).innerText;
  return page.$eval(target, (el) => (el as HTMLElement).innerText);
}
export const checked = (page: Page, selector: string): Promise<boolean> =>
  page.$eval(selector, (el) => (el as HTMLInputElement).checked);

/** Wait until `target` matches exactly `n` elements. */
export async function waitForCount(page: Page, target: Target, n: number, timeout = 15_000): Promise<void> {
  let last = -1;
  await waitFor(
    async () => (last = await count(page, target)) === n,
    `${n} × ${where(target)} (last seen ${last})`,
    timeout,
  ).catch(() => assert.fail(`${where(target)}: ${last} elements, expected ${n}`));
}

export const waitForCleanView = (page: Page): Promise<unknown> => element(page, inView('.vl-article'));

/** The toolbar's status: its class and the text it shows. */
export async function toolbarStatus(page: Page): Promise<{ cls: string; text: string }> {
  const status = await element(page, inToolbar(byTestId('status')));
  return { cls: status.attrs.class ?? '', text: status.label };
}

/**
 * Click the toolbar's save and wait for its answer (one that differs from `previous`, the text a
 * save on this page showed before); assert it is `expect`; return its text.
 */
export async function saveFromToolbar(page: Page, expect: 'ok' | 'error' = 'ok', previous?: string): Promise<string> {
  await click(page, inToolbar(byTestId('save')));
  const status = await waitFor(async () => {
    const s = await toolbarStatus(page);
    return /\b(ok|error)\b/.test(s.cls) && s.text !== previous ? s : null;
  }, 'the save status');
  assert.match(status.cls, new RegExp(`\\b${expect}\\b`), `save status ${status.cls}: ${status.text}`);
  return status.text;
}

/**
 * Resize the page's viewport. Puppeteer sends Firefox a screen-orientation override with every
 * viewport; ESR 140's WebDriver BiDi has no such command (ESR 153 has), and the viewport itself is
 * applied by the command sent beside it — so only that refusal is let pass.
 */
export async function setViewport(page: Page, viewport: { width: number; height: number }): Promise<void> {
  await page.setViewport(viewport).catch((error: unknown) => {
    if (!(error instanceof Error && error.message.includes('setScreenOrientationOverride'))) throw error;
  });
}

/**
 * Wait until `test` holds inside an extension page, polling with `evaluate`. Puppeteer's own
 * waitForFunction builds its predicate with `new Function`, which an extension page's CSP blocks in
 * Firefox ESR 140; and a tab the extension opened (tabs.create) may still be navigating from
 * about:blank, so an evaluation that fails is tried again until the deadline.
 */
export async function waitInPage(
  page: Page,
  test: (arg: string) => boolean,
  what: string,
  arg = '',
  timeout = 15_000,
): Promise<void> {
  await waitFor(() => page.evaluate(test, arg).catch(() => false), what, timeout);
}

/**
 * The address an extension page shows. Firefox ESR 140 reports no navigation of moz-extension://
 * tabs to puppeteer, so `page.url()` stays about:blank there; the page's own `location` is right.
 */
export const pageLocation = (page: Page): Promise<string> => page.evaluate(() => location.href);

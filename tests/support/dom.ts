/**
 * Page helpers the journeys share, the same in both browsers: selectors into the extension's
 * shadow roots (puppeteer's `>>>` pierces them), trusted clicks, counts and texts, and the
 * in-page toolbar's save. Queries run in puppeteer's isolated world, so a hostile page that
 * replaces its DOM built-ins cannot fool them.
 */
import assert from 'node:assert/strict';
import type { ElementHandle, Page } from 'puppeteer-core';
import { waitFor } from './wait';

/** A selector inside the clean view's shadow root. */
export const inView = (selector: string): string => `vietlao-view >>> ${selector}`;
/** A selector inside the in-page toolbar's shadow root. */
export const inToolbar = (selector: string): string => `vietlao-toolbar >>> ${selector}`;
export const byTestId = (id: string, extra = ''): string => `[data-testid="${id}"]${extra}`;

export async function element(page: Page, selector: string, timeout = 15_000): Promise<ElementHandle<Element>> {
  const el = await page.waitForSelector(selector, { timeout });
  assert.ok(el, `${selector} exists`);
  return el;
}

/** A real (trusted) click: the toolbar ignores script-made ones. */
export async function click(page: Page, selector: string): Promise<void> {
  await (await element(page, selector)).click();
}

export const count = (page: Page, selector: string): Promise<number> => page.$$eval(selector, (els) => els.length);
export const texts = (page: Page, selector: string): Promise<string[]> =>
  page.$$eval(selector, (els) => els.map((e) => e.textContent ?? ''));
export const innerText = (page: Page, selector: string): Promise<string> =>
  page.$eval(selector, (el) => (el as HTMLElement).innerText);
export const checked = (page: Page, selector: string): Promise<boolean> =>
  page.$eval(selector, (el) => (el as HTMLInputElement).checked);

/** Wait until `selector` matches exactly `n` elements. */
export async function waitForCount(page: Page, selector: string, n: number, timeout = 15_000): Promise<void> {
  let last = -1;
  await waitFor(
    async () => (last = await count(page, selector)) === n,
    `${n} × ${selector} (last seen ${last})`,
    timeout,
  ).catch(() => assert.fail(`${selector}: ${last} elements, expected ${n}`));
}

export const waitForCleanView = (page: Page): Promise<unknown> =>
  page.waitForSelector(inView('.vl-article'), { timeout: 15_000 });

export const toolbarStatus = (page: Page): Promise<{ cls: string; text: string }> =>
  page.$eval(inToolbar(byTestId('status')), (el) => ({ cls: el.className, text: el.textContent ?? '' }));

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

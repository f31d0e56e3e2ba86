/**
 * Accessibility checks for the e2e journeys, the same in both browsers: axe-core (the engine of
 * Lighthouse's and the browsers' devtools audits) is evaluated into the page from its npm file —
 * the extension ships none of it — and run over the whole document, open shadow roots included.
 * Only serious and critical violations fail a journey; the rest are returned for the message.
 *
 * Keyboard: `tabOrder` presses Tab through a page with real (trusted) key events and records
 * every control that takes focus, across shadow roots, so a journey can assert that each control
 * is reachable, then operate one with Enter or Space.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'puppeteer-core';

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export interface Violation {
  id: string;
  impact: string;
  help: string;
  targets: string[];
}

/** Serious and critical axe violations on `page` (WCAG 2.x A/AA and best practices). */
export async function axeViolations(page: Page): Promise<Violation[]> {
  await page.evaluate(AXE_SOURCE);
  const all = (await page.evaluate(async () => {
    const axe = (globalThis as unknown as { axe: { run: (ctx: Document, o: object) => Promise<unknown> } }).axe;
    const result = (await axe.run(document, {
      resultTypes: ['violations'],
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },
    })) as {
      violations: { id: string; impact: string; help: string; nodes: { target: unknown[] }[] }[];
    };
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      targets: v.nodes.map((n) => JSON.stringify(n.target)),
    }));
  })) as Violation[];
  return all.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

export const describeViolations = (vs: Violation[]): string =>
  vs.map((v) => `${v.impact} ${v.id}: ${v.help} — ${v.targets.slice(0, 5).join(', ')}`).join('\n');

/** Check that `page` sees the colour scheme the harness was launched with. */
export async function assertColorScheme(page: Page, value: 'light' | 'dark'): Promise<void> {
  const dark = await page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches);
  if (dark !== (value === 'dark')) throw new Error(`the page prefers ${dark ? 'dark' : 'light'}, not ${value}`);
}

/**
 * Put keyboard focus before the page's first control (a blurred control would stay the starting
 * point of the next Tab).
 */
export async function focusPageStart(page: Page): Promise<void> {
  await page.bringToFront();
  await page.evaluate(() => {
    const root = document.documentElement;
    root.tabIndex = -1;
    root.focus();
    root.removeAttribute('tabindex');
    window.scrollTo(0, 0);
  });
}

/**
 * Page-side helpers, as source text (tsx would wrap nested functions in a helper the page lacks):
 * the visible, enabled controls in flattened-tree order (open shadow roots at their host's place),
 * and the focused element, followed into shadow roots.
 */
const PAGE_HELPERS = `globalThis.__vlA11y ??= {
  controls() {
    const out = [];
    const walk = (root) => {
      for (const el of root.children) {
        const focusable = el.matches('a[href], button, input, select, textarea, summary') ||
          (el.hasAttribute('tabindex') && el.tabIndex >= 0);
        // a closed <details> shows only its own summary: what else it holds has a box in Chromium but takes no focus
        const closed = el.closest('details:not([open])');
        const folded = !!closed && !(el.tagName === 'SUMMARY' && el.parentElement === closed);
        if (focusable && !folded && !el.disabled && el.tabIndex >= 0 && !el.closest('[hidden], [inert]')) {
          const box = el.getBoundingClientRect();
          if (box.width > 0 && box.height > 0 && getComputedStyle(el).visibility !== 'hidden') out.push(el);
        }
        if (el.shadowRoot) walk(el.shadowRoot);
        walk(el);
      }
    };
    walk(document);
    return out;
  },
  focused() {
    let el = document.activeElement;
    while (el && el.shadowRoot && el.shadowRoot.activeElement) el = el.shadowRoot.activeElement;
    return el && el !== document.body && el !== document.documentElement ? el : null;
  },
  describe(el) {
    const label = el.getAttribute('data-testid') ?? el.getAttribute('aria-label') ?? el.textContent.trim();
    return el.tagName.toLowerCase() + ':' + label.slice(0, 40);
  },
}`;

/**
 * Every visible, enabled control on the page (buttons, links, inputs, selects, summary, anything
 * with a tabindex ≥ 0; not the contents of a closed <details>), open shadow roots included,
 * described by data-testid, else aria-label or text (tag first: "button:save").
 */
export async function controls(page: Page): Promise<string[]> {
  await page.evaluate(PAGE_HELPERS);
  return page.evaluate(`__vlA11y.controls().map((el) => __vlA11y.describe(el))`) as Promise<string[]>;
}

/**
 * Press Tab from the top of the page and return, in order, each control that took focus (described
 * as `controls` describes them). Stops on the page's last control — one more Tab would move focus
 * into the browser's own UI, from which Firefox does not hand keys back to the page — or after `max`.
 */
export async function tabOrder(page: Page, max = 80): Promise<string[]> {
  await page.evaluate(PAGE_HELPERS);
  await focusPageStart(page);
  const seen: string[] = [];
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    const step = (await page.evaluate(`(() => {
      const el = __vlA11y.focused();
      const all = __vlA11y.controls();
      return { name: el ? __vlA11y.describe(el) : '', last: !!el && el === all[all.length - 1] };
    })()`)) as { name: string; last: boolean };
    if (step.name) seen.push(step.name);
    if (step.last) break;
  }
  return seen;
}

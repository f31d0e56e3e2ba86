/**
 * The in-page toolbar's two frames (lib/in-page/toolbar.ts): the wide one on a desktop window, the
 * narrow one (three rows) below 592 px, and the stylesheet that enforces them (assets/toolbar.css)
 * says the same query and sizes — else the user-intent checks would refuse every press on a phone.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { NARROW_TOOLBAR_FRAME, NARROW_TOOLBAR_QUERY, TOOLBAR_FRAME, toolbarFrame } from '@/lib/in-page/toolbar';
import type { Frame } from '@/lib/in-page/user-intent';

const css = readFileSync(join(import.meta.dirname, '../../../assets/toolbar.css'), 'utf8');

/** A window of `width` CSS pixels, as matchMedia sees it. */
const windowOf = (width: number) =>
  ({
    matchMedia: (query: string) => ({
      matches: query === NARROW_TOOLBAR_QUERY && width <= 591.98,
      addEventListener: () => undefined,
    }),
  }) as unknown as Window;

/** The :host declarations of a block of the stylesheet. */
function hostRule(block: string): Record<string, string> {
  const body = /:host\s*\{([^}]*)\}/.exec(block)?.[1] ?? '';
  return Object.fromEntries(
    [...body.matchAll(/([a-z-]+):\s*([^;]+?)\s*!important;/g)].map((m) => [m[1]!, m[2]!] as const),
  );
}
const px = (f: Frame) => ({
  width: `${f.width}px`,
  height: `${f.height}px`,
  right: `${f.right}px`,
  bottom: `${f.bottom}px`,
});

describe('the toolbar frame', () => {
  it('wide on a desktop window, narrow at a phone width (360 px, 320 px)', () => {
    expect(toolbarFrame(windowOf(1280))).toBe(TOOLBAR_FRAME);
    expect(toolbarFrame(windowOf(592))).toBe(TOOLBAR_FRAME);
    expect(toolbarFrame(windowOf(360))).toBe(NARROW_TOOLBAR_FRAME);
    expect(toolbarFrame(windowOf(320))).toBe(NARROW_TOOLBAR_FRAME);
  });

  it('the narrow frame fits a 320 px screen, and the wide one does not fit below the breakpoint', () => {
    expect(NARROW_TOOLBAR_FRAME.width + 2 * NARROW_TOOLBAR_FRAME.right).toBeLessThanOrEqual(320);
    expect(TOOLBAR_FRAME.width + 2 * TOOLBAR_FRAME.right).toBe(592);
  });

  it('assets/toolbar.css enforces the same sizes, under the same query', () => {
    const wide = hostRule(css);
    expect({ width: wide.width, height: wide.height, right: wide.right, bottom: wide.bottom }).toEqual(
      px(TOOLBAR_FRAME),
    );
    const media = css.indexOf(`@media ${NARROW_TOOLBAR_QUERY}`);
    expect(media).toBeGreaterThan(0);
    const narrow = hostRule(css.slice(media));
    expect(narrow).toEqual(px(NARROW_TOOLBAR_FRAME));
  });

  it("the inline style names the frame's place and size", () => {
    for (const f of [TOOLBAR_FRAME, NARROW_TOOLBAR_FRAME])
      expect(f.style).toContain(
        `right: ${f.right}px !important; bottom: ${f.bottom}px !important; width: ${f.width}px`,
      );
  });
});

/**
 * The detector (entrypoints/news.content.ts) is built without webextension-polyfill. The project
 * loads the polyfill everywhere (@wxt-dev/webextension-polyfill aliases `wxt/browser` to it), and
 * WXT's content-script wrapper (ContentScriptContext) imports `wxt/browser` for `runtime.id` only;
 * in a script parsed on every page of the news sites the polyfill's ~10 KB were a third of what
 * was parsed (issue 16.4). For that one build `wxt/browser` is WXT's own `@wxt-dev/browser`
 * (`browser` where it exists, else `chrome`), which is all `runtime.id` needs.
 * tests/unit/in-page/detector-size.test.ts checks the built script carries no polyfill.
 */
import type { InlineConfig } from 'vite';

/** The entrypoint built without the polyfill. */
export const DETECTOR_ENTRYPOINT = 'news';

export function detectorWithoutPolyfill(entrypoints: readonly { name: string }[], config: InlineConfig): void {
  if (entrypoints.length !== 1 || entrypoints[0]!.name !== DETECTOR_ENTRYPOINT) return;
  const resolve = (config.resolve ??= {});
  const alias = { find: /^wxt\/browser$/, replacement: '@wxt-dev/browser' };
  const current = resolve.alias ?? {};
  // the first matching entry wins (@rollup/plugin-alias): this one goes ahead of the module's
  resolve.alias = Array.isArray(current)
    ? [alias, ...(current as { find: string | RegExp; replacement: string }[])]
    : [alias, ...Object.entries(current).map(([find, replacement]) => ({ find, replacement: String(replacement) }))];
}

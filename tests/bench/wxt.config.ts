/**
 * The benchmark build: `wxt build --mode bench -c tests/bench/wxt.config.ts`.
 *
 * It is the production configuration (../../wxt.config.ts: same Vite plugins, aliases and
 * minification) plus two bench-only entrypoints that live here, outside `entrypoints/`, so a
 * store build (`wxt build`, `wxt zip`) never sees them:
 *   - bench.html (tests/bench/page): an extension page, for the archive on the extension's
 *     real IndexedDB (chrome-extension:// origin);
 *   - bench-inpage.js (tests/bench/inpage.ts): the cleaning pipeline, the highlighter, Readability
 *     and mark.js, injected into fixture pages (page.addScriptTag) to run on their live documents.
 * The content script is left out of this build so the fixture pages stay pristine. Output goes to
 * .output/bench/, never over the production build in .output/chrome-mv3.
 */
import { resolve } from 'node:path';
import { defineConfig, type UserConfig } from 'wxt';
import base from '../../wxt.config';
import { gazetteerPlugin } from '../../lib/entities/build/vite-plugin'; // relative: see wxt.config.ts

const ROOT = resolve(import.meta.dirname, '../..');
const baseConfig = base as UserConfig;

export default defineConfig({
  ...baseConfig,
  root: ROOT,
  outDir: '.output/bench',
  vite: async (env) => {
    const viteConfig = (typeof baseConfig.vite === 'function' ? await baseConfig.vite(env) : baseConfig.vite) ?? {};
    const plugins = (viteConfig.plugins ?? []).flat();
    // The virtual gazetteer is registered by the production config; add it only if it is not yet.
    const hasGazetteer = plugins.some(
      (p) => p && typeof p === 'object' && 'name' in p && p.name === 'vietlao-gazetteer',
    );
    return {
      ...viteConfig,
      plugins: hasGazetteer ? plugins : [...plugins, gazetteerPlugin({ dir: resolve(ROOT, 'assets/gazetteer') })],
    };
  },
  hooks: {
    ...baseConfig.hooks,
    'entrypoints:found': (wxt, infos) => {
      if (wxt.config.mode !== 'bench')
        throw new Error('tests/bench/wxt.config.ts builds the benchmark only: use --mode bench');
      for (let i = infos.length - 1; i >= 0; i--) if (infos[i]!.type === 'content-script') infos.splice(i, 1);
      infos.push(
        { name: 'bench', inputPath: resolve(import.meta.dirname, './page/index.html'), type: 'unlisted-page' },
        { name: 'bench-inpage', inputPath: resolve(import.meta.dirname, './inpage.ts'), type: 'unlisted-script' },
      );
    },
  },
});

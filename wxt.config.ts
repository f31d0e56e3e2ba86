import { defineConfig } from 'wxt';
import { SUPPORTED_HOST_PATTERNS, SUPPORTED_HOSTS } from './lib/clean/sites/hosts';
import { gazetteerPlugin } from './lib/entities/build/vite-plugin';
import { libraryDomRewrites } from './lib/build/library-dom-rewrites';
import { SYNC_API_PERMISSIONS, SYNC_CONNECT_SOURCES } from './lib/sync/origin';

/**
 * The extension pages' Content Security Policy (popup, reader page, options, and the background):
 * nothing remote by default. Scripts, styles and fonts from the extension only; images from the
 * extension, data: and blob: (the reader page shows a saved article's images only after "Load
 * images", from blob: URLs of bytes the background fetched); no plugins, frames, forms or <base>.
 * connect-src: the extension itself and the supported news sites, for "Load images" (on the
 * user's demand), and the user's own WebDAV server once they connect one (lib/sync/origin.ts:
 * https, or http on this computer only) — README → Privacy.
 */
const EXTENSION_PAGES_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  `connect-src 'self' ${SUPPORTED_HOSTS.flatMap((host) => [`https://${host}`, `https://*.${host}`, `http://${host}`, `http://*.${host}`]).join(' ')} ${SYNC_CONNECT_SOURCES.join(' ')}`,
  "media-src 'none'",
  "object-src 'none'",
  "frame-src 'none'",
  "worker-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

// See https://wxt.dev/api/config.html
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  imports: false, // everything is imported explicitly (`@/lib/...`), nothing auto-imported
  vite: () => ({
    plugins: [libraryDomRewrites(), gazetteerPlugin()], // no innerHTML sinks in the bundled DOMPurify/Readability (AMO lint)
  }),
  manifest: ({ browser, manifestVersion }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'vi',
    // Each permission is explained in README.md → "Permissions".
    // `offscreen`: Chrome only — its service worker has no DOM to sanitise imported HTML in.
    // `alarms`: the sync's schedule and its retries (only once the user connects a server).
    permissions: [
      'alarms',
      'storage',
      'unlimitedStorage',
      'contextMenus',
      'activeTab',
      'scripting',
      ...(browser === 'chrome' ? ['offscreen'] : []),
    ],
    host_permissions: [...SUPPORTED_HOST_PATTERNS],
    // Only the sites the user adds in the options page, one host at a time, when they agree, and
    // the sync server's origin with SYNC_API_PERMISSIONS when they connect one.
    // (MV2 has no optional_host_permissions: there the same patterns are optional_permissions.)
    ...(manifestVersion === 2
      ? { optional_permissions: ['*://*/*', ...SYNC_API_PERMISSIONS] }
      : { optional_permissions: [...SYNC_API_PERMISSIONS], optional_host_permissions: ['*://*/*'] }),
    content_security_policy: manifestVersion === 2 ? EXTENSION_PAGES_CSP : { extension_pages: EXTENSION_PAGES_CSP },
    action: { default_title: '__MSG_extName__' },
    commands: {
      'save-article': {
        suggested_key: { default: 'Alt+Shift+S' },
        description: '__MSG_commandSave__',
      },
    },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'vietlao-reader@vietlao.example',
              strict_min_version: '140.0',
              data_collection_permissions: { required: ['none'] },
            },
            // Firefox for Android: 142 is where it reads data_collection_permissions (and has
            // scripting, storage, alarms, optional permissions); it has no menus and no keyboard
            // commands, which degrade with a word (lib/platform/features.ts, README → Browsers).
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : {}),
  }),
  zip: {
    // The Firefox sources zip is for AMO reviewers: what `npm ci && npm run build:firefox` needs
    // (README → "Rebuild from sources"), no tests, fixtures, test certificates or screenshots.
    excludeSources: [
      'tests/**',
      'assets/screenshots/**',
      'vitest.config.ts',
      'eslint.config.js',
      'bench-results/**',
      '.tools/**',
    ],
  },
});

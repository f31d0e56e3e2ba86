/**
 * Permissions: the BUILT manifests (built here, both browsers) ask for host access to exactly the
 * supported news sites (lib/clean/sites/hosts.ts) and nothing broader at install; content scripts match the
 * same; the one broad pattern is the optional per-site permission of the options page. The
 * extension pages' CSP loads nothing remote: images from the extension, data: and blob: only,
 * requests only to the supported news sites ("Load images"). The Firefox build declares Firefox
 * for Android with the same minimum version as the desktop one (README → Browsers).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { isSupportedHost, SUPPORTED_HOST_PATTERNS } from '@/lib/clean/sites/hosts';
import { SYNC_CONNECT_SOURCES } from '@/lib/sync/origin';
import { ensureBuilt } from '../support/build';

const BROAD = ['<all_urls>', '*://*/*', 'http://*/*', 'https://*/*', 'file:///*', '*://*/'];

interface Manifest {
  manifest_version: number;
  permissions?: string[];
  host_permissions?: string[];
  optional_permissions?: string[];
  optional_host_permissions?: string[];
  content_scripts?: { matches: string[] }[];
  externally_connectable?: unknown;
  web_accessible_resources?: unknown;
  content_security_policy?: unknown;
  browser_specific_settings?: {
    gecko?: { id?: string; strict_min_version?: string };
    gecko_android?: { strict_min_version?: string };
  };
}

describe.each(['chrome', 'firefox'] as const)('the built %s manifest', (browser) => {
  let m: Manifest;
  let out = '';
  beforeAll(() => {
    out = ensureBuilt(browser);
    m = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')) as Manifest;
  }, 240_000);

  it('host access is exactly the supported news sites', () => {
    const hosts =
      browser === 'chrome' ? (m.host_permissions ?? []) : (m.permissions ?? []).filter((p) => p.includes('://'));
    expect([...hosts].sort()).toEqual([...SUPPORTED_HOST_PATTERNS].sort());
    if (browser === 'chrome') expect((m.permissions ?? []).filter((p) => p.includes('://'))).toEqual([]);
  });

  it('nothing broader is granted at install: no <all_urls>, no *://*/* in permissions, host permissions or content scripts', () => {
    const all = [
      ...(m.permissions ?? []),
      ...(m.host_permissions ?? []),
      ...(m.content_scripts ?? []).flatMap((c) => c.matches),
    ];
    for (const p of BROAD) expect(all).not.toContain(p);
    for (const p of all.filter((x) => x.includes('://'))) expect(SUPPORTED_HOST_PATTERNS, p).toContain(p);
  });

  it('the only broad pattern is OPTIONAL (asked per site, at runtime, from the options page) and never <all_urls>', () => {
    const optional = [...(m.optional_permissions ?? []), ...(m.optional_host_permissions ?? [])].filter(
      (p) => p.includes('://') || p === '<all_urls>',
    );
    expect(optional).not.toContain('<all_urls>');
    expect(optional.every((p) => p === '*://*/*')).toBe(true);
  });

  it('no content script is declared (the background injects the reader on article candidates); no page can message the extension', () => {
    // a declared script would run on every page of the news sites, listings too (issue 16.4)
    expect(m.content_scripts ?? []).toEqual([]);
    expect(m.externally_connectable).toBeUndefined();
    expect(m.web_accessible_resources).toBeUndefined();
  });

  it('API permissions are the documented ones', () => {
    expect((m.permissions ?? []).filter((p) => !p.includes('://')).sort()).toEqual([
      'activeTab',
      'alarms', // the sync's schedule and retries (README → Permissions)
      'contextMenus',
      // Chrome only: its service worker has no DOM; imported HTML is sanitised in an offscreen document
      ...(browser === 'chrome' ? ['offscreen'] : []),
      'scripting',
      'storage',
      'unlimitedStorage',
    ]);
  });

  it('the only optional API permission is webRequest, asked with the sync server (its reason for a failed request)', () => {
    const optionalApis = (m.optional_permissions ?? []).filter((p) => !p.includes('://'));
    expect(optionalApis).toEqual(['webRequest']);
    expect(m.permissions ?? []).not.toContain('webRequest');
    expect(m.permissions ?? []).not.toContain('webRequestBlocking');
  });

  it('Firefox declares Android support (gecko_android, 142+: data_collection_permissions); Chrome has no such key', () => {
    if (browser === 'chrome') return void expect(m.browser_specific_settings).toBeUndefined();
    const settings = m.browser_specific_settings;
    expect(settings?.gecko?.strict_min_version).toBe('140.0');
    expect(settings?.gecko_android?.strict_min_version).toBe('142.0');
  });

  it('the offscreen document is built for Chrome only, and only wires the sanitiser', () => {
    expect(existsSync(join(out, 'offscreen.html'))).toBe(browser === 'chrome');
    if (browser !== 'chrome') return;
    const html = readFileSync(join(out, 'offscreen.html'), 'utf8');
    expect(html).toMatch(/<script type="module"[^>]*src="\/chunks\/offscreen-[\w-]+\.js"/);
    expect(html).not.toMatch(/<(iframe|link rel="stylesheet")/);
  });

  it("the extension pages' CSP loads nothing remote: images 'self' data: blob:, scripts 'self', no plugins", () => {
    const csp =
      browser === 'chrome'
        ? (m.content_security_policy as { extension_pages?: string } | undefined)?.extension_pages
        : (m.content_security_policy as string | undefined);
    expect(typeof csp).toBe('string');
    const directives = new Map(
      csp!
        .split(';')
        .map((d) => d.trim().split(/\s+/))
        .filter((d) => d[0])
        .map(([name, ...sources]) => [name!, sources]),
    );
    expect(directives.get('default-src')).toEqual(["'none'"]);
    expect(directives.get('script-src')).toEqual(["'self'"]);
    expect(directives.get('style-src')).toEqual(["'self'"]);
    expect(directives.get('img-src')).toEqual(["'self'", 'data:', 'blob:']);
    expect(directives.get('font-src')).toEqual(["'self'"]);
    expect(directives.get('object-src')).toEqual(["'none'"]);
    expect(directives.get('frame-src')).toEqual(["'none'"]);
    expect(directives.get('base-uri')).toEqual(["'none'"]);
    expect(directives.get('form-action')).toEqual(["'none'"]);
    expect(csp!.replace(/:\*/g, '')).not.toMatch(/unsafe-|\*(?!\.)|wasm/); // a port wildcard only on loopback (below)
    // connect-src: the extension, the supported news sites ("Load images") and the user's WebDAV
    // server (https, or http on this computer only: lib/sync/origin.ts), nothing else
    const [self, ...sources] = directives.get('connect-src')!;
    expect(self).toBe("'self'");
    const sync: readonly string[] = SYNC_CONNECT_SOURCES;
    expect(sources.filter((s) => sync.includes(s))).toEqual(sync);
    const remote = sources.filter((s) => !sync.includes(s));
    expect(remote.length).toBeGreaterThan(0);
    for (const source of remote) {
      const m = /^https?:\/\/(?:\*\.)?([a-z0-9.-]+)$/.exec(source);
      expect(m, source).not.toBeNull();
      expect(isSupportedHost(m![1]!), source).toBe(true);
    }
  });
});

/**
 * The news sites the extension cleans automatically: the hosts of the site rules, nothing
 * written twice. These are the only hosts the extension holds permission for (README →
 * Permissions, the options page's list, the manifest: `tests/unit/clean/sites/hosts.test.ts`
 * checks all three); every other site is cleaned on demand through `activeTab`.
 *
 * wxt.config.ts reads it at build time, so the rules it imports stay pure data.
 */
import { SITE_RULES } from './index';

export const SUPPORTED_HOSTS: readonly string[] = SITE_RULES.flatMap((rule) => rule.hosts);

/** Match patterns for the manifest and the content script: the host and its subdomains. */
export const SUPPORTED_HOST_PATTERNS: string[] = SUPPORTED_HOSTS.flatMap((host) => [
  `*://${host}/*`,
  `*://*.${host}/*`,
]);

export function isSupportedHost(hostname: string): boolean {
  const h = hostname.toLowerCase().replace(/\.$/, '');
  return SUPPORTED_HOSTS.some((host) => h === host || h.endsWith(`.${host}`));
}

/** An http(s) address on a supported host with no user name or password in it (`https://nhandan.vn@evil.example/` is not). */
export function isSupportedUrl(url: string): boolean {
  if (!URL.canParse(url)) return false;
  const u = new URL(url);
  return /^https?:$/.test(u.protocol) && !u.username && !u.password && isSupportedHost(u.hostname);
}

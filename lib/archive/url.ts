/** Canonical URLs: one key per article whatever link, AMP page or tracking tag led to it. */
import { getDomain } from 'tldts';

/** Query parameters that only track a visit and never change the page. */
const TRACKING_PARAMS = new Set([
  'fbclid',
  'gclid',
  'dclid',
  'gbraid',
  'wbraid',
  'msclkid',
  'yclid',
  'twclid',
  'igshid',
  'ttclid',
  'zarsrc',
  'mc_cid',
  'mc_eid',
  'ref',
  'ref_src',
  'ref_url',
  'referrer',
  '_ga',
  '_gl',
  '_hsenc',
  '_hsmi',
  'mkt_tok',
  'vero_id',
  'spm',
  'share',
  'amp',
  'gidzl',
  'mibextid',
  'si',
]);
const TRACKING_PREFIXES = ['utm_', 'zalo_', 'pk_', 'mtm_', 'hsa_', 'oly_'];
/** Host prefixes that serve the same article: www, mobile and AMP hosts. */
const HOST_PREFIX = /^(?:www\d*|m|mobile|amp)\./;

function isTracking(name: string): boolean {
  const n = name.toLowerCase();
  return TRACKING_PARAMS.has(n) || TRACKING_PREFIXES.some((p) => n.startsWith(p));
}

function canonicalPath(pathname: string): string {
  const segments = pathname.split('/').filter((s) => s !== '' && s.toLowerCase() !== 'amp');
  const last = segments.length - 1;
  if (last >= 0) segments[last] = segments[last]!.replace(/\.amp(?=\.html?$|$)/i, '');
  return `/${segments.join('/')}`;
}

/**
 * The canonical form of an article URL: https, lower-case host without www./m./amp., no AMP
 * variant, fragment, trailing slash or tracking parameters, remaining parameters sorted.
 * Throws a TypeError when the URL is not an absolute http(s) URL.
 */
export function canonicalizeUrl(url: string): string {
  const parsed = new URL(url.trim());
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    throw new TypeError(`Not a web page URL: ${url}`);
  }
  parsed.protocol = 'https:';
  parsed.hostname = parsed.hostname.toLowerCase().replace(/\.$/, '').replace(HOST_PREFIX, '');
  parsed.port = parsed.port === '80' || parsed.port === '443' ? '' : parsed.port;
  parsed.username = '';
  parsed.password = '';
  parsed.hash = '';
  parsed.pathname = canonicalPath(parsed.pathname);
  const kept = [...parsed.searchParams].filter(
    ([name, value]) => !isTracking(name) && !(name.toLowerCase() === 'outputtype' && value === 'amp'),
  );
  kept.sort(([a, av], [b, bv]) => (a < b ? -1 : a > b ? 1 : av < bv ? -1 : av > bv ? 1 : 0));
  parsed.search = new URLSearchParams(kept).toString();
  const out = parsed.toString();
  return parsed.pathname === '/' && parsed.search === '' ? out.replace(/\/$/, '') : out;
}

/** canonicalizeUrl, or null when the URL cannot be parsed. */
export function tryCanonicalizeUrl(url: string): string | null {
  try {
    return canonicalizeUrl(url);
  } catch {
    return null;
  }
}

/**
 * The registrable domain of a host ("eTLD+1": `antv.gov.vn` for `m.antv.gov.vn`, `thoidai.com.vn`
 * for `www.thoidai.com.vn`, `nhandan.vn` for `nhandan.vn`), from the Public Suffix List as the
 * `tldts` package ships it — private suffixes included, so two sites on one hosting suffix
 * (`a.github.io`, `b.github.io`) are two sites. An IP address, `localhost` or a bare suffix has
 * no registrable domain: the host itself stands for it (it only matches itself).
 */
export function registrableDomain(host: string): string {
  const h = host.toLowerCase().replace(/\.$/, '');
  return getDomain(h, { allowPrivateDomains: true }) ?? h;
}

/** Do two web addresses belong to the same site (same registrable domain)? False when either does not parse. */
export function sameSite(a: string, b: string): boolean {
  try {
    return registrableDomain(new URL(a).hostname) === registrableDomain(new URL(b).hostname);
  } catch {
    return false;
  }
}

/**
 * The identity (archive key) of the article shown in a tab: the canonical form of the tab's own
 * address, or of the page's `<link rel=canonical>` when that names the same site (its mobile
 * host, AMP path or desktop form). A page cannot name another site's article as its identity:
 * its claim is then ignored and the tab's address is the key. Throws a TypeError when the tab's
 * address is not an http(s) URL.
 */
export function articleIdentity(tabUrl: string, claimedCanonical: string | null | undefined): string {
  const own = canonicalizeUrl(tabUrl);
  const claimed = claimedCanonical ? tryCanonicalizeUrl(claimedCanonical) : null;
  return claimed && sameSite(own, claimed) ? claimed : own;
}

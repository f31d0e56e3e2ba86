/** Canonical URLs: one key per article whatever link, AMP page or tracking tag led to it. */

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

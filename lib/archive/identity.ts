/**
 * Which site an address belongs to, and so which article a tab shows. Kept apart from ./url (and
 * out of the archive's index) because the Public Suffix List it reads is large: only the
 * background, which decides identities, bundles it — not the popup, the reader page or the
 * content scripts.
 */
import { getDomain } from 'tldts';
import { canonicalizeUrl, tryCanonicalizeUrl } from './url';

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

/**
 * Tracking pixels: images that show nothing and exist to tell a server that the article was
 * read (1×1 GIFs, analytics beacons). They are dropped whenever article HTML is sanitised
 * (lib/html/sanitize.ts), so a saved copy never carries one: not at save time, not from an
 * imported file, not from an archive saved before this rule.
 *
 * An image is a pixel when its width or height attribute is at most 1 (px), or its address is a
 * known beacon: an analytics host, or a file named like a pixel or spacer.
 */

/** Hosts (and their subdomains) that serve beacons, never article photos. */
const BEACON_HOSTS = [
  'google-analytics.com',
  'googletagmanager.com',
  'doubleclick.net',
  'googlesyndication.com',
  'scorecardresearch.com',
  'quantserve.com',
  'bat.bing.com',
  'analytics.twitter.com',
  'ads-twitter.com',
  'px.ads.linkedin.com',
  'ct.pinterest.com',
  'analytics.tiktok.com',
  'mc.yandex.ru',
  'top-fwz1.mail.ru',
  'statcounter.com',
  'histats.com',
  'pixel.wp.com',
  'stats.wp.com',
  'hotjar.com',
  // Vietnamese ad and analytics networks
  'admicro.vn',
  'eclick.vn',
  'ants.vn',
];

/** Paths of beacons and spacers on any host: /tr?…, /collect?…, __utm.gif, pixel.gif, 1x1.png, spacer.gif… */
const BEACON_PATHS = [
  /^\/tr\/?$/i, // facebook.com/tr and its imitators
  /\/collect$/i, // Google Analytics measurement protocol
  /(?:^|\/)__?utm\.gif$/i,
  /(?:^|[/_.-])(?:pixel|beacon|1x1|spacer|blank|transparent|clear)\.(?:gif|png|jpe?g|webp)$/i,
  /\/(?:pixel|beacon|tracking|track|impression)(?:\/|$)/i,
];

/** A width or height attribute of at most one pixel ("0", "1", "1px", " 1 "); percentages and others are not. */
function atMostOnePixel(value: string | null): boolean {
  const m = value === null ? null : /^\s*(\d+(?:\.\d+)?)\s*(?:px)?\s*$/i.exec(value);
  return m !== null && Number(m[1]) <= 1;
}

/** Whether `url` (absolute) is a known beacon address. */
export function isBeaconUrl(url: string): boolean {
  if (!URL.canParse(url)) return false;
  const { hostname, pathname } = new URL(url);
  const host = hostname.toLowerCase();
  if (BEACON_HOSTS.some((h) => host === h || host.endsWith(`.${h}`))) return true;
  return BEACON_PATHS.some((p) => p.test(pathname));
}

/** Whether this `<img>` is a tracking pixel (by its size attributes or its address). */
export function isTrackingPixel(img: Element): boolean {
  if (atMostOnePixel(img.getAttribute('width')) || atMostOnePixel(img.getAttribute('height'))) return true;
  const src = img.getAttribute('src');
  return src !== null && isBeaconUrl(src);
}

/**
 * The news sites the extension cleans automatically. These are the only hosts the
 * extension holds permission for (README → Permissions); every other site is cleaned
 * on demand through `activeTab`.
 *
 * Kept free of imports: wxt.config.ts reads it at build time.
 */
export const SUPPORTED_HOSTS = [
  'antv.gov.vn',
  'thoidai.com.vn',
  'baoquocte.vn',
  'cand.com.vn',
  'cand.vn',
  'nhandan.vn',
  'vietnamplus.vn',
  'vovworld.vn',
  'qdnd.vn',
  'dangcongsan.vn',
  'baochinhphu.vn',
  'vov.vn',
  'bocongan.gov.vn',
  'bienphong.com.vn',
] as const;

/** Match patterns for the manifest and the content script: the host and its subdomains. */
export const SUPPORTED_HOST_PATTERNS: string[] = SUPPORTED_HOSTS.flatMap((host) => [
  `*://${host}/*`,
  `*://*.${host}/*`,
]);

export function isSupportedHost(hostname: string): boolean {
  const h = hostname.toLowerCase().replace(/\.$/, '');
  return SUPPORTED_HOSTS.some((host) => h === host || h.endsWith(`.${host}`));
}

/**
 * Which server addresses sync accepts, and the one permission each needs. Sync sends the user's
 * app password with every request (HTTP Basic), so it goes over https only — plain http only to
 * this computer (localhost, 127.0.0.1), where nothing crosses a network. The extension
 * pages' Content Security Policy (wxt.config.ts) allows exactly these: SYNC_CONNECT_SOURCES.
 */
export const SYNC_CONNECT_SOURCES = ['https:', 'http://localhost:*', 'http://127.0.0.1:*'] as const;

/**
 * The API permission asked together with the server's origin when the user connects (and given
 * back on disconnect): the browser's reason for a failed request, so a TLS failure is told apart
 * from an unreachable server (./network-failure.ts). Limited to the granted origins.
 */
export const SYNC_API_PERMISSIONS = ['webRequest'] as const;

/** (CSP has no source for an IPv6 literal: http://[::1] is not offered.) */
const LOOPBACK = new Set(['localhost', '127.0.0.1']);

export type ServerUrlCheck =
  { ok: true; url: string; origin: string; permission: string } | { ok: false; code: 'bad-url' | 'insecure' };

/**
 * The user's server address checked: `url` normalised (trailing slash), `permission` the match
 * pattern of its origin (patterns carry no port: one host, every port), for permissions.request.
 */
export function checkServerUrl(input: string): ServerUrlCheck {
  let u: URL;
  try {
    u = new URL(input.trim());
  } catch {
    return { ok: false, code: 'bad-url' };
  }
  if (u.username || u.password || u.search || u.hash) return { ok: false, code: 'bad-url' };
  if (u.protocol !== 'https:' && !(u.protocol === 'http:' && LOOPBACK.has(u.hostname))) {
    return { ok: false, code: u.protocol === 'http:' ? 'insecure' : 'bad-url' };
  }
  const url = u.href.endsWith('/') ? u.href : `${u.href}/`;
  return { ok: true, url, origin: u.origin, permission: `${u.protocol}//${u.hostname}/*` };
}

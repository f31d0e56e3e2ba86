/**
 * Which sites are cleaned automatically: every supported news site unless the user turned it
 * off, plus the sites the user added in the options page (each with its own optional host
 * permission). Stored with WXT's storage wrapper, versioned.
 */
import { storage } from 'wxt/utils/storage';
import { SUPPORTED_HOSTS, isSupportedHost } from '@/lib/clean/sites/hosts';

export interface SiteSettings {
  /** Supported or added hosts the user does not want cleaned automatically. */
  disabled: string[];
  /** Hosts the user added for automatic cleaning (with their granted permission). */
  added: string[];
}

export const siteSettings = storage.defineItem<SiteSettings>('local:siteSettings', {
  fallback: { disabled: [], added: [] },
  version: 1,
});

const matchesHost = (hostname: string, host: string) => hostname === host || hostname.endsWith(`.${host}`);

/** Should the content script clean this page as soon as it loads? */
export function autoCleans(hostname: string, settings: SiteSettings): boolean {
  const h = hostname.toLowerCase().replace(/^www\./, '');
  if (settings.disabled.some((d) => matchesHost(h, d))) return false;
  return isSupportedHost(h) || settings.added.some((a) => matchesHost(h, a));
}

/** "https://www.Example.com/path" or "example.com" → "example.com"; null when it is not a host name. */
export function normalizeHostInput(input: string): string | null {
  const raw = input.trim().toLowerCase();
  if (!raw) return null;
  let host: string;
  try {
    host = new URL(/^[a-z]+:\/\//.test(raw) ? raw : `https://${raw}`).hostname;
  } catch {
    return null;
  }
  host = host.replace(/^www\./, '');
  if (!/^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,}$/.test(host)) return null;
  return host;
}

/** Match patterns for one added host (the host and its subdomains). */
export function originsFor(host: string): string[] {
  return [`*://${host}/*`, `*://*.${host}/*`];
}

export { SUPPORTED_HOSTS };

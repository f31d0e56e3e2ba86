/**
 * Why the browser got no answer from the server. A failed fetch says only "Failed to fetch" /
 * "NetworkError when attempting to fetch resource" — the same words for a wrong port, no network
 * and a certificate the browser does not trust. The browser's own reason reaches the extension
 * through `webRequest.onErrorOccurred` (an optional permission asked with the server's origin when
 * the user connects, and limited to that origin by the host permission): Chromium names it
 * `net::ERR_CERT_*` / `net::ERR_SSL_*`. Firefox names a network failure by its `NS_ERROR_*` code
 * but a certificate or TLS failure by the security error's sentence in the browser's language
 * ("Chứng chỉ này không đáng tin vì nó được tự kí.", seen from ESR 140 on a self-signed server),
 * or by its `SEC_ERROR_*` / `SSL_ERROR_*` / `MOZILLA_PKIX_ERROR_*` code: so on an https address,
 * anything that is not a network code is taken as TLS. Without the permission, a TLS failure
 * stays "unreachable".
 */
import { browser } from 'wxt/browser';
import { SyncError } from './errors';
import { checkServerUrl } from './origin';

/** The browsers' names of a TLS failure (certificate, handshake, protocol). */
const TLS_FAILURE = /^(net::ERR_(CERT_|SSL_|BAD_SSL_|CERTIFICATE_)|SEC_ERROR_|SSL_ERROR_|MOZILLA_PKIX_ERROR_)/;

/** The browsers' codes of a failure that is not TLS (no network, a refused port, no such host…). */
const NETWORK_CODE = /^(net::ERR_|NS_ERROR_|NS_BINDING_)/;

/** Is this webRequest error, for a request to `url`, a TLS failure rather than a network one? */
export const isTlsFailure = (error: string, url: string): boolean =>
  TLS_FAILURE.test(error) || (url.startsWith('https:') && !NETWORK_CODE.test(error));

/** How long an "unreachable" waits for the browser's reason, which may come just after the fetch failed. */
const REASON_WAIT_MS = 300;

type ErrorEvent = { url: string; error: string };

/**
 * Run `work`, which talks to the server at `serverUrl`; an "unreachable" it throws becomes 'tls'
 * when the browser reported a TLS failure for that origin meanwhile.
 */
export async function withNetworkReasons<T>(serverUrl: string, work: () => Promise<T>): Promise<T> {
  const events = browser.webRequest?.onErrorOccurred;
  const checked = checkServerUrl(serverUrl);
  // the permission is not granted (or the browser lacks the API), or the address is not one sync takes
  if (!events || !checked.ok) return work();
  const seen: ErrorEvent[] = [];
  const listener = (details: ErrorEvent) => void seen.push(details);
  events.addListener(listener, { urls: [checked.permission] });
  try {
    return await work();
  } catch (error) {
    if (!(error instanceof SyncError) || error.code !== 'unreachable') throw error;
    if (!seen.length) await new Promise((resolve) => setTimeout(resolve, REASON_WAIT_MS));
    const tls = seen.find((e) => isTlsFailure(e.error, e.url));
    if (tls)
      throw new SyncError(
        'tls',
        `${error.message}: the browser does not trust the server's certificate (${tls.error})`,
      );
    throw error;
  } finally {
    events.removeListener(listener);
  }
}

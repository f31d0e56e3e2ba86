/**
 * Why a sync or a connection test failed, as a code the options page and the popup put in words
 * (`syncError_<code>` in public/_locales). Every failure of the server or the network becomes one
 * of these; nothing else leaves lib/sync/.
 */
export type SyncErrorCode =
  /** 401: the user name or app password is wrong. */
  | 'auth'
  /** 403 on a write: the share is read-only (pulls still work). */
  | 'read-only'
  /** 404 on the address the user gave: no such folder. */
  | 'no-folder'
  /** The server answered, but not as a WebDAV server (no multistatus, 405/501 on PROPFIND). */
  | 'not-webdav'
  /** No answer: offline, wrong host or port (or a TLS failure the browser did not name: ./network-failure.ts). */
  | 'unreachable'
  /** The TLS connection failed: a certificate the browser does not trust, or no common protocol (./network-failure.ts). */
  | 'tls'
  /** 5xx or another unexpected status. */
  | 'server'
  /** The folder was written by a newer version of the extension (its index says so). */
  | 'newer-format'
  /** The extension may not reach the server's origin (the permission was removed). */
  | 'permission'
  /** Another client holds the folder's lock (servers without conditional requests: ./lock.ts). */
  | 'busy'
  /** The address is not a WebDAV URL the extension accepts (./origin.ts). */
  | 'bad-url'
  /** Plain http to another computer: the password would cross the network in clear (./origin.ts). */
  | 'insecure';

export class SyncError extends Error {
  constructor(
    readonly code: SyncErrorCode,
    message: string,
    /** The HTTP status behind it, when there was one. */
    readonly status?: number,
  ) {
    super(message);
    this.name = 'SyncError';
  }
}

/** The HTTP status of an error the webdav client threw, if any. */
export function statusOf(error: unknown): number | undefined {
  if (typeof error === 'object' && error !== null) {
    const status = (error as { status?: unknown; response?: { status?: unknown } }).status;
    if (typeof status === 'number') return status;
    const response = (error as { response?: { status?: unknown } }).response;
    if (response && typeof response.status === 'number') return response.status;
  }
  return undefined;
}

/** A failure of a request to `what`, as a SyncError (what the user can act on). */
export function toSyncError(error: unknown, what: string): SyncError {
  if (error instanceof SyncError) return error;
  const status = statusOf(error);
  const text = error instanceof Error ? error.message : String(error);
  if (status === undefined) {
    if (/multistatus|xml|parse/i.test(text))
      return new SyncError('not-webdav', `${what}: not a WebDAV answer (${text})`);
    return new SyncError('unreachable', `${what}: no answer from the server (${text})`);
  }
  if (status === 401)
    return new SyncError('auth', `${what}: the server refused the user name or password (401)`, status);
  if (status === 403) return new SyncError('read-only', `${what}: the server refuses writes here (403)`, status);
  if (status === 404) return new SyncError('no-folder', `${what}: no such folder on the server (404)`, status);
  if (status === 405 || status === 501)
    return new SyncError('not-webdav', `${what}: the server does not speak WebDAV (${status})`, status);
  return new SyncError('server', `${what}: the server answered ${status}`, status);
}

/** The answer to a connection test or a connect. */
export type SyncCheck = { ok: true } | { ok: false; code: SyncErrorCode; message: string };

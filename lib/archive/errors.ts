/** Typed errors of the archive layer. */

export type ArchiveErrorCode = 'quota' | 'storage' | 'invalid';

/** A failed archive write or read; `code` says whether the disk is full or storage failed. */
export class ArchiveError extends Error {
  override readonly name = 'ArchiveError';
  constructor(
    readonly code: ArchiveErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

function errorName(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null || !('name' in error)) return undefined;
  return typeof error.name === 'string' ? error.name : undefined;
}

/** True when the error, or one it wraps (Dexie `inner`, `cause`), is a QuotaExceededError. */
export function isQuotaError(error: unknown, depth = 0): boolean {
  if (depth > 5 || typeof error !== 'object' || error === null) return false;
  if (errorName(error) === 'QuotaExceededError') return true;
  const inner = 'inner' in error ? error.inner : undefined;
  const cause = 'cause' in error ? error.cause : undefined;
  return isQuotaError(inner, depth + 1) || isQuotaError(cause, depth + 1);
}

/** Wrap any storage failure as an ArchiveError (ArchiveErrors pass through). */
export function toArchiveError(error: unknown, action: string): ArchiveError {
  if (error instanceof ArchiveError) return error;
  if (isQuotaError(error)) {
    return new ArchiveError(
      'quota',
      `Could not ${action}: the browser's storage for the archive is full. Delete some saved articles or free disk space, then try again.`,
      { cause: error },
    );
  }
  const detail = error instanceof Error ? error.message : String(error);
  return new ArchiveError(
    'storage',
    `Could not ${action}: the archive storage failed (${detail}). Nothing was changed.`,
    { cause: error },
  );
}

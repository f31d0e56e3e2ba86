/**
 * An archive file's text arriving in parts: the popup reads the file and sends it in parts of at
 * most MAX_MESSAGE_CHARS characters (lib/messaging.ts splitForMessages; Chrome refuses messages
 * over 64 MiB), each under the upload's random id; the background puts them back together here
 * before importing. An upload not finished within UPLOAD_TTL_MS is dropped.
 */
import { MAX_MESSAGE_CHARS } from '@/lib/limits';
import type { ImportPart } from '@/lib/messaging';

export const UPLOAD_TTL_MS = 10 * 60_000;

interface Upload {
  parts: string[];
  touched: number;
}

export interface ImportUploads {
  /** Keep one part; false when the part is malformed. */
  receive(part: unknown, now?: number): boolean;
  /** The whole text of `upload` once its `parts` parts are all there (and forget it), else null. */
  take(upload: unknown, parts: unknown, now?: number): string | null;
}

const isPart = (v: unknown): v is ImportPart => {
  if (!v || typeof v !== 'object') return false;
  const p = v as Record<string, unknown>;
  return (
    typeof p.upload === 'string' &&
    p.upload.length > 0 &&
    p.upload.length <= 100 &&
    typeof p.index === 'number' &&
    Number.isSafeInteger(p.index) &&
    p.index >= 0 &&
    typeof p.text === 'string' &&
    p.text.length <= MAX_MESSAGE_CHARS
  );
};

export function createImportUploads(): ImportUploads {
  const uploads = new Map<string, Upload>();
  const prune = (now: number) => {
    for (const [id, u] of uploads) if (now - u.touched > UPLOAD_TTL_MS) uploads.delete(id);
  };
  return {
    receive(part, now = Date.now()) {
      prune(now);
      if (!isPart(part)) return false;
      const upload = uploads.get(part.upload) ?? { parts: [], touched: now };
      if (part.index > upload.parts.length) return false; // parts come in order, one after another
      upload.parts[part.index] = part.text;
      upload.touched = now;
      uploads.set(part.upload, upload);
      return true;
    },
    take(id, parts, now = Date.now()) {
      prune(now);
      if (typeof id !== 'string' || typeof parts !== 'number') return null;
      const upload = uploads.get(id);
      uploads.delete(id);
      if (!upload || upload.parts.length !== parts) return null;
      return upload.parts.join('');
    },
  };
}

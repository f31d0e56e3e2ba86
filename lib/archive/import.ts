/**
 * Importing an archive file: validate every field, sanitise every body (with the sanitiser the
 * caller provides: the background's sanitizeBodies, lib/background/sanitize-host.ts, the same in
 * both browsers), then merge by canonical URL in chunks, keeping what is needed to undo it — and to
 * take it back whole when it is cancelled or a chunk fails.
 */
import type { ArchiveDb } from './db';
import { toArchiveError } from './errors';
import type { ExportedArticle, PersonalData } from './file-format';
import { articleIdFor, contentHash } from './hash';
import { ImportError, importErrorFrom, parseError, sanitizeError } from './import-error';
import { buildRows } from './rows';
import { articleTables, storeMany, type RowsToStore } from './store-rows';
import { TallyBatch } from './tallies';
import type { EntityNameRow } from './store-rows';
import type { ArticleRecord } from './types';
import { canonicalizeUrl } from './url';
import { Invalid, readArchiveFile } from './import-validation';
import { undoImport, type ImportChange, type ImportUndo } from './import-undo';
import { clearJournal, journalChunk } from './import-journal';

/**
 * Sanitises article bodies with lib/html/sanitize.ts sanitizeHtml, one result per input, in order
 * (asynchronous: in Chrome the background's DOM is an offscreen document).
 */
export type BodySanitizer = (htmls: readonly string[]) => Promise<string[]>;

export interface ImportResult {
  added: number;
  /** Stored copies replaced by a newer one from the file. */
  updated: number;
  skipped: number;
  /** What undoImport needs to take this import back. */
  undo: ImportUndo;
  /** The file's `personal` object (schema version 3), for the caller to store. */
  personal?: PersonalData;
}

interface Prepared {
  record: ArticleRecord;
  fallbackId: string;
}

function parse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw parseError(text, error);
  }
}

async function prepare(a: ExportedArticle, index: number, contentHtml: string): Promise<Prepared> {
  let canonicalUrl: string;
  try {
    canonicalUrl = canonicalizeUrl(a.canonicalUrl);
  } catch {
    throw importErrorFrom(new Invalid('invalid', ['articles', index, 'canonicalUrl'], 'is not a valid http(s) URL'));
  }
  const entities = a.entities.map((e) => ({
    ...e,
    mentions: e.mentions.map((m) => ({
      start: m.start,
      end: m.end,
      surface: m.surface,
      entityId: e.id,
      type: m.type,
      // A spelling linked by pronunciation is no listed spelling, whatever its entity is.
      listed: e.listed && m.confidence === undefined,
      ...(m.title === undefined ? {} : { title: m.title }),
      ...(m.confidence === undefined ? {} : { confidence: m.confidence }),
    })),
  }));
  const record: ArticleRecord = {
    ...a,
    canonicalUrl,
    contentHtml,
    contentHash: await contentHash(a.title, a.lead, a.text),
    entities,
  };
  return { record, fallbackId: await articleIdFor(canonicalUrl) };
}

/**
 * Bodies handed to the sanitiser at once: the checking count moves (sanitising is most of the
 * checking: ~15 ms a body in Chrome's offscreen document), and a cancel is heard, between two.
 */
export const SANITIZE_SLICE = 500;

/** Every body sanitised, one for one; a sanitiser that fails or loses a body refuses the import. */
async function sanitizeAll(
  articles: readonly ExportedArticle[],
  sanitize: BodySanitizer,
  onChecked: ImportOptions['onChecked'],
  stopIfCancelled: () => void,
): Promise<string[]> {
  const bodies: string[] = [];
  onChecked?.(0, articles.length);
  for (let at = 0; at < articles.length; at += SANITIZE_SLICE) {
    stopIfCancelled();
    const slice = articles.slice(at, at + SANITIZE_SLICE);
    let out: string[];
    try {
      out = await sanitize(slice.map((a) => a.contentHtml));
    } catch (error) {
      throw sanitizeError(error);
    }
    if (out.length !== slice.length || out.some((b) => typeof b !== 'string'))
      throw sanitizeError(new Error(`${out.length} bodies came back for ${slice.length} articles`));
    bodies.push(...out);
    onChecked?.(bodies.length, articles.length);
  }
  return bodies;
}

/**
 * Articles written per transaction: each is one short write, so a save, or the popup reading the
 * archive, waits for one chunk, not the whole import. (At ~70 ms an article in Chromium — the
 * search words of ~8 KB of text — 200 made the popup wait ~14 s to open during an import.)
 */
export const IMPORT_CHUNK = 50;

/**
 * What the import is doing: reading, validating and sanitising the file; writing it (with
 * onProgress); taking back what it wrote (cancelled, or a chunk failed).
 */
export type ImportPhase = 'checking' | 'writing' | 'rolling-back';

export interface ImportOptions {
  /** Told once writing starts (0 of `total`) and after each chunk: `done` of `total` articles written (or skipped). */
  onProgress?: (done: number, total: number) => void;
  /** Told while checking: `done` of `total` articles of the file validated and sanitised. */
  onChecked?: (done: number, total: number) => void;
  onPhase?: (phase: ImportPhase) => void;
  /**
   * Aborting it stops the import at the next step (before writing, or between two chunks) and
   * takes back what was written — also when it comes while the last chunk is written.
   */
  signal?: AbortSignal;
  /**
   * Runs each write (a chunk, the rollback) in the caller's write queue (the background's
   * `serialize`): another writer — a save — waits for one chunk, not for the whole import.
   */
  queue?: <T>(write: () => Promise<T>) => Promise<T>;
}

const unqueued = <T>(write: () => Promise<T>): Promise<T> => write();

const cancelled = (): ImportError =>
  new ImportError({
    code: 'cancelled',
    message: 'The import was cancelled; the archive is unchanged.',
    messageVi: 'Đã huỷ nhập; kho lưu trữ không thay đổi.',
  });

/** The rollback failed too: say what stays, not "nothing was imported". */
function notTakenBack(failure: ImportError, undo: ImportUndo, error: unknown): ImportError {
  const n = undo.changes.length;
  const why =
    failure.code === 'cancelled' ? 'it was cancelled' : failure.message.replace(/ Nothing was imported\.$/, '');
  const whyVi = failure.code === 'cancelled' ? 'đã huỷ' : failure.messageVi.replace(/ Chưa nhập gì\.$/, '');
  return new ImportError({
    code: 'storage',
    message: `The import stopped (${why}) and could not be taken back yet: ${n} articles of the file stay in the archive until the extension starts again, which takes them back.`,
    messageVi: `Việc nhập đã dừng (${whyVi}) nhưng chưa hoàn tác được: ${n} bài của tệp còn trong kho cho đến khi tiện ích khởi động lại và gỡ chúng.`,
    cause: error,
  });
}

function storageError(error: unknown): ImportError {
  const archiveError = toArchiveError(error, 'import the archive');
  return new ImportError({
    code: archiveError.code === 'quota' ? 'quota' : 'storage',
    message: `${archiveError.message.replace(/ Nothing was changed\.$/, '')} Nothing was imported.`,
    messageVi:
      archiveError.code === 'quota'
        ? 'Bộ nhớ của trình duyệt đã đầy. Chưa nhập gì.'
        : 'Lỗi bộ nhớ lưu trữ. Chưa nhập gì.',
    cause: error,
  });
}

/**
 * Write one chunk in one transaction; its changes (and the entity names as they were before the
 * import, first sight only: `named`) are appended to `result` only once it committed. The same
 * transaction journals them (./import-journal.ts) — or, for the last chunk, forgets the journal.
 */
async function writeChunk(
  db: ArchiveDb,
  chunk: readonly Prepared[],
  result: ImportResult,
  named: Set<string>,
  at: { index: number; last: boolean },
): Promise<void> {
  const changes: ImportChange[] = [];
  const names: { id: string; previous: EntityNameRow | null }[] = [];
  const counts = { added: 0, updated: 0, skipped: 0 };
  await db.transaction('rw', articleTables(db), async () => {
    changes.length = names.length = 0;
    counts.added = counts.updated = counts.skipped = 0;
    const existing = await Promise.all(
      chunk.map(({ record }) => db.articles.where('canonicalUrl').equals(record.canonicalUrl).first()),
    );
    const taken = await db.articles.bulkGet(chunk.map(({ record }) => record.id));
    const items: RowsToStore[] = [];
    const previousBodies = await db.bodies.bulkGet(existing.map((e) => e?.id ?? ''));
    const previousFacts = await db.facts.bulkGet(existing.map((e) => e?.id ?? ''));
    for (const [i, { record, fallbackId }] of chunk.entries()) {
      const stored = existing[i];
      if (stored && Date.parse(record.updatedAt) <= Date.parse(stored.updatedAt)) {
        counts.skipped += 1;
        continue;
      }
      const id = stored?.id ?? (taken[i] ? fallbackId : record.id);
      const { row, body } = buildRows({ ...record, id });
      const imported = { id, updatedAt: row.updatedAt, contentHash: row.contentHash };
      const matchedWith = previousFacts[i]?.matchedWith;
      changes.push(
        stored
          ? {
              kind: 'replaced',
              imported,
              previous: { row: stored, body: previousBodies[i] ?? null, ...(matchedWith ? { matchedWith } : {}) },
            }
          : { kind: 'added', imported },
      );
      items.push({ row, body });
      counts[stored ? 'updated' : 'added'] += 1;
    }
    const tombstones = await db.tombstones.bulkGet(items.map((x) => x.row.id));
    for (const [i, change] of changes.entries()) {
      const tombstone = tombstones[i];
      if (change.kind === 'added' && tombstone) change.tombstone = tombstone;
    }
    const nameIds = [...new Set(items.flatMap((x) => (x.body?.entities ?? []).map((e) => e.id)))].filter(
      (id) => !named.has(id),
    );
    const previousNames = await db.entityNames.bulkGet(nameIds);
    for (const [i, id] of nameIds.entries()) names.push({ id, previous: previousNames[i] ?? null });
    const tallies = new TallyBatch(db);
    await storeMany(db, items, { batch: tallies });
    await tallies.flush();
    if (at.last) await clearJournal(db);
    else await journalChunk(db, at.index, changes, names);
  });
  result.undo.changes.push(...changes);
  (result.undo.names ??= []).push(...names);
  for (const { id } of names) named.add(id);
  result.added += counts.added;
  result.updated += counts.updated;
  result.skipped += counts.skipped;
}

/**
 * The prepared records cut into chunks; a chunk ends before a record whose canonical URL or id is
 * already in it (a file naming one page twice: the second copy is merged with the first once
 * that one is written).
 */
function chunksOf(prepared: readonly Prepared[]): Prepared[][] {
  const out: Prepared[][] = [];
  let chunk: Prepared[] = [];
  let seen = new Set<string>();
  for (const p of prepared) {
    const keys = [p.record.canonicalUrl, p.record.id, p.fallbackId];
    if (chunk.length >= IMPORT_CHUNK || keys.some((k) => seen.has(k))) {
      out.push(chunk);
      chunk = [];
      seen = new Set();
    }
    chunk.push(p);
    for (const k of keys) seen.add(k);
  }
  if (chunk.length) out.push(chunk);
  return out;
}

/**
 * Import a `vietlao-reader-archive` file. Every article is validated first; on any problem
 * an ImportError is thrown and nothing is written. Every body goes through `sanitize`. Valid
 * files merge by canonical URL, IMPORT_CHUNK articles per transaction: a newer updatedAt replaces
 * the stored copy (kept in the result's `undo`), an equal or older one is skipped. Fully imported
 * or untouched: a chunk that fails (a full disk) or a cancel takes back the chunks already written
 * (undoImport, exact: every table as it was, entity names included) before the error is thrown.
 * Writes of others between the chunks (`queue`) stay: the rollback only takes back the import's
 * own (an article saved again since is kept, as by undoImport).
 */
export async function importArchive(
  db: ArchiveDb,
  input: string | Blob,
  sanitize: BodySanitizer,
  { onProgress, onChecked, onPhase, signal, queue = unqueued }: ImportOptions = {},
): Promise<ImportResult> {
  const stopIfCancelled = () => {
    if (signal?.aborted) throw cancelled();
  };
  stopIfCancelled();
  onPhase?.('checking');
  const text = typeof input === 'string' ? input : await input.text();
  let articles: ExportedArticle[];
  let personal: PersonalData | undefined;
  try {
    ({ articles, personal } = readArchiveFile(parse(text)));
  } catch (error) {
    if (error instanceof Invalid) throw importErrorFrom(error);
    throw error;
  }
  const bodies = await sanitizeAll(articles, sanitize, onChecked, stopIfCancelled);
  stopIfCancelled();
  const prepared: Prepared[] = [];
  for (const [i, a] of articles.entries()) prepared.push(await prepare(a, i, bodies[i]!));
  const undo: ImportUndo = { kind: 'vietlao-import-undo', changes: [] };
  const result: ImportResult = { added: 0, updated: 0, skipped: 0, undo, ...(personal ? { personal } : {}) };
  const named = new Set<string>();
  let done = 0;
  onPhase?.('writing');
  onProgress?.(0, prepared.length);
  const chunks = chunksOf(prepared);
  for (const [i, chunk] of chunks.entries()) {
    let failure: ImportError | null = signal?.aborted ? cancelled() : null;
    if (!failure)
      try {
        await queue(() => writeChunk(db, chunk, result, named, { index: i, last: i === chunks.length - 1 }));
      } catch (error) {
        failure = storageError(error);
      }
    // a cancel during the last chunk still counts: the user asked for the archive as it was
    if (!failure && i === chunks.length - 1 && signal?.aborted) failure = cancelled();
    if (failure) {
      if (undo.changes.length || undo.names?.length) await queue(() => rollBack(db, undo, failure, onPhase));
      throw failure;
    }
    done += chunk.length;
    onProgress?.(done, prepared.length);
  }
  return result;
}

/** Take back the chunks written, trying twice (a transient failure); if both fail, say what stays. */
async function rollBack(
  db: ArchiveDb,
  undo: ImportUndo,
  failure: ImportError,
  onPhase: ImportOptions['onPhase'],
): Promise<void> {
  onPhase?.('rolling-back');
  const once = () =>
    db.transaction('rw', articleTables(db), async () => {
      await undoImport(db, undo, { exact: true });
      await clearJournal(db);
    });
  try {
    await once();
  } catch {
    try {
      await once();
    } catch (error) {
      throw notTakenBack(failure, undo, error);
    }
  }
}

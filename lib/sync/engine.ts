/**
 * One sync of the archive with the user's WebDAV folder (./layout.ts), both ways, incremental.
 * The steps, in order:
 *
 *  1. Folders and index: create `VietLaoReader/`, `articles/`, `tombstones/` when missing; create
 *     `index.json` with If-None-Match: * (or read it: a newer layout version stops here).
 *     1b. A server that ignores conditional requests (probed each time) is written only under the
 *     folder's lock (./lock.ts), released at the end.
 *  2. List `articles/` and `tombstones/` (two PROPFINDs of ETag, size and type only); compare each
 *     file's ETag with the one the last sync saw (`remoteFiles`): only changed files are read. On a
 *     server written by MOVE, where each write is a new entry and so changes the folder's own ETag,
 *     a folder whose ETag is the one a listing saw (and that this client did not write into since)
 *     is not listed again — an idle scheduled sync asks two small questions, not for 10,000 entries.
 *     A full listing still happens at least every FULL_LISTING_MS (a file edited in place by hand
 *     or by another program does not change its folder's ETag).
 *  3. Pull tombstones: an article deleted elsewhere is deleted here unless it changed here after the
 *     delete (the newer side wins).
 *  4. Pull articles, in batches through importArchive — the same validation, DOMPurify pass and
 *     merge as a file import (same canonical URL: newer `updatedAt` wins). A file that does not
 *     parse or validate is reported and skipped, never imported; an article deleted here after its
 *     remote copy was written is not pulled back.
 *  4b. Personal settings (`personal.json`: site fixes and corrections): merged both ways, per entry.
 *  5. Push tombstones (If-None-Match: *), then delete the remote article with If-Match.
 *  6. Push articles changed here since the server's copy (If-Match on the known ETag, or
 *     If-None-Match: * when new); on 412 the server's copy is read and merged (newer wins) and
 *     ours is written again over the fresh ETag if it is still the newer one.
 *
 * What the sync learns is written to `remoteFiles` file by file, so a sync cut off halfway (server
 * down, browser closed) resumes where it stopped without writing anything twice. Nothing local is
 * deleted because a remote file is missing or unreadable: only a tombstone deletes.
 */
import pLimit from 'p-limit';
import { deleteArticle, getArticle } from '@/lib/archive/articles';
import type { ArchiveDb } from '@/lib/archive/db';
import { toExportedArticle } from '@/lib/archive/export';
import {
  EXPORT_FORMAT,
  EXPORT_SCHEMA_VERSION,
  GENERATOR,
  type ExportedArticle,
  type PersonalData,
} from '@/lib/archive/file-format';
import { importArchive, type BodySanitizer } from '@/lib/archive/import';
import { readArticle, readPersonal } from '@/lib/archive/import-validation';
import { sha256Hex } from '@/lib/archive/hash';
import type { RemoteFileRow } from '@/lib/archive/tombstones';
import { SyncError } from './errors';
import {
  ARTICLES_DIR,
  INDEX_FILE,
  PERSONAL_FILE,
  SYNC_FORMAT,
  SYNC_LAYOUT_VERSION,
  TOMBSTONES_DIR,
  articlePath,
  idOfFile,
  newIndex,
  readTombstone,
  tombstonePath,
} from './layout';
import { FolderLock, LOCKS_DIR } from './lock';
import type { Remote, RemoteEntry } from './remote';

/** Files read (and articles imported) per batch: bounds memory on a first sync of thousands. */
export const PULL_BATCH = 50;
/**
 * Requests at once: a first sync of thousands waits on the network, not on us (one at a time took
 * 23 ms an article against a server on the same machine, `npm run bench` case 5), and no server is
 * asked more (50 reads at once made Apache drop connections).
 */
export const REQUEST_CONCURRENCY = 6;

export interface SyncProgress {
  phase: 'pull' | 'push';
  done: number;
  total: number;
}

export interface SyncReport {
  pulled: number;
  pushed: number;
  /** Articles deleted here because they were deleted elsewhere. */
  deletedHere: number;
  /** Deletions made here written to the server. */
  deletedThere: number;
  /** Files on the server that did not parse or validate (skipped, named here). */
  problems: string[];
  /** The server refused writes (a read-only share): pulled only. */
  readOnly: boolean;
}

export interface SyncOptions {
  sanitize: BodySanitizer;
  onProgress?: (p: SyncProgress) => void;
  now?: () => Date;
  /** Runs each archive write (the background passes its write queue, so a sync never races a save). */
  exclusive?: <T>(write: () => Promise<T>) => Promise<T>;
  /** Stop between files (the sync resumes from there next time). */
  signal?: AbortSignal;
  /** This browser's id in the folder (lock files, temporary names): letters, digits, hyphens. */
  clientId?: string;
  /** The user's own settings that travel with the archive (step 4b); left out, they are not synced. */
  personal?: { read(): Promise<PersonalData>; merge(imported: PersonalData): Promise<void> };
}

/** The longest an unchanged folder's ETag stands in for listing it (step 2). */
export const FULL_LISTING_MS = 6 * 60 * 60 * 1000;

/** The `remoteFiles` row of a folder's own ETag (never a file's name: those are `dir/name.json`). */
const folderKey = (dir: string) => `#${dir}/`;

/** ETags in normEtag's form (./remote.ts). */
const sameEtag = (a: string | null | undefined, b: string | null | undefined) => !!a && a === b;

const newer = (a: string, b: string) => Date.parse(a) > Date.parse(b);

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** The article a file holds, or a problem naming the file. */
function readArticleFile(name: string, text: string): ExportedArticle | string {
  const value = parseJson(text);
  if (value === undefined) return `${name}: not JSON`;
  try {
    return readArticle(value, [name]);
  } catch (error) {
    return `${name}: ${error instanceof Error ? error.message : String(error)}`;
  }
}

export class Sync {
  private readonly known = new Map<string, RemoteFileRow>();
  private readonly report: SyncReport = {
    pulled: 0,
    pushed: 0,
    deletedHere: 0,
    deletedThere: 0,
    problems: [],
    readOnly: false,
  };
  private readonly now: () => Date;
  private readonly exclusive: <T>(write: () => Promise<T>) => Promise<T>;
  private phase: SyncProgress['phase'] = 'pull';
  private lock: FolderLock | null = null;
  private readonly limit = pLimit(REQUEST_CONCURRENCY);
  private done = 0;
  private total = 0;
  /** Step 2: each folder's ETag before it was listed, and whether this sync wrote into it since. */
  private readonly folders = new Map<string, { etag: string | null; listedAt: string; wrote: boolean }>();

  constructor(
    private readonly db: ArchiveDb,
    private readonly remote: Remote,
    private readonly options: SyncOptions,
  ) {
    this.now = options.now ?? (() => new Date());
    this.exclusive = options.exclusive ?? ((write) => write());
  }

  async run(): Promise<SyncReport> {
    this.remote.clientId = this.options.clientId ?? 'client';
    await this.prepareFolder();
    await this.lockIfLenient();
    try {
      return await this.exchange();
    } finally {
      await this.lock?.release();
    }
  }

  /** Step 1b: a server that ignores conditional requests is written only under the folder's lock. */
  private async lockIfLenient(): Promise<void> {
    if (this.report.readOnly) return;
    try {
      if (await this.remote.probeConditional()) return;
    } catch (error) {
      if (error instanceof SyncError && error.code === 'read-only') return void (this.report.readOnly = true);
      throw error;
    }
    await this.remote.ensureFolders([LOCKS_DIR]);
    this.lock = new FolderLock(this.remote, this.remote.clientId);
    await this.lock.acquire();
  }

  /** Steps 2–6. */
  private async exchange(): Promise<SyncReport> {
    for (const row of await this.db.remoteFiles.toArray()) this.known.set(row.name, row);
    const [articles, tombstones] = await Promise.all([this.listing(ARTICLES_DIR), this.listing(TOMBSTONES_DIR)]);
    const changed = (dir: string, files: Map<string, RemoteEntry>) =>
      [...files.values()].filter(
        (f) => idOfFile(f.name) && !sameEtag(this.known.get(`${dir}/${f.name}`)?.etag, f.etag),
      );
    const pullTombs = changed(TOMBSTONES_DIR, tombstones);
    const pullArticles = changed(ARTICLES_DIR, articles);
    await this.forgetMissing(ARTICLES_DIR, articles);
    this.total = pullTombs.length + pullArticles.length;
    this.progress();
    await this.pullTombstones(pullTombs);
    await this.pullArticles(pullArticles);
    await this.syncPersonal();
    if (this.report.readOnly) return this.report;
    const localTombs = (await this.db.tombstones.toArray()).filter(
      (t) => this.known.get(tombstonePath(t.id))?.stamp !== t.deletedAt,
    );
    const pushIds = await this.changedHere();
    this.phase = 'push';
    this.done = 0;
    this.total = localTombs.length + pushIds.length;
    this.progress();
    try {
      await this.each(localTombs, (t) => this.pushTombstone(t.id, t.deletedAt));
      await this.each(pushIds, (id) => this.pushArticle(id));
    } catch (error) {
      if (error instanceof SyncError && error.code === 'read-only') this.report.readOnly = true;
      else throw error;
    }
    await this.rememberFolders();
    return this.report;
  }

  /**
   * Step 2 for one folder: its files by name — from what the last listing saw when the folder's
   * own ETag is unchanged since (see the top of this file), else listed.
   */
  private async listing(dir: string): Promise<Map<string, RemoteEntry>> {
    const etag = this.remote.folderEtagFollowsWrites ? await this.remote.folderEtag(dir) : null;
    const seen = this.known.get(folderKey(dir));
    const fresh = this.now().getTime() - Date.parse(seen?.stamp ?? '') < FULL_LISTING_MS;
    if (seen && fresh && sameEtag(seen.etag, etag)) {
      this.folders.set(dir, { etag, listedAt: seen.stamp, wrote: false });
      const files = new Map<string, RemoteEntry>();
      for (const row of this.known.values())
        if (row.name.startsWith(`${dir}/`)) {
          const name = row.name.slice(dir.length + 1);
          files.set(name, { name, etag: row.etag, size: 0, weak: false });
        }
      return files;
    }
    this.folders.set(dir, { etag, listedAt: this.now().toISOString(), wrote: false });
    return this.remote.list(dir);
  }

  /** End of step 6: a folder this sync did not write into keeps the ETag it was listed at; the others are listed next time. */
  private async rememberFolders(): Promise<void> {
    for (const [dir, f] of this.folders) {
      if (f.etag && !f.wrote) await this.remember(folderKey(dir), f.etag, f.listedAt);
      else await this.forget(folderKey(dir));
    }
  }

  /** Step 1. A read-only share cannot create anything: then the folder must already exist. */
  private async prepareFolder(): Promise<void> {
    try {
      await this.remote.ensureFolders([ARTICLES_DIR, TOMBSTONES_DIR]);
    } catch (error) {
      if (!(error instanceof SyncError && error.code === 'read-only')) throw error;
      this.report.readOnly = true;
    }
    const index = await this.remote.read(INDEX_FILE);
    if (!index) {
      if (this.report.readOnly) return;
      const wrote = await this.write(INDEX_FILE, JSON.stringify(newIndex(this.now()), null, 2), null);
      if (wrote.ok || wrote.reason === 'exists') return;
    } else {
      const value = parseJson(index.text) as { format?: unknown; version?: unknown } | undefined;
      if (value?.format !== SYNC_FORMAT)
        throw new SyncError('no-folder', `${INDEX_FILE} in the sync folder is not a VietLao Reader index`);
      if (typeof value.version !== 'number' || value.version > SYNC_LAYOUT_VERSION)
        throw new SyncError(
          'newer-format',
          `The sync folder was written by a newer version (layout ${String(value.version)})`,
        );
    }
  }

  /** A file the last sync saw that is gone now (removed by hand): forget it, so ours is written again. */
  private async forgetMissing(dir: string, files: Map<string, RemoteEntry>): Promise<void> {
    const gone = [...this.known.keys()].filter(
      (name) => name.startsWith(`${dir}/`) && !files.has(name.slice(dir.length + 1)),
    );
    for (const name of gone) this.known.delete(name);
    await this.db.remoteFiles.bulkDelete(gone);
  }

  /** Step 3. */
  private async pullTombstones(files: RemoteEntry[]): Promise<void> {
    await this.each(files, async (file) => {
      const path = `${TOMBSTONES_DIR}/${file.name}`;
      const got = await this.remote.read(path);
      const tomb = got ? readTombstone(parseJson(got.text)) : null;
      if (!got) return;
      if (!tomb || `${tomb.id}.json` !== file.name) {
        this.report.problems.push(`${path}: not a tombstone`);
        return this.remember(path, got.etag ?? file.etag, '');
      }
      const local = await this.db.articles.get(tomb.id);
      if (local && !newer(local.updatedAt, tomb.deletedAt)) {
        const deleted = await this.exclusive(() => deleteArticle(this.db, tomb.id, new Date(tomb.deletedAt)));
        if (deleted) this.report.deletedHere += 1;
      }
      await this.remember(path, got.etag ?? file.etag, tomb.deletedAt);
    });
  }

  /** Step 4. */
  private async pullArticles(files: RemoteEntry[]): Promise<void> {
    for (let i = 0; i < files.length; i += PULL_BATCH) {
      this.options.signal?.throwIfAborted();
      const batch = files.slice(i, i + PULL_BATCH);
      const read: { f: RemoteEntry; got: { text: string; etag: string | null } | null }[] = [];
      await this.each(
        batch,
        async (f) => void read.push({ f, got: await this.remote.read(`${ARTICLES_DIR}/${f.name}`) }),
        false,
      );
      const take: { path: string; etag: string | null; article: ExportedArticle }[] = [];
      const skip: { path: string; etag: string | null; stamp: string }[] = [];
      for (const { f, got } of read) {
        const path = `${ARTICLES_DIR}/${f.name}`;
        if (!got) continue; // deleted since the listing
        const article = readArticleFile(path, got.text);
        if (typeof article === 'string' || `${article.id}.json` !== f.name) {
          this.report.problems.push(
            typeof article === 'string' ? article : `${path}: names another article (${article.id})`,
          );
          skip.push({ path, etag: got.etag ?? f.etag, stamp: '' }); // ours (if any) is written over it
          continue;
        }
        const tomb = await this.db.tombstones.get(article.id);
        if (tomb && !newer(article.updatedAt, tomb.deletedAt)) {
          skip.push({ path, etag: got.etag ?? f.etag, stamp: article.updatedAt }); // deleted here later: step 5
          continue;
        }
        take.push({ path, etag: got.etag ?? f.etag, article });
      }
      if (take.length > 0) {
        const file = {
          format: EXPORT_FORMAT,
          schemaVersion: EXPORT_SCHEMA_VERSION,
          exportedAt: this.now().toISOString(),
          generator: GENERATOR,
          articles: take.map((t) => t.article),
        };
        const result = await this.exclusive(() => importArchive(this.db, JSON.stringify(file), this.options.sanitize));
        this.report.pulled += result.added + result.updated;
      }
      for (const t of take) await this.remember(t.path, t.etag, t.article.updatedAt);
      for (const s of skip) await this.remember(s.path, s.etag, s.stamp);
      this.done += batch.length;
      this.progress();
    }
  }

  /**
   * Step 4b: `personal.json`, the user's own settings (site fixes, corrections): a changed remote
   * copy is checked and merged in (per entry, as an import merges them); then ours is written when
   * it differs from what the server has.
   */
  private async syncPersonal(): Promise<void> {
    const hooks = this.options.personal;
    if (!hooks) return;
    const known = this.known.get(PERSONAL_FILE);
    const there = await this.remote.stat(PERSONAL_FILE);
    let etag = there?.etag ?? null;
    if (there && !sameEtag(known?.etag, there.etag)) {
      const got = await this.remote.read(PERSONAL_FILE);
      if (got) {
        etag = got.etag ?? etag;
        try {
          await hooks.merge(readPersonal(parseJson(got.text), [PERSONAL_FILE]));
        } catch (error) {
          this.report.problems.push(`${PERSONAL_FILE}: ${error instanceof Error ? error.message : String(error)}`);
        }
      }
    }
    if (this.report.readOnly) return this.remember(PERSONAL_FILE, etag, known?.stamp ?? '');
    const text = JSON.stringify(await hooks.read(), null, 2);
    const digest = await sha256Hex(text);
    if (known?.stamp === digest && sameEtag(known.etag, etag)) return;
    try {
      const wrote = await this.write(PERSONAL_FILE, text, etag);
      if (wrote.ok) await this.remember(PERSONAL_FILE, wrote.etag, digest);
      else await this.forget(PERSONAL_FILE); // changed meanwhile: merged by the next sync
    } catch (error) {
      if (error instanceof SyncError && error.code === 'read-only') this.report.readOnly = true;
      else throw error;
    }
  }

  /** Articles whose server copy (as last seen) is not the version stored here. */
  private async changedHere(): Promise<string[]> {
    const [stamps, ids] = await this.db.transaction('r', this.db.articles, () =>
      Promise.all([this.db.articles.orderBy('updatedAt').keys(), this.db.articles.orderBy('updatedAt').primaryKeys()]),
    );
    return ids.filter((id, i) => this.known.get(articlePath(id))?.stamp !== String(stamps[i]));
  }

  /** Step 5. */
  private async pushTombstone(id: string, deletedAt: string): Promise<void> {
    const tomb = await this.db.tombstones.get(id);
    if (!tomb || tomb.deletedAt !== deletedAt) return; // saved again since
    const path = tombstonePath(id);
    const wrote = await this.write(path, JSON.stringify(tomb, null, 2), this.known.get(path)?.etag ?? null);
    const etag = wrote.ok ? wrote.etag : ((await this.remote.stat(path))?.etag ?? null);
    const target = articlePath(id);
    this.wroteInto(target);
    const removed = await this.remote.remove(target, this.known.get(target)?.etag ?? null);
    if (!removed.ok) {
      // Changed on the server after we last saw it: the newer side wins.
      const got = await this.remote.read(target);
      const article = got ? readArticleFile(target, got.text) : null;
      if (article && typeof article !== 'string' && newer(article.updatedAt, deletedAt)) {
        await this.forget(target); // pulled by the next sync, which then revives it here
        return this.remember(path, etag, deletedAt);
      }
      await this.remote.remove(target, null);
    }
    await this.forget(target);
    await this.remember(path, etag, deletedAt);
    this.report.deletedThere += 1;
  }

  /** Step 6. */
  private async pushArticle(id: string): Promise<void> {
    const stored = await getArticle(this.db, id);
    if (!stored) return; // deleted since the listing
    const path = articlePath(id);
    const text = JSON.stringify(await toExportedArticle(stored), null, 2);
    let wrote = await this.write(path, text, this.known.get(path)?.etag ?? null);
    if (!wrote.ok) {
      const got = await this.remote.read(path);
      const theirs = got ? readArticleFile(path, got.text) : null;
      if (theirs && typeof theirs !== 'string' && !newer(stored.updatedAt, theirs.updatedAt)) {
        // The server's copy is as new or newer: the next sync pulls it (its ETag is not the known one).
        return this.forget(path);
      }
      wrote = await this.write(path, text, got?.etag ?? null);
      if (!wrote.ok) return this.forget(path); // changed again meanwhile: settled by the next sync
    }
    await this.remember(path, wrote.etag, stored.updatedAt);
    this.report.pushed += 1;
  }

  private async write(path: string, text: string, etag: string | null) {
    this.wroteInto(path);
    return this.remote.write(path, text, etag);
  }

  /** A write or delete in a listed folder: its ETag changes (by us), so it is listed next time. */
  private wroteInto(path: string): void {
    const folder = this.folders.get(path.slice(0, path.lastIndexOf('/')));
    if (folder) folder.wrote = true;
  }

  private async remember(name: string, etag: string | null, stamp: string): Promise<void> {
    const row = { name, etag, stamp };
    this.known.set(name, row);
    await this.db.remoteFiles.put(row);
  }

  private async forget(name: string): Promise<void> {
    this.known.delete(name);
    await this.db.remoteFiles.delete(name);
  }

  /**
   * `work` on every item, REQUEST_CONCURRENCY at a time (a server is asked at most that many things
   * at once). After the first failure no new item starts; the ones running finish; then it throws.
   */
  private async each<T>(items: readonly T[], work: (item: T) => Promise<void>, counts = true): Promise<void> {
    let failure: { error: unknown } | null = null;
    await Promise.all(
      items.map((item) =>
        this.limit(async () => {
          if (failure) return;
          try {
            this.options.signal?.throwIfAborted();
            await this.lock?.renewIfDue();
            await work(item);
            if (counts) {
              this.done += 1;
              this.progress();
            }
          } catch (error) {
            failure ??= { error };
          }
        }),
      ),
    );
    if (failure) throw (failure as { error: unknown }).error;
  }

  private progress(): void {
    this.options.onProgress?.({ phase: this.phase, done: this.done, total: this.total });
  }
}

/** One sync of `db` with `remote`: see the steps at the top of this file. */
export function syncArchive(db: ArchiveDb, remote: Remote, options: SyncOptions): Promise<SyncReport> {
  return new Sync(db, remote, options).run();
}

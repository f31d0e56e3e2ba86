// @vitest-environment jsdom
// (a background with a DOM, as Firefox's background page: sanitizeBodies runs sanitizeHtml right here)
/**
 * The background's import job (lib/background/import-job.ts) as the popup drives it through
 * lib/background/archive-messages.ts: progress in session storage from "checking" to "finished"
 * with the outcome, a second import refused while one runs, a cancel that leaves the archive as
 * it was, and an import the browser interrupted reported as such at the next start.
 */
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { exportArchive, saveArticle, type ArchiveDb, type ArchiveFile } from '@/lib/archive';
import { IMPORT_CHUNK } from '@/lib/archive/import';
import { receiveImportPart, startUpload } from '@/lib/background/archive-messages';
import { archive } from '@/lib/background/archive-service';
import { cancelImportJob, forgetInterruptedImport } from '@/lib/background/import-job';
import { startRematch } from '@/lib/background/rematch-job';
import { splitForMessages, type ImportOutcome } from '@/lib/messaging';
import { importProgress, type ImportProgress } from '@/lib/settings/import-progress';
import { makeArticle } from '../../support/archive-fixtures';

const N = IMPORT_CHUNK * 2 + 10;

/** A file of `n` distinct articles made from one saved article, tagged `tag`. */
async function fileOf(db: ArchiveDb, n: number, tag: string): Promise<string> {
  const { id } = await saveArticle(db, makeArticle({ title: `Mẫu ${tag}` }));
  const file = JSON.parse(await (await exportArchive(db)).text()) as ArchiveFile;
  const base = file.articles.find((a) => a.id === id)!;
  const articles = Array.from({ length: n }, (_, i) => ({
    ...base,
    id: `${tag}-${i}`,
    url: `https://antv.gov.vn/${tag}-${i}.html`,
    canonicalUrl: `https://antv.gov.vn/${tag}-${i}.html`,
    title: `Bài ${tag} ${i}`,
  }));
  return JSON.stringify({ ...file, articles });
}

/** The popup's side: the file in parts, then the start of its import. */
function upload(text: string) {
  const id = crypto.randomUUID();
  const parts = splitForMessages(text);
  for (const [index, part] of parts.entries())
    expect(receiveImportPart({ upload: id, index, text: part }).ok).toBe(true);
  return startUpload(id, parts.length);
}

/** Every progress the popup would see until `job` finished. */
function watchUntilFinished(): { seen: ImportProgress[]; finished: Promise<ImportOutcome> } {
  const seen: ImportProgress[] = [];
  const finished = new Promise<ImportOutcome>((resolve) => {
    const stop = importProgress.watch((p) => {
      if (!p) return;
      seen.push(p);
      if (p.phase === 'finished' && p.outcome) {
        stop();
        resolve(p.outcome);
      }
    });
  });
  return { seen, finished };
}

async function everyTable(db: ArchiveDb): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const table of db.tables) out[table.name] = await table.toArray();
  return out;
}

describe('background: the import job', () => {
  it('publishes its phases and a monotonic count ending at the total, then the outcome; one import at a time', async () => {
    const db = await archive();
    const first = await fileOf(db, N, 'mot');
    const second = await fileOf(db, 3, 'hai');
    const before = await db.articles.count();
    const { seen, finished } = watchUntilFinished();
    const started = upload(first);
    expect(started.ok).toBe(true);
    const refused = upload(second); // a second popup, while the first import runs
    expect(refused).toMatchObject({ ok: false, code: 'busy' });
    expect(!refused.ok && refused.messageVi).toMatch(/Đang có một lần nhập khác/);
    const outcome = await finished;
    expect(outcome).toMatchObject({ ok: true, added: N });
    expect(started.ok && (await started.finished)).toEqual(outcome);
    expect(await db.articles.count()).toBe(before + N); // nothing of the refused file
    const job = started.ok ? started.job : '';
    expect(seen.every((p) => p.job === job)).toBe(true);
    expect(seen[0]).toMatchObject({ phase: 'checking', done: 0, total: 0 });
    const checking = seen.filter((p) => p.phase === 'checking' && p.total > 0);
    expect(checking.map((p) => [p.done, p.total])).toEqual([
      [0, N],
      [N, N],
    ]);
    const writing = seen.filter((p) => p.phase === 'writing');
    expect(writing.map((p) => p.done)).toEqual([0, IMPORT_CHUNK, IMPORT_CHUNK * 2, N]);
    expect(writing.every((p) => p.total === N)).toBe(true);
    expect(seen.at(-1)).toMatchObject({ phase: 'finished', done: N, total: N, outcome });
    // once it ended, the next import may start
    const again = upload(second);
    expect(again.ok).toBe(true);
    expect(again.ok && (await again.finished)).toMatchObject({ ok: true, added: 3 });
  });

  it('a cancel from the popup stops the import and leaves every table as it was', async () => {
    const db = await archive();
    const text = await fileOf(db, N, 'huy');
    await startRematch(); // the re-match the previous import started rewrites rows: let it end first
    const before = await everyTable(db);
    const started = upload(text);
    if (!started.ok) throw new Error(started.message);
    expect(cancelImportJob('another-job')).toBe(false);
    const { seen, finished } = watchUntilFinished();
    const stop = importProgress.watch((p) => {
      if (p?.phase === 'writing' && p.done >= IMPORT_CHUNK) expect(cancelImportJob(started.job)).toBe(true);
    });
    const outcome = await finished;
    stop();
    expect(outcome).toMatchObject({
      ok: false,
      code: 'cancelled',
      messageVi: 'Đã huỷ nhập; kho lưu trữ không thay đổi.',
    });
    expect(seen.some((p) => p.cancelling)).toBe(true);
    expect(seen.some((p) => p.phase === 'rolling-back')).toBe(true);
    const after = await everyTable(db);
    for (const name of Object.keys(before)) expect(after[name], name).toEqual(before[name]);
    expect(cancelImportJob(started.job)).toBe(false); // over
  });

  it('an import left "running" by a background the browser stopped is reported as interrupted', async () => {
    await importProgress.setValue({
      job: 'ended-with-the-worker',
      phase: 'writing',
      done: 400,
      total: 10_000,
      cancelling: false,
      outcome: null,
    });
    await forgetInterruptedImport();
    expect(await importProgress.getValue()).toMatchObject({
      job: 'ended-with-the-worker',
      phase: 'finished',
      outcome: { ok: false, code: 'storage', messageVi: expect.stringMatching(/gián đoạn/) },
    });
  });
});

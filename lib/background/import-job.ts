/**
 * The import running in the background, one at a time: its progress goes to session storage
 * (lib/settings/import-progress.ts) for every open popup, and a cancel aborts it (the archive is
 * then taken back to what it was: lib/archive/import.ts). It runs on when the popup that started
 * it closes — a popup closes at the first click outside it, which is no wish to cancel — and a
 * popup opened later re-attaches to it through the same storage item.
 *
 * Progress through storage rather than a message to the popup: storage reaches every popup open
 * now or later, needs no receiver (a message with no popup open fails with "Receiving end does not
 * exist", and would also reach the offscreen document), and each write is an extension API call,
 * which keeps Chrome's service worker alive through a long import.
 */
import type { ImportOptions, ImportPhase } from '@/lib/archive';
import type { ImportOutcome } from '@/lib/messaging';
import { importProgress, type ImportProgress } from '@/lib/settings/import-progress';

/** What an import job runs: the import itself, told where to report and when to stop. */
export type ImportRun = (
  options: Required<Pick<ImportOptions, 'signal' | 'onPhase' | 'onChecked' | 'onProgress'>>,
) => Promise<ImportOutcome>;

interface Running {
  progress: ImportProgress;
  controller: AbortController;
  finished: Promise<ImportOutcome>;
}

let running: Running | null = null;
/** Writes in order, each waiting for the one before (a late "writing 200" must not follow "finished"). */
let writes: Promise<unknown> = Promise.resolve();

function publish(progress: ImportProgress): Promise<void> {
  const snapshot = { ...progress };
  const write = writes.then(() => importProgress.setValue(snapshot)).catch(() => undefined);
  writes = write;
  return write;
}

export const busyOutcome: Extract<ImportOutcome, { ok: false }> = {
  ok: false,
  code: 'busy',
  message:
    'Another import is running (maybe in another window). Wait for it to finish, or cancel it, then import again.',
  messageVi: 'Đang có một lần nhập khác (có thể ở cửa sổ khác). Hãy đợi nó xong hoặc huỷ nó, rồi nhập lại.',
};

/**
 * Start `run` as the import job, or null when one is already running (two popups importing at
 * once get a clear refusal, not interleaved writes). `finished` settles with its outcome, which
 * is also published as the last progress.
 */
export function startImportJob(run: ImportRun): { job: string; finished: Promise<ImportOutcome> } | null {
  if (running) return null;
  const job = crypto.randomUUID();
  const progress: ImportProgress = { job, phase: 'checking', done: 0, total: 0, cancelling: false, outcome: null };
  const controller = new AbortController();
  void publish(progress);
  const finished = run({
    signal: controller.signal,
    onPhase: (phase: ImportPhase) => {
      progress.phase = phase;
      if (phase !== 'writing') void publish(progress); // writing: its first count, right after, tells it with the total
    },
    onChecked: (done, total) => {
      Object.assign(progress, { done, total });
      void publish(progress);
    },
    onProgress: (done, total) => {
      Object.assign(progress, { done, total });
      void publish(progress);
    },
  })
    .catch((error: unknown): ImportOutcome => {
      const message = error instanceof Error ? error.message : String(error);
      return { ok: false, code: 'storage', message, messageVi: `Không nhập được: ${message}` };
    })
    .then(async (outcome) => {
      running = null;
      await publish({ ...progress, phase: 'finished', outcome });
      return outcome;
    });
  running = { progress, controller, finished };
  return { job, finished };
}

/** Cancel the running import `job` (false: it is not running — finished already, or another one). */
export function cancelImportJob(job: string): boolean {
  if (!running || running.progress.job !== job) return false;
  running.progress.cancelling = true;
  running.controller.abort();
  void publish(running.progress);
  return true;
}

/**
 * At the background's start no import runs: an import the browser stopped with the background
 * (Chrome stops an idle service worker) is reported as interrupted instead of running forever
 * (what it wrote is taken back first: lib/archive/import-journal.ts recoverImport).
 */
export async function forgetInterruptedImport(): Promise<void> {
  const last = await importProgress.getValue();
  if (!last || last.phase === 'finished' || running) return;
  await publish({
    ...last,
    phase: 'finished',
    outcome: {
      ok: false,
      code: 'storage',
      message:
        'The import was interrupted: the browser stopped the extension. The archive was put back as it was; import the file again.',
      messageVi:
        'Việc nhập bị gián đoạn vì trình duyệt đã dừng tiện ích; kho lưu trữ đã được đưa về như trước. Hãy nhập lại tệp.',
    },
  });
}

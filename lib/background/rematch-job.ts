/**
 * The background's re-match of the archive (lib/archive/rematch.ts): started when the background
 * starts (an update of the extension brings a new recogniser version), after an import (imported
 * entities come from another copy of the recogniser), and when the recogniser's version changes
 * (a personal correction). One run at a time; each batch waits its turn in the archive's write
 * queue, so a save never waits for more than one batch's short write. Progress goes to
 * lib/settings/rematch-progress.ts for the popup.
 */
import { serialize, type ArchiveDb } from '@/lib/archive';
import { rematchBatch, staleCount } from '@/lib/archive/rematch';
import type { ArticleEntity } from '@/lib/article';
import { entitiesOf } from '@/lib/entities/article-entities';
import type { CorrectionContext } from '@/lib/entities/corrections';
import { rematchProgress } from '@/lib/settings/rematch-progress';
import { archive } from './archive-service';
import { currentCorrections } from './corrections';
import { recogniserVersion } from './recogniser-version';

export interface RematchDeps {
  db: () => Promise<ArchiveDb>;
  version: () => Promise<string>;
  entitiesOf: (text: string, where: CorrectionContext) => ArticleEntity[];
}

/** The user's corrections apply (the recogniser version carries their digest: ./corrections.ts). */
const DEFAULTS: RematchDeps = {
  db: archive,
  version: recogniserVersion,
  entitiesOf: (text, where) => entitiesOf(text, currentCorrections(), where),
};

let running: Promise<void> | null = null;
let again = false;

/** Bring the archive to the current version (a call during a run makes it check once more after). */
export function startRematch(deps: RematchDeps = DEFAULTS): Promise<void> {
  if (running) {
    again = true;
    return running;
  }
  running = (async () => {
    let version: string;
    do {
      again = false;
      version = await runOnce(deps);
    } while (again || (await deps.version()) !== version);
  })().finally(() => (running = null));
  return running;
}

/** One pass at the current version; the version it worked for. */
async function runOnce(deps: RematchDeps): Promise<string> {
  const db = await deps.db();
  const version = await deps.version();
  const total = await staleCount(db, version);
  let done = 0;
  if (total > 0) await rematchProgress.setValue({ version, done, total, finishedAt: null });
  while (total > 0) {
    const batch = await serialize(() => rematchBatch(db, version, deps.entitiesOf));
    if (batch.examined === 0) break;
    done = Math.min(total, done + batch.done);
    await rematchProgress.setValue({ version, done, total, finishedAt: null });
    if ((await deps.version()) !== version) return version; // a newer version: startRematch goes again
  }
  // nothing was stale: the last run's figures for this version stay (a re-check must not say "0 of 0")
  if (total === 0 && (await rematchProgress.getValue())?.version === version) return version;
  await rematchProgress.setValue({ version, done: total, total, finishedAt: new Date().toISOString() });
  return version;
}

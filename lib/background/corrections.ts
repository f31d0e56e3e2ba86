/**
 * The background's copy of the user's corrections (lib/settings/corrections.ts): read once, kept
 * up to date by watching the stored item, applied when an article is saved and when the archive
 * is matched again. Their digest is a part of the recogniser version (./recogniser-version.ts),
 * so a change of the corrections makes every saved article stale and the re-match
 * (./rematch-job.ts) brings the archive's entities to them.
 */
import type { Correction } from '@/lib/entities/corrections';
import { correctionsFingerprint } from '@/lib/entities/corrections';
import { sha256Hex } from '@/lib/archive/hash';
import { readCorrections, watchCorrections } from '@/lib/settings/corrections';
import { addVersionPart } from './recogniser-version';

let current: Correction[] = [];
let loading: Promise<Correction[]> | null = null;

/** The corrections as last read (empty until the first read finished). */
export function currentCorrections(): readonly Correction[] {
  return current;
}

/** The corrections, read from storage the first time. */
export function loadedCorrections(): Promise<Correction[]> {
  loading ??= readCorrections()
    .catch(() => [])
    .then((list) => (current = list));
  return loading;
}

/** The recogniser-version part of a set of corrections: "corrections-" + 12 hex digits of their digest. */
export async function correctionsVersion(list: readonly Correction[]): Promise<string> {
  return list.length
    ? `corrections-${(await sha256Hex(correctionsFingerprint(list))).slice(0, 12)}`
    : 'corrections-none';
}

/**
 * Register the version part and follow the stored corrections; `changed` runs after each change
 * (the background starts a re-match there).
 */
export function followCorrections(changed: () => void): void {
  addVersionPart(async () => correctionsVersion(await loadedCorrections()));
  watchCorrections((list) => {
    current = list;
    loading = Promise.resolve(list);
    changed();
  });
}

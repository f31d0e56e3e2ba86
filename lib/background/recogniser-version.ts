/**
 * The recogniser's version, recorded with every article's entities (lib/archive/rematch.ts): the
 * extension's (its rules ship with it) and its gazetteer's digest (so a rebuilt gazetteer counts
 * even under the same version number), plus anything else that changes what it finds, registered
 * by the features that do (e.g. the user's corrections).
 */
import { browser } from 'wxt/browser';
import { revision } from 'virtual:vietlao-gazetteer';

const parts: (() => Promise<string>)[] = [];
export function addVersionPart(part: () => Promise<string>): void {
  parts.push(part);
}
export async function recogniserVersion(): Promise<string> {
  const extra = await Promise.all(parts.map((p) => p()));
  let version = 'unknown'; // (a context without a manifest: the gazetteer's digest still tells versions apart)
  try {
    version = browser.runtime.getManifest().version;
  } catch {
    // keep 'unknown'
  }
  return [version, revision, ...extra].join('+');
}

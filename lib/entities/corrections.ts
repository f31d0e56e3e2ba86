/**
 * The user's corrections: a personal gazetteer layered on the built-in one, applied to the
 * matcher's mentions after matching (in the in-page view, the reader page, on saving and when the
 * archive is matched again). Three kinds:
 *
 *   not-entity    this spelling is not an entity (here = one article, on one site, everywhere);
 *   wrong-entity  this spelling is that gazetteer entity (its id, type and name as picked);
 *   mark          this spelling is an entity of that type (optionally a gazetteer entity), also
 *                 where the matcher found nothing.
 *
 * Spellings are compared after NFC, one tone-mark placement, lower case, one kind of dash and
 * collapsed spaces ("Hoà Bình" = "hòa  bình"), word by word: a mark of "Lào" never matches
 * inside "Làoxyz". Where several corrections speak of one spelling, the narrowest scope wins
 * (article, then site, then everywhere), then the latest. Pure functions: no storage, no DOM.
 */
import type { EntityType, Mention } from '../article';
import { DASHES, exactKey, foldDiacritics } from '../text/vietnamese';

export type CorrectionScope =
  { kind: 'article'; url: string } | { kind: 'site'; site: string } | { kind: 'everywhere' };

interface Base {
  /** Random id, for editing and removing one correction. */
  id: string;
  /** The spelling as the user saw it. */
  surface: string;
  scope: CorrectionScope;
  /** ISO time it was made (or last edited). */
  at: string;
}

export interface NotEntity extends Base {
  kind: 'not-entity';
}

export interface WrongEntity extends Base {
  kind: 'wrong-entity';
  /** The gazetteer entity it really is. */
  entityId: string;
  type: EntityType;
  /** Its canonical name when picked (shown in options; the gazetteer's name wins when it is listed). */
  name: string;
}

export interface MarkEntity extends Base {
  kind: 'mark';
  type: EntityType;
  /** A gazetteer entity, when the user picked one. */
  entityId?: string;
  name?: string;
}

export type Correction = NotEntity | WrongEntity | MarkEntity;
export type CorrectionKind = Correction['kind'];

/** Where a text comes from: which article-scoped and site-scoped corrections apply to it. */
export interface CorrectionContext {
  url: string;
  canonicalUrl?: string | null;
  /** Host without www. (CleanArticle.site). */
  site: string;
}

interface Word {
  key: string;
  start: number;
  end: number;
}

/** Words (letters with their marks, digits), single other characters, and runs of spaces as " ". */
const PIECES = /[\p{L}\p{M}\p{N}]+|[\s\u00A0\u2000-\u200B\u202F\u205F\u3000]+|[^]/gu;
const SPACE = /^[\s\u00A0\u2000-\u200B\u202F\u205F\u3000]+$/u;

function wordsOf(text: string): Word[] {
  const out: Word[] = [];
  for (const m of text.matchAll(PIECES)) {
    const piece = m[0];
    const key = SPACE.test(piece) ? ' ' : exactKey(piece).replace(DASHES, '-');
    out.push({ key, start: m.index, end: m.index + piece.length });
  }
  return out;
}

function trimSpaces(words: Word[]): Word[] {
  let a = 0;
  let b = words.length;
  while (a < b && words[a]!.key === ' ') a++;
  while (b > a && words[b - 1]!.key === ' ') b--;
  return words.slice(a, b);
}

/** The comparable form of a spelling: "Tỉnh  Hoà Bình" and "tỉnh hòa bình" give the same key. */
export function surfaceKey(surface: string): string {
  return trimSpaces(wordsOf(surface))
    .map((w) => w.key)
    .join('');
}

/** Host without www., as CleanArticle.site. */
export function siteOf(url: string): string {
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return '';
  }
}

/** An article address without its fragment: the same article with or without "#…". */
export function articleKey(url: string): string {
  return url.replace(/#.*$/s, '');
}

/** How narrow a scope is (higher wins), or -1 when it does not apply to `where`. */
function reach(scope: CorrectionScope, where: CorrectionContext): number {
  if (scope.kind === 'everywhere') return 0;
  if (scope.kind === 'site') return scope.site === where.site ? 1 : -1;
  const url = articleKey(scope.url);
  return url === articleKey(where.url) || (where.canonicalUrl && url === articleKey(where.canonicalUrl)) ? 2 : -1;
}

/** The correction that decides each spelling in `where` (narrowest scope, then the latest). */
export function activeCorrections(
  corrections: readonly Correction[],
  where: CorrectionContext,
): Map<string, Correction> {
  const best = new Map<string, { c: Correction; reach: number; order: number }>();
  corrections.forEach((c, order) => {
    const r = reach(c.scope, where);
    const key = surfaceKey(c.surface);
    if (r < 0 || !key) return;
    const had = best.get(key);
    if (!had || r > had.reach || (r === had.reach && (c.at > had.c.at || (c.at === had.c.at && order > had.order))))
      best.set(key, { c, reach: r, order });
  });
  return new Map([...best].map(([k, v]) => [k, v.c]));
}

const isListedId = (id: string) => !id.startsWith('unlisted:');

/** The id a marked spelling gets without a gazetteer entity: the matcher's unlisted id for it. */
export function markedId(type: EntityType, surface: string): string {
  const folded = (foldDiacritics(surface).match(/[\p{L}\p{N}]+/gu) ?? []).join(' ');
  return `unlisted:${type}:${folded}`;
}

function retarget(m: Mention, entityId: string, type: EntityType): Mention {
  const out: Mention = { start: m.start, end: m.end, surface: m.surface, entityId, type, listed: isListedId(entityId) };
  if (type === 'PERSON' && m.title !== undefined) out.title = m.title;
  return out;
}

/** Every place `text` shows one of the marked spellings, word for word (longest first where they overlap). */
function findMarks(text: string, marks: readonly MarkEntity[]): Mention[] {
  if (!marks.length) return [];
  const words = wordsOf(text);
  const found: Mention[] = [];
  for (const mark of marks) {
    const needle = trimSpaces(wordsOf(mark.surface)).map((w) => w.key);
    if (!needle.length) continue;
    for (let i = 0; i + needle.length <= words.length; i++) {
      let j = 0;
      while (j < needle.length && words[i + j]!.key === needle[j]) j++;
      if (j < needle.length) continue;
      const start = words[i]!.start;
      const end = words[i + needle.length - 1]!.end;
      const surface = text.slice(start, end);
      const entityId = mark.entityId ?? markedId(mark.type, surface);
      found.push({ start, end, surface, entityId, type: mark.type, listed: isListedId(entityId) });
      i += needle.length - 1;
    }
  }
  found.sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: Mention[] = [];
  for (const m of found) if (!kept.length || m.start >= kept[kept.length - 1]!.end) kept.push(m);
  return kept;
}

/**
 * The mentions of `text` once the corrections that apply in `where` are applied: spellings that
 * are not entities dropped, wrong entities retargeted, marked spellings added (a matcher mention
 * a mark overlaps gives way to it). Sorted and non-overlapping, as the matcher's.
 */
export function applyCorrections(
  text: string,
  mentions: readonly Mention[],
  corrections: readonly Correction[],
  where: CorrectionContext,
): Mention[] {
  if (!corrections.length) return [...mentions];
  const active = activeCorrections(corrections, where);
  if (!active.size) return [...mentions];
  const kept: Mention[] = [];
  for (const m of mentions) {
    const c = active.get(surfaceKey(m.surface));
    if (!c) kept.push(m);
    else if (c.kind === 'wrong-entity') kept.push(retarget(m, c.entityId, c.type));
    else if (c.kind === 'mark') kept.push(retarget(m, c.entityId ?? markedId(c.type, m.surface), c.type));
    // not-entity: dropped
  }
  const marks = findMarks(
    text,
    [...active.values()].filter((c): c is MarkEntity => c.kind === 'mark'),
  );
  if (!marks.length) return kept;
  const same = (a: Mention, b: Mention) => a.start === b.start && a.end === b.end;
  // the matcher's mention of exactly the marked span is already in `kept`, retargeted: one copy
  const out = kept.filter((m) => !marks.some((k) => k.start < m.end && m.start < k.end && !same(k, m)));
  for (const k of marks) if (!out.some((m) => same(m, k))) out.push(k);
  return out.sort((a, b) => a.start - b.start);
}

/** A stable digest input for a set of corrections (the recogniser version part): order-free. */
export function correctionsFingerprint(corrections: readonly Correction[]): string {
  const rows = corrections.map((c) =>
    JSON.stringify([
      c.kind,
      surfaceKey(c.surface),
      c.scope,
      'type' in c ? c.type : '',
      'entityId' in c ? (c.entityId ?? '') : '',
    ]),
  );
  return rows.sort().join('\n');
}

/** What the user asks for, before it gets an id and a time. */
export type NewCorrection =
  Omit<NotEntity, 'id' | 'at'> | Omit<WrongEntity, 'id' | 'at'> | Omit<MarkEntity, 'id' | 'at'>;

/**
 * `corrections` with `next` added: a correction of the same spelling in the same scope is
 * replaced (the user changed their mind), not kept beside it.
 */
export function addCorrection(
  corrections: readonly Correction[],
  next: NewCorrection,
  id: string,
  at: string,
): Correction[] {
  const key = surfaceKey(next.surface);
  const same = JSON.stringify(next.scope);
  const kept = corrections.filter((c) => !(surfaceKey(c.surface) === key && JSON.stringify(c.scope) === same));
  return [...kept, { ...next, id, at }];
}

/**
 * A correction the user removed: its spelling, scope and when. Kept so that a copy of the
 * correction elsewhere (the other computer of a sync, an older export) does not bring it back.
 */
export interface CorrectionRemoval {
  surface: string;
  scope: CorrectionScope;
  at: string;
}

/** The corrections and removals of one place (this browser, an imported file, the sync folder). */
export interface CorrectionSet {
  corrections: readonly Correction[];
  removals: readonly CorrectionRemoval[];
}

/** Removals kept (the newest): as many as corrections, so the list stays small. */
export const MAX_REMOVALS = 2000;

/** One spelling in one scope: where corrections replace each other (as addCorrection does). */
const slotOf = (c: { surface: string; scope: CorrectionScope }) =>
  `${surfaceKey(c.surface)}\u0000${JSON.stringify(c.scope)}`;

/**
 * Merge `incoming` into `local`, per spelling and scope: the latest act wins — a correction made
 * or edited, or its removal — and on equal times the incoming one (the file the user imports).
 * Corrections come out in the order they were made. A winning incoming correction
 * keeps its id unless another local correction has it (then `newId()` gives it one).
 */
export function mergeCorrectionSets(
  local: CorrectionSet,
  incoming: CorrectionSet,
  newId: () => string,
): { corrections: Correction[]; removals: CorrectionRemoval[] } {
  type Act = { at: string; local: boolean } & ({ correction: Correction } | { removal: CorrectionRemoval });
  const acts = new Map<string, Act>();
  const offer = (slot: string, act: Act) => {
    const held = acts.get(slot);
    const later = held ? Date.parse(act.at) - Date.parse(held.at) : 1;
    if (!held || later > 0 || (later === 0 && !act.local)) acts.set(slot, act);
  };
  for (const [isLocal, set] of [
    [true, local],
    [false, incoming],
  ] as const) {
    for (const correction of set.corrections)
      offer(slotOf(correction), { at: correction.at, local: isLocal, correction });
    for (const removal of set.removals) offer(slotOf(removal), { at: removal.at, local: isLocal, removal });
  }
  const localIds = new Map(local.corrections.map((c) => [c.id, slotOf(c)]));
  const corrections: Correction[] = [];
  const removals: CorrectionRemoval[] = [];
  const used = new Set<string>();
  for (const [slot, act] of acts) {
    if ('removal' in act) {
      removals.push(act.removal);
      continue;
    }
    let { correction } = act;
    const clash = !act.local && localIds.has(correction.id) && localIds.get(correction.id) !== slot;
    if (clash || used.has(correction.id)) correction = { ...correction, id: newId() };
    used.add(correction.id);
    corrections.push(correction);
  }
  corrections.sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
  removals.sort((a, b) => Date.parse(b.at) - Date.parse(a.at));
  return { corrections, removals: removals.slice(0, MAX_REMOVALS) };
}

/** The removal of `c` at `at`. */
export const removalOf = (c: Correction, at: string): CorrectionRemoval => ({ surface: c.surface, scope: c.scope, at });

/**
 * What counts as a correction (lib/entities/corrections.ts) when it comes from outside the code
 * that made it: an imported archive file (lib/archive/import-validation.ts) or the stored value
 * (lib/settings/corrections.ts). Checked by hand, field by field, with the problem said in
 * English and Vietnamese; bounded (MAX_CORRECTIONS, MAX_SURFACE_LENGTH) so a hostile file cannot
 * make every view search the text for 100,000 spellings.
 */
import type { EntityType } from '../article';
import { webUrlProblem } from '../archive/fields';
import type { Correction, CorrectionRemoval, CorrectionScope } from './corrections';
import { MAX_REMOVALS, surfaceKey } from './corrections';

/** Most corrections kept (a file with more is refused). */
export const MAX_CORRECTIONS = 2000;
/** Longest corrected spelling (characters): a name, not a paragraph. */
export const MAX_SURFACE_LENGTH = 200;
const MAX_ID_LENGTH = 200;
const MAX_URL = 8192;

const TYPES: readonly EntityType[] = ['PERSON', 'ORG', 'PLACE', 'EVENT'];
const KINDS = ['not-entity', 'wrong-entity', 'mark'];
const HOST = /^(?=.{1,253}$)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;
/** Gazetteer ids: letters, digits and a few separators; never markup, never `unlisted:` text. */
const ENTITY_ID = /^[\p{L}\p{N}][\p{L}\p{N}_.:\- ]*$/u;
const CONTROL = /[\p{Cc}\p{Cf}]/u;
const FORBIDDEN = new Set(['__proto__', 'constructor', 'prototype']);

export interface CorrectionProblem {
  /** Path inside the corrections list ([index, field…]). */
  path: (string | number)[];
  en: string;
  vi: string;
}

class Refused extends Error {
  constructor(readonly problem: CorrectionProblem) {
    super(problem.en);
  }
}
function refuse(path: (string | number)[], en: string, vi: string): never {
  throw new Refused({ path, en, vi });
}

type Fields = Record<string, unknown>;

function fields(v: unknown, path: (string | number)[], allowed: readonly string[]): Fields {
  if (typeof v !== 'object' || v === null || Array.isArray(v))
    refuse(path, 'must be an object', 'phải là một đối tượng');
  for (const key of Object.keys(v as object)) {
    if (FORBIDDEN.has(key)) refuse([...path, key], `the key "${key}" is not allowed`, `khoá "${key}" không được phép`);
    if (!allowed.includes(key)) refuse([...path, key], 'is not a known field', 'không phải trường đã biết');
  }
  return Object.fromEntries(Object.entries(v as object));
}

function text(v: unknown, path: (string | number)[], max: number): string {
  if (typeof v !== 'string') return refuse(path, 'must be a string', 'phải là một chuỗi');
  if (!v.trim()) refuse(path, 'must not be empty', 'không được để trống');
  if (v.length > max) refuse(path, `is longer than ${max} characters`, `dài quá ${max} ký tự`);
  if (CONTROL.test(v) || /[<>]/.test(v))
    refuse(path, 'holds control characters or markup', 'chứa ký tự điều khiển hoặc mã đánh dấu');
  return v;
}

function type(v: unknown, path: (string | number)[]): EntityType {
  const found = TYPES.find((t) => t === v);
  return found ?? refuse(path, `must be one of ${TYPES.join(', ')}`, `phải là một trong ${TYPES.join(', ')}`);
}

function entityId(v: unknown, path: (string | number)[]): string {
  const id = text(v, path, MAX_ID_LENGTH);
  if (!ENTITY_ID.test(id) || id.startsWith('unlisted:'))
    refuse(path, 'is not a gazetteer entity id', 'không phải mã thực thể trong danh mục');
  return id;
}

function scope(v: unknown, path: (string | number)[]): CorrectionScope {
  const f = fields(v, path, ['kind', 'url', 'site']);
  if (f.kind === 'everywhere' && f.url === undefined && f.site === undefined) return { kind: 'everywhere' };
  if (f.kind === 'site' && f.url === undefined) {
    const site = text(f.site, [...path, 'site'], 253);
    if (!HOST.test(site)) refuse([...path, 'site'], 'is not a site name', 'không phải tên trang');
    return { kind: 'site', site };
  }
  if (f.kind === 'article' && f.site === undefined) {
    const url = text(f.url, [...path, 'url'], MAX_URL);
    // the archive's own rule for addresses: http(s), a host, no user name or password
    if (webUrlProblem(url)) refuse([...path, 'url'], 'is not a web address', 'không phải địa chỉ web');
    return { kind: 'article', url };
  }
  return refuse(
    path,
    'must be { kind: "article", url }, { kind: "site", site } or { kind: "everywhere" }',
    'phải là { kind: "article", url }, { kind: "site", site } hoặc { kind: "everywhere" }',
  );
}

/** An ISO date and time, or refused. */
function dateTime(v: unknown, path: (string | number)[]): string {
  const at = text(v, path, 40);
  if (!DATE_TIME.test(at) || Number.isNaN(Date.parse(at)))
    refuse(path, 'is not a date and time', 'không phải ngày giờ');
  return at;
}

function removal(v: unknown, path: (string | number)[]): CorrectionRemoval {
  const f = fields(v, path, ['surface', 'scope', 'at']);
  return {
    surface: text(f.surface, [...path, 'surface'], MAX_SURFACE_LENGTH),
    scope: scope(f.scope, [...path, 'scope']),
    at: dateTime(f.at, [...path, 'at']),
  };
}

function correction(v: unknown, path: (string | number)[]): Correction {
  const f = fields(v, path, ['id', 'kind', 'surface', 'scope', 'at', 'entityId', 'type', 'name']);
  const kind = KINDS.find((k) => k === f.kind);
  if (!kind)
    refuse([...path, 'kind'], 'must be not-entity, wrong-entity or mark', 'phải là not-entity, wrong-entity hoặc mark');
  const base = {
    id: text(f.id, [...path, 'id'], MAX_ID_LENGTH),
    surface: text(f.surface, [...path, 'surface'], MAX_SURFACE_LENGTH),
    scope: scope(f.scope, [...path, 'scope']),
    at: dateTime(f.at, [...path, 'at']),
  };
  if (!surfaceKey(base.surface).replace(/[^\p{L}\p{N}]/gu, ''))
    refuse([...path, 'surface'], 'has no letter or digit', 'không có chữ hoặc số');
  if (kind === 'not-entity') {
    for (const key of ['entityId', 'type', 'name'])
      if (f[key] !== undefined)
        refuse([...path, key], 'is not a field of not-entity', 'không phải trường của not-entity');
    return { kind, ...base };
  }
  if (kind === 'wrong-entity') {
    return {
      kind,
      ...base,
      entityId: entityId(f.entityId, [...path, 'entityId']),
      type: type(f.type, [...path, 'type']),
      name: text(f.name, [...path, 'name'], MAX_SURFACE_LENGTH),
    };
  }
  const mark: Correction = { kind: 'mark', ...base, type: type(f.type, [...path, 'type']) };
  if (f.entityId !== undefined) mark.entityId = entityId(f.entityId, [...path, 'entityId']);
  if (f.name !== undefined) mark.name = text(f.name, [...path, 'name'], MAX_SURFACE_LENGTH);
  return mark;
}

/** The corrections in `v`, checked, or the first problem found. */
export function checkCorrections(
  v: unknown,
): { ok: true; corrections: Correction[] } | { ok: false; problem: CorrectionProblem } {
  try {
    if (!Array.isArray(v)) refuse([], 'must be a list of corrections', 'phải là một danh sách sửa');
    const list: unknown[] = v;
    if (list.length > MAX_CORRECTIONS)
      refuse([], `has more than ${MAX_CORRECTIONS} corrections`, `có hơn ${MAX_CORRECTIONS} mục sửa`);
    const corrections = list.map((c, i) => correction(c, [i]));
    const ids = new Set<string>();
    for (const [i, c] of corrections.entries()) {
      if (ids.has(c.id)) refuse([i, 'id'], 'repeats the id of another correction', 'trùng mã với một mục sửa khác');
      ids.add(c.id);
    }
    return { ok: true, corrections };
  } catch (error) {
    if (error instanceof Refused) return { ok: false, problem: error.problem };
    throw error;
  }
}

/** The stored corrections that pass the check, one by one (a damaged entry is dropped, not the list). */
export function keepValid(v: unknown): Correction[] {
  if (!Array.isArray(v)) return [];
  const kept: Correction[] = [];
  for (const item of v.slice(0, MAX_CORRECTIONS)) {
    const one = checkCorrections([item]);
    if (one.ok && !kept.some((c) => c.id === one.corrections[0]!.id)) kept.push(one.corrections[0]!);
  }
  return kept;
}

/** The removed corrections in `v` (at most MAX_REMOVALS), checked, or the first problem found. */
export function checkRemovals(
  v: unknown,
): { ok: true; removals: CorrectionRemoval[] } | { ok: false; problem: CorrectionProblem } {
  try {
    if (!Array.isArray(v)) refuse([], 'must be a list of removed corrections', 'phải là một danh sách mục sửa đã xoá');
    const list: unknown[] = v;
    if (list.length > MAX_REMOVALS)
      refuse([], `has more than ${MAX_REMOVALS} removed corrections`, `có hơn ${MAX_REMOVALS} mục sửa đã xoá`);
    return { ok: true, removals: list.map((r, i) => removal(r, [i])) };
  } catch (error) {
    if (error instanceof Refused) return { ok: false, problem: error.problem };
    throw error;
  }
}

/** The stored removals that pass the check, one by one. */
export function keepValidRemovals(v: unknown): CorrectionRemoval[] {
  if (!Array.isArray(v)) return [];
  return v.slice(0, MAX_REMOVALS).flatMap((item) => {
    const one = checkRemovals([item]);
    return one.ok ? one.removals : [];
  });
}

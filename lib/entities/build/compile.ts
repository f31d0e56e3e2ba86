/**
 * Build time: gazetteer rows → the serialised automaton + entity table (GazetteerData).
 * Runs in the Vite plugin (and in tests); the browser never builds a trie.
 */
import type { GazetteerData, GazetteerDetails, RowKind } from '../data';
import { phraseKeys } from '../tokenize';
import type { EntityRow, GazetteerRows } from './tsv';

interface BuildNode {
  next: Map<string, BuildNode>;
  code: number; // -1: no phrase ends here
  row: number;
}

const KIND: Record<EntityRow['type'], RowKind> = { PERSON: 'P', ORG: 'O', PLACE: 'L', EVENT: 'E' };
const COUNTRY: Record<EntityRow['country'], string> = { VN: 'V', LA: 'L', both: 'B', other: 'O' };
const REF = /\{([a-z0-9.-]+)\}/g;
const MAX_EXPANSIONS = 64;

function startsUpper(phrase: string): boolean {
  const c = phrase.trim().normalize('NFC').charAt(0);
  return c !== c.toLowerCase();
}

/** "{place.quang-tri} - {place.salavan}" → every combination of the two entities' names and aliases. */
function expand(alias: string, byId: Map<string, EntityRow>, warn: (m: string) => void, at: string): string[] {
  let out = [alias];
  for (const m of alias.matchAll(REF)) {
    const ref = byId.get(m[1]!);
    if (!ref) {
      warn(`${at}: unknown reference {${m[1]}}`);
      return [];
    }
    const forms = [ref.name, ...ref.aliases.filter((a) => !a.includes('{'))];
    out = out.flatMap((o) => forms.map((f) => o.replace(m[0], f)));
  }
  if (out.length > MAX_EXPANSIONS) warn(`${at}: "${alias}" expands to ${out.length} forms, kept ${MAX_EXPANSIONS}`);
  return out.slice(0, MAX_EXPANSIONS);
}

export interface CompileResult {
  data: GazetteerData;
  details: GazetteerDetails;
  warnings: string[];
  phrases: number;
}

export function compileGazetteer(rows: GazetteerRows): CompileResult {
  const warnings: string[] = [];
  const warn = (m: string): void => void warnings.push(m);
  const byId = new Map<string, EntityRow>();
  for (const e of rows.entities) {
    if (byId.has(e.id)) warn(`${e.at}: duplicate id ${e.id}`);
    else byId.set(e.id, e);
  }

  const kinds: string[] = [];
  const countries: string[] = [];
  const table = {
    ids: [] as string[],
    names: [] as string[],
    vi: [] as string[],
    en: [] as string[],
    aliases: [] as string[],
  };
  const root: BuildNode = { next: new Map(), code: -1, row: -1 };
  let phrases = 0;

  const insert = (phrase: string, row: number, caps: boolean, at: string): void => {
    const keys = phraseKeys(phrase);
    if (!keys) return warn(`${at}: "${phrase}" holds punctuation a name cannot cross, skipped`);
    let node = root;
    for (const k of keys) {
      let child = node.next.get(k);
      if (!child) node.next.set(k, (child = { next: new Map(), code: -1, row: -1 }));
      node = child;
    }
    if (node.row >= 0 && node.row !== row) {
      return warn(`${at}: "${phrase}" already belongs to ${table.ids[node.row] || table.names[node.row]}, skipped`);
    }
    phrases++;
    const wasCaps = node.row === row ? (node.code & 1) === 1 : true;
    node.row = row;
    node.code = (row << 1) | (wasCaps && caps ? 1 : 0);
  };

  for (const e of byId.values()) {
    const row = kinds.length;
    kinds.push(KIND[e.type]);
    countries.push(COUNTRY[e.country]);
    table.ids.push(e.id);
    table.names.push(e.name);
    table.vi.push(e.vi);
    table.en.push(e.en);
    table.aliases.push(e.aliases.join(' | '));
    const forms = [e.name, ...e.aliases.flatMap((a) => (a.includes('{') ? expand(a, byId, warn, e.at) : [a]))];
    // A pair ({ref} - {ref}: twin provinces, border-gate pairs) is a record of the relation; in
    // text "Thanh Hóa - Hủa Phăn" is two mentions, one per side, so the pair's forms are not matched.
    if (e.aliases.some((a) => a.includes('{'))) continue;
    for (const f of new Set(forms)) insert(f, row, startsUpper(f), e.at);
  }
  for (const [list, kind] of [
    [rows.stops, 'S'],
    [rows.titles, 'T'],
  ] as const) {
    for (const p of list) {
      const row = kinds.length;
      kinds.push(kind);
      countries.push('-');
      for (const k of ['ids', 'vi', 'en', 'aliases'] as const) table[k].push('');
      table.names.push(''); // the trie holds the phrase; the browser needs nothing more
      insert(p.phrase, row, false, p.at);
    }
  }

  // Symbols, most frequent first (small numbers serialise short).
  const freq = new Map<string, number>();
  const walk = (n: BuildNode): void => {
    for (const [k, c] of n.next) {
      freq.set(k, (freq.get(k) ?? 0) + 1);
      walk(c);
    }
  };
  walk(root);
  const vocab = [...freq.keys()].sort((a, b) => freq.get(b)! - freq.get(a)! || (a < b ? -1 : 1));
  const symId = new Map(vocab.map((s, i) => [s, i]));

  // Breadth-first: edge e leads to node e + 1.
  const counts: number[] = [];
  const syms: number[] = [];
  const acc: number[] = [];
  const queue: BuildNode[] = [root];
  let lastAccepting = 0;
  for (let n = 0; n < queue.length; n++) {
    const node = queue[n]!;
    if (node.code >= 0) {
      acc.push(n - lastAccepting, node.code);
      lastAccepting = n;
    }
    const edges = [...node.next].map(([k, c]) => [symId.get(k)!, c] as const).sort((a, b) => a[0] - b[0]);
    counts.push(edges.length);
    for (const [s, c] of edges) {
      syms.push(s);
      queue.push(c);
    }
  }

  const data: GazetteerData = {
    v: 1,
    vocab: vocab.join(' '),
    counts,
    syms,
    acc,
    kinds: kinds.join(''),
    countries: countries.join(''),
    ids: table.ids,
    names: table.names,
  };
  const details: GazetteerDetails = { vi: table.vi, en: table.en, aliases: table.aliases };
  return { data, details, warnings, phrases };
}

/**
 * The serialised gazetteer: what the Vite plugin emits for `virtual:vietlao-gazetteer` and the
 * matcher reads. Plain arrays and strings (JSON), built once at build time.
 *
 * The trie is stored in breadth-first order, so it needs no child pointers: node 0 is the root,
 * `counts[n]` is the number of edges leaving node n, edges are numbered in node order (sorted by
 * symbol within a node) and edge e leads to node e + 1.
 */

/** Row kinds: P(erson), O(rg), L(ocation = PLACE), E(vent), T(itle before a name), S(top phrase). */
export type RowKind = 'P' | 'O' | 'L' | 'E' | 'T' | 'S';

export interface GazetteerData {
  v: 1;
  /** Symbols (syllable keys, "," and ".") joined by one space; symbol id = index. */
  vocab: string;
  /** Edges per node, breadth-first. */
  counts: number[];
  /** Symbol of each edge, breadth-first, ascending within a node. */
  syms: number[];
  /**
   * Pairs [node delta, code]: the node (previous node + delta) ends a phrase of row `code >> 1`;
   * `code & 1` = the phrase must start with an upper-case letter in the text.
   */
  acc: number[];
  /** One character per row: RowKind. */
  kinds: string;
  /** One character per row: V(N), L(A), B(oth), O(ther), - (titles, stop phrases). */
  countries: string;
  /** Entity id per row ("" for titles and stop phrases). */
  ids: string[];
  /** Canonical name per row (the phrase itself for titles and stop phrases). */
  names: string[];
}

/**
 * Descriptions and aliases (`virtual:vietlao-gazetteer/details`), apart from the automaton so
 * that code which only finds and highlights mentions (the content script) does not carry them.
 * Same rows as GazetteerData.
 */
export interface GazetteerDetails {
  vi: string[];
  en: string[];
  /** Every alias as written in the TSV, joined by " | ". */
  aliases: string[];
}

/**
 * One key table: keys grouped by entity row (ambiguous keys, row -1, first), joined by one space;
 * `runs` is pairs [row − previous row (starting from -1), number of keys of that row]. Grouping by
 * row keeps the numbers to one digit: the table is a third smaller gzipped than key → row pairs.
 */
export interface KeyTable {
  keys: string;
  runs: number[];
}

/**
 * Phonetic keys of every PERSON and PLACE name and alias (`virtual:vietlao-gazetteer/phonetic`,
 * lib/entities/phonetic.ts), for names the automaton does not know. Row -1: two entities share
 * the key (it links to nothing).
 */
export interface PhoneticData {
  v: 1;
  /** spellingKey of each form: same letters once tones, diacritics, case and separators go. */
  spelling: KeyTable;
  /** phoneticKey of each form. */
  sound: KeyTable;
  /** phoneticKey of the given name alone of each Lao person (keys no form above has). */
  given: KeyTable;
  /**
   * One character per row: a place's level (LEVEL_CODE, lib/entities/place-level.ts), '-' for a
   * place of no known level, '.' for anything else.
   */
  levels: string;
  /** Level code + spellingKey of each place form without its generic words ("dchomphet"). */
  levelSpelling: KeyTable;
  /** Level code + phoneticKey of the same forms. */
  levelSound: KeyTable;
}

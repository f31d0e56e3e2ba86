/**
 * The runtime side of the serialised trie: decoded once (prefix sums, a symbol map), no trie
 * building. `longest` walks it from one token: leftmost-longest whole-syllable phrase.
 */
import type { GazetteerData } from './data';
import type { Token } from './tokenize';

export interface PhraseHit {
  /** Token index one past the last token of the phrase. */
  end: number;
  row: number;
}

export class Automaton {
  private readonly first: Int32Array;
  private readonly syms: Int32Array;
  private readonly accept: Int32Array;
  private readonly symbols: Map<string, number>;

  constructor(data: GazetteerData) {
    const n = data.counts.length;
    this.first = new Int32Array(n + 1);
    for (let i = 0; i < n; i++) this.first[i + 1] = this.first[i]! + data.counts[i]!;
    this.syms = Int32Array.from(data.syms);
    this.accept = new Int32Array(n).fill(-1);
    for (let i = 0, node = 0; i < data.acc.length; i += 2) {
      node += data.acc[i]!;
      this.accept[node] = data.acc[i + 1]!;
    }
    this.symbols = new Map(data.vocab.split(' ').map((s, i) => [s, i]));
  }

  /** Child of `node` along symbol `sym`, or -1. Edges of a node are sorted: binary search. */
  private step(node: number, sym: number): number {
    let lo = this.first[node]!;
    let hi = this.first[node + 1]! - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const s = this.syms[mid]!;
      if (s === sym) return mid + 1;
      if (s < sym) lo = mid + 1;
      else hi = mid - 1;
    }
    return -1;
  }

  /** The longest phrase starting at token `at` that does not cross a break, or null. */
  longest(tokens: readonly Token[], at: number): PhraseHit | null {
    let node = 0;
    let best: PhraseHit | null = null;
    for (let j = at; j < tokens.length; j++) {
      const t = tokens[j]!;
      if (j > at && t.breakBefore) break;
      const sym = this.symbols.get(t.key);
      if (sym === undefined) break;
      node = this.step(node, sym);
      if (node < 0) break;
      const code = this.accept[node]!;
      if (code >= 0 && ((code & 1) === 0 || tokens[at]!.upper)) best = { end: j + 1, row: code >> 1 };
    }
    return best;
  }
}

/**
 * Lead prefixes: the outlet's own tag that opens a sapo — "(ANTV) - ", "(VOV5) - ",
 * "(Chinhphu.vn) - ", "VOV.VN - ", "(NLĐO)- ", "(Baonghean.vn) - ". It belongs to the lead as the
 * site prints it, but it is never part of a headline and never a body paragraph of its own.
 *
 * Heuristics, and why:
 * - PARENTHESISED: a short tag in parentheses (no sentence: at most 3 words, 30 characters)
 *   followed by a dash. "(ANTV) -" and "(Chinhphu.vn) -" are the common form.
 * - DOMAIN: a bare domain-like tag ("VOV.VN -", "Chinhphu.vn -") followed by a dash.
 * - The dash is required: "(Ảnh: TTXVN)" or a headline in parentheses is not a prefix.
 */
const PARENTHESISED = /^\s*\(\s*([\p{L}\p{N}.+&]+(?:\s+[\p{L}\p{N}.+&]+){0,2})\s*\)\s*[-–—]\s*/u;
const DOMAIN = /^\s*([\p{L}\p{N}-]+\.(?:vn|com\.vn|gov\.vn|net|com))\s*[-–—]\s*/iu;
const MAX_TAG_LENGTH = 30;

/** The prefix ("(VOV5) - ") and the text after it; `prefix` is null when there is none. */
export function splitLeadPrefix(text: string): { prefix: string | null; rest: string } {
  for (const re of [PARENTHESISED, DOMAIN]) {
    const m = re.exec(text);
    if (m && m[1]!.length <= MAX_TAG_LENGTH && m[0].length < text.trim().length) {
      return { prefix: m[0].trim(), rest: text.slice(m[0].length).trim() };
    }
  }
  return { prefix: null, rest: text.trim() };
}

export function hasLeadPrefix(text: string): boolean {
  return splitLeadPrefix(text).prefix !== null;
}

/** A headline never carries the lead prefix: "(VOV5) - Lào và Việt Nam…" → "Lào và Việt Nam…". */
export function stripLeadPrefix(text: string): string {
  return splitLeadPrefix(text).rest;
}

/**
 * findMentions: one left-to-right pass over the tokens. At each token the automaton gives the
 * longest gazetteer phrase (entity, title or stop phrase); where none starts, the name patterns
 * of names.ts are tried. Titles written before a person are kept on the person's mention.
 */
import type { EntityType, Mention } from '../article';
import { foldDiacritics } from '../text/vietnamese';
import type { Automaton } from './automaton';
import type { GazetteerTable } from './table';
import { placeName, placePrefix, romanisedName, transliteratedName, vietnameseName } from './names';
import { tokenize, type Token } from './tokenize';

/** Entity types that may qualify an office: "Bộ trưởng Bộ Quốc phòng", "Đại sứ Lào". */
const QUALIFIERS: ReadonlySet<EntityType> = new Set(['ORG', 'PLACE']);

interface Pending {
  start: number; // token index of the first title
  end: number; // token index one past the last title
}

export function unlistedId(type: EntityType, tokens: readonly Token[], from: number, to: number): string {
  const folded = tokens
    .slice(from, to)
    .map((t) => foldDiacritics(t.key))
    .join(' ');
  return `unlisted:${type}:${folded}`;
}

export function findMentionsWith(automaton: Automaton, table: GazetteerTable, text: string): Mention[] {
  const tokens = tokenize(text);
  const mentions: Mention[] = [];
  let pending: Pending | null = null;

  const titleBefore = (i: number): string | undefined => {
    if (!pending || pending.end !== i || tokens[i]!.breakBefore) return undefined;
    return text.slice(tokens[pending.start]!.start, tokens[pending.end - 1]!.end);
  };
  const push = (from: number, to: number, type: EntityType, entityId: string | null, title?: string): void => {
    const start = tokens[from]!.start;
    const end = tokens[to - 1]!.end;
    const m: Mention = {
      start,
      end,
      surface: text.slice(start, end),
      entityId: entityId ?? unlistedId(type, tokens, from, to),
      type,
      listed: entityId !== null,
    };
    if (title !== undefined) m.title = title;
    mentions.push(m);
  };

  const qualifierAt = (at: number): boolean => {
    const hit = at < tokens.length && !tokens[at]!.breakBefore ? automaton.longest(tokens, at) : null;
    const row = hit ? table.row(hit.row) : null;
    return row?.kind === 'entity' && QUALIFIERS.has(row.type);
  };

  let i = 0;
  while (i < tokens.length) {
    const hit = automaton.longest(tokens, i);
    if (hit) {
      const row = table.row(hit.row);
      if (row.kind === 'title') {
        const prev = pending as Pending | null;
        const chained = prev !== null && (prev.end === i || (tokens[prev.end]?.key === ',' && prev.end + 1 === i));
        pending = { start: prev !== null && chained ? prev.start : i, end: hit.end };
      } else if (row.kind === 'entity') {
        const title = titleBefore(i);
        push(i, hit.end, row.type, row.id, row.type === 'PERSON' ? title : undefined);
        // "Chánh Văn phòng Bộ Quốc phòng Lào Saichay Kommasith": an office of an ORG or PLACE
        // is still a title for the person right after it.
        pending =
          title !== undefined && QUALIFIERS.has(row.type) && pending ? { start: pending.start, end: hit.end } : null;
      } else {
        pending = null;
      }
      i = hit.end;
      continue;
    }

    const title = titleBefore(i);
    if (title !== undefined && pending) {
      const t = tokens[i]!;
      // "Phó Thủ tướng, Bộ trưởng …": the comma waits for the next title.
      if (t.key === ',') {
        i++;
        continue;
      }
      // "Đại sứ Việt Nam tại Lào Nguyễn Minh Tâm".
      if (t.key === 'tại' && qualifierAt(i + 1)) {
        pending = { start: pending.start, end: i + 1 };
        i++;
        continue;
      }
      const end =
        vietnameseName(tokens, i) ?? transliteratedName(tokens, i, true) ?? romanisedName(text, tokens, i, true);
      pending = null;
      if (end !== null) {
        push(i, end, 'PERSON', null, title);
        i = end;
        continue;
      }
    }

    const prefix = placePrefix(tokens, i);
    if (prefix > 0 && !tokens[i + prefix]?.breakBefore && !automaton.longest(tokens, i + prefix)) {
      const end = placeName(tokens, i + prefix);
      if (end !== null) {
        push(i + prefix, end, 'PLACE', null);
        i = end;
        continue;
      }
    }

    const end = transliteratedName(tokens, i, false) ?? romanisedName(text, tokens, i, false);
    if (end !== null) {
      push(i, end, 'PERSON', null);
      i = end;
      continue;
    }
    i++;
  }
  return mentions;
}

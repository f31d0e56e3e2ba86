/**
 * findMentions: one left-to-right pass over the tokens. At each token the automaton gives the
 * longest gazetteer phrase (entity, title or stop phrase); where none starts, the name patterns
 * of names.ts are tried. Titles written before a person are kept on the person's mention.
 * A name found by a pattern is looked up by its phonetic keys (lib/entities/phonetic-index.ts):
 * when exactly one PERSON or PLACE entity owns the key, the mention links to it (`listed: false`,
 * with a `confidence`). A run of capitalised syllables no pattern takes becomes a mention only
 * when it links that way ("Hủa Phan", "Xieng Khuang"); so does a place after a facility head
 * ("cửa khẩu quốc tế Bờ Y"). A generic word in the span says the place's level
 * (lib/entities/place-level.ts): "huyện Phongsaly" links to the district, not the province.
 */
import type { EntityType, LinkConfidence, Mention } from '../article';
import { foldDiacritics } from '../text/vietnamese';
import type { Automaton } from './automaton';
import type { GazetteerTable } from './table';
import {
  capitalisedRun,
  facilityPrefix,
  placeName,
  placePrefix,
  plainVietnameseName,
  romanisedName,
  syllableName,
  transliteratedName,
  vietnameseName,
} from './names';
import { MIN_KEY } from './phonetic';
import type { PhoneticIndex } from './phonetic-index';
import { tokenize, wordKey, type Token } from './tokenize';

/** Entity types that may qualify an office: "Bộ trưởng Bộ Quốc phòng", "Đại sứ Lào". */
const QUALIFIERS: ReadonlySet<EntityType> = new Set(['ORG', 'PLACE']);
const PERSON: ReadonlySet<EntityType> = new Set(['PERSON']);
const PLACE: ReadonlySet<EntityType> = new Set(['PLACE']);
const NAMES: ReadonlySet<EntityType> = new Set(['PERSON', 'PLACE']);
/** Compass words: "Bắc Lào" is the north of a listed place, not a place of its own. */
const COMPASS: ReadonlySet<string> = new Set(['bắc', 'nam', 'đông', 'tây', 'trung'].map(wordKey));
/** Vowel groups separated by consonants: a word of more than one syllable ("Bokeo", not "Thanh"). */
const SYLLABLES = /[aeiouy][^aeiouy]+[aeiouy]/;

/** A run of one Vietnamese-looking syllable ("Thanh", "Huế"): too common a word to link on. */
function oneSyllable(tokens: readonly Token[], from: number, to: number): boolean {
  return to - from === 1 && !SYLLABLES.test(foldDiacritics(tokens[from]!.key));
}

interface Link {
  id: string;
  type: EntityType;
  confidence: LinkConfidence;
}

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

export function findMentionsWith(
  automaton: Automaton,
  table: GazetteerTable,
  text: string,
  phonetic?: PhoneticIndex,
): Mention[] {
  const tokens = tokenize(text);
  const mentions: Mention[] = [];
  let pending: Pending | null = null;

  /** The listed entity (of one of `types`) a name found by a pattern sounds like, or null. */
  const link = (from: number, to: number, types: ReadonlySet<EntityType>, loosest: LinkConfidence): Link | null => {
    const hit = phonetic?.link(text.slice(tokens[from]!.start, tokens[to - 1]!.end), { loosest, minKey: MIN_KEY });
    const row = hit ? table.row(hit.row) : null;
    return hit && row?.kind === 'entity' && types.has(row.type)
      ? { id: row.id, type: row.type, confidence: hit.confidence }
      : null;
  };
  const pushName = (from: number, to: number, type: EntityType, found: Link | null, title?: string): void => {
    if (!found) return push(from, to, type, null, title);
    push(from, to, found.type, found.id, found.type === 'PERSON' ? title : undefined);
    const m = mentions[mentions.length - 1]!;
    m.listed = false;
    m.confidence = found.confidence;
  };

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
      pending = null;
      const syllables = syllableName(tokens, i, (at) => automaton.longest(tokens, at) !== null);
      const vietnamese = syllables === null ? vietnameseName(tokens, i) : null;
      const end =
        syllables ?? vietnamese ?? transliteratedName(tokens, i, true) ?? romanisedName(text, tokens, i, true);
      if (end !== null) {
        // A Vietnamese name written with its diacritics is its own spelling ("Thành" ≠ "Thạnh"):
        // not linked; written without them ("Phan Van Giang"), only to the same letters.
        const plain = plainVietnameseName(tokens, i, end);
        const found = plain ? link(i, end, PERSON, 'exact') : vietnamese === null ? link(i, end, PERSON, 'near') : null;
        pushName(i, end, 'PERSON', found, title);
        i = end;
        continue;
      }
    }

    const prefix = placePrefix(tokens, i);
    // "các tỉnh Bắc ⟨Lào⟩": a compass word before a listed place is outside its span.
    if (prefix > 0 && COMPASS.has(tokens[i + prefix]?.key ?? '') && automaton.longest(tokens, i + prefix + 1)) {
      i += prefix + 1;
      continue;
    }
    if (prefix > 0 && !tokens[i + prefix]?.breakBefore && !automaton.longest(tokens, i + prefix)) {
      const end = placeName(tokens, i + prefix);
      if (end !== null) {
        // Looked up with its head ("huyện Phongsaly" is the district), marked without it.
        const place = link(i, end, PLACE, 'near');
        // "Giám đốc Công an tỉnh Tô Anh Dũng": a full Vietnamese name (three syllables or more,
        // a family name first) that links to no place is the person holding the office.
        const person = place === null && end - (i + prefix) >= 3 && vietnameseName(tokens, i + prefix) === end;
        pushName(i + prefix, end, person ? 'PERSON' : 'PLACE', place);
        i = end;
        continue;
      }
    }

    // "cửa khẩu quốc tế Bờ Y", "Sân bay Đà Nẵng": a facility's head is inside its span, and says
    // what the name after it is (not the city "Đà Nẵng").
    const facility = facilityPrefix(tokens, i);
    const named = facility > 0 && !tokens[i + facility]?.breakBefore ? placeName(tokens, i + facility) : null;
    const facilityLink = named !== null ? link(i, named, PLACE, 'phonetic') : null;
    if (named !== null && facilityLink) {
      pushName(i, named, 'PLACE', facilityLink);
      i = named;
      continue;
    }

    const end = transliteratedName(tokens, i, false) ?? romanisedName(text, tokens, i, false);
    if (end !== null) {
      const loosest = plainVietnameseName(tokens, i, end) ? 'exact' : 'near';
      // "Nam Theun 2": a number written on names a dam or a road, not what the name alone is.
      const next = tokens[end];
      if (next && next.word && !next.letter && !next.breakBefore) {
        const numbered = link(i, end + 1, PLACE, 'phonetic');
        if (numbered) pushName(i, end + 1, 'PLACE', numbered);
        else pushName(i, end, 'PERSON', null);
        i = numbered ? end + 1 : end;
        continue;
      }
      pushName(i, end, 'PERSON', link(i, end, NAMES, loosest));
      i = end;
      continue;
    }
    // Only a candidate: no near matches, and one word needs a longer key ("Bokeo", not "Huế").
    const run = phonetic ? capitalisedRun(tokens, i, (at) => automaton.longest(tokens, at) !== null) : null;
    const linked = run !== null && !oneSyllable(tokens, i, run) ? link(i, run, NAMES, 'phonetic') : null;
    if (run !== null && linked) {
      pushName(i, run, linked.type, linked, title);
      i = run;
      continue;
    }
    i++;
  }
  return mentions;
}

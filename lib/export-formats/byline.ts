/**
 * A byline read as the people who wrote the article, for the citation formats (CSL-JSON, RIS).
 * Vietnamese names are written family name first ("Nguyễn Văn An": family Nguyễn, given Văn An),
 * which is how Zotero and the citation styles want them split. Several writers are separated by
 * commas, semicolons, "và", "&", "/" or a dash. Anything that does not look like a personal name
 * — a news agency ("TTXVN"), "Theo VnExpress", "PV", a newsroom group, one word — stays one
 * literal name, printed as written rather than mangled into family and given parts.
 */
import { oneLine } from './format';

export type Author = { family: string; given: string } | { literal: string };

const SEPARATORS = /\s*(?:[,;/&]|\s[-–—]\s|\s(?:và|and)\s)\s*/iu;
/** Words of a personal name: a capital letter, then lower-case letters (Vietnamese or not). */
const NAME_WORD = /^\p{Lu}[\p{Ll}\p{M}'’]*$/u;
/** Words that mark a source or a newsroom, not a person. */
const NOT_A_PERSON = /^(?:theo|nguồn|nhóm|pv|ptv|ctv|bài|ảnh|tin|báo|ban|phóng)\b/iu;

function person(part: string): Author | null {
  const words = part.split(/\s+/).filter(Boolean);
  if (words.length < 2 || words.length > 5 || NOT_A_PERSON.test(part)) return null;
  if (!words.every((w) => NAME_WORD.test(w))) return null;
  return { family: words[0]!, given: words.slice(1).join(' ') };
}

/** The byline's authors; [] for no byline. A byline that is not all personal names: one literal. */
export function parseByline(byline: string | null): Author[] {
  const text = oneLine(byline ?? '').normalize('NFC');
  if (!text) return [];
  const parts = text.split(SEPARATORS).filter(Boolean);
  const people = parts.map(person);
  if (people.length > 0 && people.every((p): p is Author => p !== null)) return people;
  return [{ literal: text }];
}

/** "Family, Given" (RIS AU), or the literal name. */
export function risName(a: Author): string {
  return 'literal' in a ? a.literal : `${a.family}, ${a.given}`;
}

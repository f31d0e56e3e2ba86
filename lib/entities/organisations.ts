/**
 * Organisations by their heads, when the gazetteer does not list them: a provincial body, party
 * committee, command or post written before the province (or place) it belongs to is ONE ORG
 * mention over head and place, and the place inside is not a mention of its own (conventions:
 * tests/fixtures/entities-eval/README.md, "Full organisation names include their country or
 * province"; "Names inside a longer name are not mentions of their own").
 *
 * Named rules, each with its reason and an example:
 *  - COMMITTEE: a party committee is named by its place: "⟨Tỉnh ủy Thanh Hóa⟩", "⟨Thành ủy Viêng
 *    Chăn⟩", "⟨Huyện ủy Quan Sơn⟩".
 *  - COUNCIL: people's councils and committees, police, the Fatherland Front and the military
 *    and border guard commands of a province: "⟨HĐND tỉnh Hà Tĩnh⟩", "⟨Ủy ban nhân dân tỉnh Thái
 *    Nguyên⟩", "⟨Bộ Chỉ huy Quân sự tỉnh Salavan⟩", "⟨Bộ Chỉ huy Bộ đội Biên phòng (BĐBP) tỉnh
 *    Quảng Trị⟩", "⟨Ủy ban MTTQ Việt Nam tỉnh Thanh Hóa⟩". Only with the place's head ("tỉnh",
 *    "thành phố", "huyện"): "Công an Lào" is the ministry's force, listed on its own.
 *  - POST: a border post by its name: "⟨đồn biên phòng Nậm Càn⟩".
 * Listed organisations were matched before this runs (the automaton takes the longest phrase),
 * so these add only what the gazetteer lacks, with `listed: false`.
 */
import type { Mention } from '../article';
import { foldDiacritics } from '../text/vietnamese';
import { keepOutermost } from './outermost';

const UY = '(?:ủy|uỷ)';
const PLACE_HEAD = String.raw`(?:tỉnh|thành\s+phố|TP\.?|huyện)`;
const COMMITTEE = String.raw`(?:tỉnh|thành|huyện)\s+${UY}`;
const COUNCIL =
  String.raw`(?:hội\s+đồng\s+nhân\s+dân|HĐND|${UY}\s+ban\s+nhân\s+dân|UBND|công\s+an|` +
  String.raw`${UY}\s+ban\s+(?:MTTQ|mặt\s+trận\s+tổ\s+quốc)(?:\s+Việt\s+Nam)?|` +
  String.raw`bộ\s+chỉ\s+huy\s+(?:quân\s+sự|bộ\s+đội\s+biên\s+phòng(?:\s*\(BĐBP\))?|BĐBP)|bộ\s+CHQS|` +
  String.raw`ban\s+chỉ\s+huy\s+quân\s+sự)\s+${PLACE_HEAD}`;
const POST = String.raw`đồn\s+biên\s+phòng`;
/** A head right before a place mention (the text between them: spaces only). */
const HEAD = new RegExp(String.raw`(?:^|[^\p{L}])((?:${COMMITTEE}|${COUNCIL}|${POST})\s+)$`, 'iu');
/** How far before a place its head may start. */
const REACH = 80;

const unlisted = (surface: string): string =>
  `unlisted:ORG:${foldDiacritics(surface.toLowerCase()).replace(/\s+/g, ' ')}`;

/** How many characters at the end of `raw` read as `nfc` (an NFD page spells the head longer). */
function rawLength(raw: string, nfc: string): number {
  for (let n = nfc.length; n <= raw.length; n++) if (raw.slice(raw.length - n).normalize('NFC') === nfc) return n;
  return nfc.length;
}

/** `mentions` with each PLACE that follows an organisation's head replaced by the organisation. */
export function findOrganisations(text: string, mentions: readonly Mention[]): Mention[] {
  const added: Mention[] = [];
  for (const m of mentions) {
    // Only a place the gazetteer knows (listed or linked by sound): after "Giám đốc Công an tỉnh"
    // a person's name is taken for an unlisted place, and must not become an organisation.
    if (m.type !== 'PLACE' || m.entityId.startsWith('unlisted:')) continue;
    const before = text.slice(Math.max(0, m.start - REACH), m.start);
    const head = HEAD.exec(before.normalize('NFC'));
    if (!head) continue;
    const start = m.start - rawLength(before, head[1]!);
    const surface = text.slice(start, m.end);
    added.push({ start, end: m.end, surface, entityId: unlisted(surface), type: 'ORG', listed: false });
  }
  if (added.length === 0) return [...mentions];
  // The place and any force named in the head ("Bộ đội Biên phòng", "MTTQ Việt Nam") go.
  return keepOutermost(added, mentions);
}

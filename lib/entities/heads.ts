/**
 * Administrative heads are outside a place's span: "tỉnh ⟨Thanh Hóa⟩", "huyện ⟨Quan Sơn⟩",
 * "TP ⟨Sầm Sơn⟩", "thủ đô ⟨Viêng Chăn⟩", "nước ⟨CHDCND Lào⟩". The gazetteer lists some forms with
 * their head (press usage: "Thủ đô Hà Nội" is how the capital is often written), so a listed
 * PLACE mention that starts with a head loses it, but only when the rest, matched alone, is the
 * same entity over its whole length: "Thành phố Hồ Chí Minh" keeps its head, because "Hồ Chí
 * Minh" alone is a person.
 */
import type { Mention } from '../article';

/** The heads, as the press writes them, with the space after them. */
const HEAD = /^(?:nước|tỉnh|huyện|quận|thị xã|thị trấn|xã|thành phố|TP\.?|thủ đô)\s+/iu;

export function trimHeads(mentions: Mention[], find: (text: string) => Mention[]): Mention[] {
  return mentions.map((m) => {
    if (m.type !== 'PLACE' || !m.listed) return m;
    // The head is looked for in NFC ("tỉnh" written in NFD has a combining hook), then cut from
    // the surface as written: as many words and the spaces after them.
    const head = HEAD.exec(m.surface.normalize('NFC'));
    if (!head) return m;
    const words = head[0].trim().split(/\s+/).length;
    const raw = new RegExp(String.raw`^(?:\S+\s+){${words}}`, 'u').exec(m.surface);
    if (!raw) return m;
    const rest = m.surface.slice(raw[0].length);
    const alone = find(rest);
    if (
      alone.length !== 1 ||
      alone[0]!.entityId !== m.entityId ||
      alone[0]!.start !== 0 ||
      alone[0]!.end !== rest.length
    )
      return m;
    return { ...m, start: m.start + raw[0].length, surface: rest };
  });
}

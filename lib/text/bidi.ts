/**
 * Bidirectional-text controls, neutralised. The embeddings and overrides U+202A–U+202E and the
 * isolates U+2066–U+2069 are invisible and reorder the text around them: a title holding U+202E
 * ("right-to-left override") reads reversed, and an unclosed one reverses whatever follows it in a
 * file or a list. Nothing the extension stores needs them (Vietnamese and Lao are left-to-right
 * scripts), so views show titles, names and sites without them (and isolated, dir="auto") and the
 * exports write them without them. The directional marks U+200E, U+200F and U+061C go too.
 */

/** U+202A–U+202E (embeddings, overrides, pop), U+2066–U+2069 (isolates), U+200E/U+200F/U+061C (marks). */
const BIDI_CONTROL = /[\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C]/;
const BIDI_CONTROLS = new RegExp(BIDI_CONTROL.source, 'g');

/** `text` without bidirectional formatting characters; everything else unchanged. */
export function stripBidiControls(text: string): string {
  return text.replace(BIDI_CONTROLS, '');
}

/** Whether `text` holds any bidirectional formatting character. */
export function hasBidiControls(text: string): boolean {
  return BIDI_CONTROL.test(text);
}

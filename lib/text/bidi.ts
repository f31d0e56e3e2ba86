/**
 * Bidirectional-text controls, neutralised: a title, name or site carrying U+202E (RIGHT-TO-LEFT
 * OVERRIDE) or an isolate it never closes would reorder what is shown around it ("a title with
 * U+202E reads reversed in the popup"). Views isolate such strings as well (dir="auto").
 */

/** U+202A–U+202E (embeddings, overrides, pop), U+2066–U+2069 (isolates), U+200E/U+200F/U+061C (marks). */
const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C]/g;

/** `text` without bidirectional formatting characters; everything else unchanged. */
export function stripBidiControls(text: string): string {
  return text.replace(BIDI_CONTROLS, '');
}

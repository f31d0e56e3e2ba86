/**
 * Bidirectional-text controls. The embeddings and overrides U+202A–U+202E and the isolates
 * U+2066–U+2069 are invisible and reorder the text around them: a title holding U+202E
 * ("right-to-left override") reads reversed, and an unclosed one reverses whatever follows it
 * in a file or a list. Nothing the extension stores needs them (Vietnamese and Lao are
 * left-to-right scripts), so the exports write titles, names and sites without them.
 */

/** LRE, RLE, PDF, LRO, RLO (U+202A–U+202E) and LRI, RLI, FSI, PDI (U+2066–U+2069). */
const BIDI_CONTROL = /[\u202A-\u202E\u2066-\u2069]/;
const BIDI_CONTROLS = new RegExp(BIDI_CONTROL.source, 'g');

/** `text` without bidi embedding, override and isolate controls (every other character kept). */
export function stripBidiControls(text: string): string {
  return text.replace(BIDI_CONTROLS, '');
}

/** Whether `text` holds any bidi embedding, override or isolate control. */
export function hasBidiControls(text: string): boolean {
  return BIDI_CONTROL.test(text);
}

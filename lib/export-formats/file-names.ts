/**
 * Safe, unique file names for the Markdown export's zip, made from article titles. Vietnamese
 * diacritics are kept (NFC: one code point per letter, as macOS, Windows and Obsidian all show
 * it), so the files read as their titles. Removed: path separators and the characters Windows
 * forbids (/ \ : * ? " < > |), the ones that break Obsidian's links (# ^ [ ]), control characters,
 * leading and trailing dots and spaces — so no name can climb out of the folder it is unpacked
 * in (no "..", no "/"), and every name is a single file at the zip's root. Windows' reserved
 * device names get the article id instead; names are cut to MAX_NAME code points; a repeated
 * name (compared ignoring case, as macOS and Windows do) gets " (2)", " (3)"….
 */
export const MAX_NAME = 80;

// eslint-disable-next-line no-control-regex -- control characters are exactly what a file name must not hold
const FORBIDDEN = /[/\\:*?"<>|#^[\]\u0000-\u001f\u007f-\u009f\u200b-\u200f\u2028-\u202e\u2066-\u2069\ufeff]/g;
const RESERVED = /^(?:con|prn|aux|nul|com\d|lpt\d)(?:\..*)?$/i;

/** A title as a file name stem (no extension); `fallback` (the article id) when nothing is left. */
export function fileStem(title: string, fallback: string): string {
  const cleaned = title.normalize('NFC').replace(FORBIDDEN, ' ').replace(/\s+/g, ' ').trim();
  let stem = [...cleaned].slice(0, MAX_NAME).join('');
  stem = stem.replace(/^[.\s]+|[.\s]+$/g, '');
  if (stem && !RESERVED.test(stem)) return stem;
  const id = fallback.replace(/[^A-Za-z0-9_-]+/g, '-').replace(/^-+|-+$/g, '');
  return id ? `article-${id.slice(0, MAX_NAME)}` : 'article';
}

/** Hands out names once each: the same stem again gets " (2)", " (3)"…. */
export function uniqueNames(extension: string): (title: string, fallback: string) => string {
  const used = new Set<string>();
  return (title, fallback) => {
    const stem = fileStem(title, fallback);
    let name = `${stem}${extension}`;
    for (let n = 2; used.has(name.toLowerCase()); n++) name = `${stem} (${n})${extension}`;
    used.add(name.toLowerCase());
    return name;
  };
}

/** SHA-256 helpers: content hashes and article ids. */

/** Hex SHA-256 of a UTF-8 string (crypto.subtle). */
export async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

/** The hash that tells whether an article's content changed: title, lead and text. */
export function contentHash(title: string, lead: string | null, text: string): Promise<string> {
  return sha256Hex(`${title}\n\u0000${lead ?? ''}\n\u0000${text}`);
}

/** A stable article id derived from its canonical URL. */
export async function articleIdFor(canonicalUrl: string): Promise<string> {
  return `a-${(await sha256Hex(canonicalUrl)).slice(0, 24)}`;
}

/** Entity highlights in the clean view (wired to lib/entities once the matcher lands). */
export function applyHighlights(_article: HTMLElement): void {}

/** Marks the entity mentions in the rendered body (lib/entities' highlighter, DOM calls only). */
export function highlightBody(_body: Element): number {
  return 0;
}

/** jsdom's wrapper ↔ implementation map (internal; the hostile-page tests use it to make the browser's trusted events). */
declare module 'jsdom/lib/generated/idl/utils.js' {
  export function implForWrapper(wrapper: unknown): unknown;
}

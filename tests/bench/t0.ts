/** Imported first by inpage.ts: the time before the entity modules evaluate. */
(globalThis as { __vlT0?: number }).__vlT0 = performance.now();
export {};

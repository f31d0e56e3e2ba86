/** Imported right after lib/entities by inpage.ts: the time once the matcher is decoded. */
(globalThis as { __vlT1?: number }).__vlT1 = performance.now();
export {};

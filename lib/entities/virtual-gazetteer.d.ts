/** The gazetteer compiled at build time by lib/entities/build/vite-plugin.ts. */
declare module 'virtual:vietlao-gazetteer' {
  /** A digest of the compiled gazetteer (changes with any entry). */
  export const revision: string;
  const data: import('@/lib/entities/data').GazetteerData;
  export default data;
}

declare module 'virtual:vietlao-gazetteer/details' {
  const details: import('@/lib/entities/data').GazetteerDetails;
  export default details;
}

declare module 'virtual:vietlao-gazetteer/phonetic' {
  const phonetic: import('@/lib/entities/data').PhoneticData;
  export default phonetic;
}

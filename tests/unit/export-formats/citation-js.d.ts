/** The part of Citation.js the RIS test calls (the package ships no types). */
declare module '@citation-js/core' {
  export class Cite {
    static async(data: string, options?: { forceType?: string }): Promise<{ data: unknown[] }>;
  }
}
declare module '@citation-js/plugin-ris';

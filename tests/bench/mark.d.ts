/** The part of mark.js 8.11 the benchmark uses (the package ships no types). */
declare module 'mark.js' {
  export interface MarkOptions {
    element?: string;
    className?: string;
    exclude?: string[];
    separateWordSearch?: boolean;
    accuracy?: 'partially' | 'complementary' | 'exactly';
    diacritics?: boolean;
    caseSensitive?: boolean;
    acrossElements?: boolean;
    ignoreGroups?: number;
    done?: (marks: number) => void;
  }
  export default class Mark {
    constructor(context: Element | Element[] | string);
    mark(keywords: string | string[], options?: MarkOptions): void;
    markRegExp(regexp: RegExp, options?: MarkOptions): void;
    unmark(options?: MarkOptions): void;
  }
}

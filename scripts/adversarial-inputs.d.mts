// Types of adversarial-inputs.mjs, for the tests that import it.
export declare const FRAGMENT_BUDGET: number;
export declare function repeatTo(unit: string, bytes?: number, head?: string, tail?: string, perBlock?: number): string;
export declare function madeUpWords(count: number, length?: number, seed?: number): string[];
/** `words`: config `words:` the shape comes with. */
export declare function adversarialFragments(bytes?: number): { name: string; text: string; words?: string[] }[];

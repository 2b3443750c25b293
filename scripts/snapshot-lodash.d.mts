// Types of snapshot-lodash.mjs, for the test that keeps its lists whole.
export declare const LODASH_METHODS: string[];
export declare const LODASH_FP_METHODS: string[];
export declare function lodashStandIn(fp: boolean, wholeLibrary: string): string;

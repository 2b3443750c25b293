// Types of snapshot-stand-ins.mjs, for the test that keeps its lodash lists whole.
export declare const LODASH_METHODS: string[];
export declare const LODASH_FP_METHODS: string[];
export declare function lodashStandIn(fp: boolean, wholeLibrary: string): string;
export declare function standInSources(resolve: (name: string) => string): Record<string, string>;

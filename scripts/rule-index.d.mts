// Types of rule-index.mjs, for the test that holds the registry to the folder of rules.
export declare const RULES_DIR: string;
export declare const INDEX: string;
export declare function ruleIndex(dir?: string): string;

// Types of corpus-lint.mjs, for the test that holds lint to its judged reports.
export interface CorpusReport {
  rule: string;
  file: string;
  line: number;
  column: number;
  severity: 'error' | 'warn';
  text: string;
  message: string;
}
export interface Expectation {
  key: string;
  rule: string;
  verdict: boolean;
  why: string;
}
export interface PrecisionRow {
  rule: string;
  reports: number;
  true: number;
  false: number;
  unjudged: number;
  falseErrors: number;
}
export declare const ARCHIVE: string;
export declare const EXPECTATIONS: string;
export declare function corpusReports(main: (argv: string[], ctx: never) => Promise<number>): Promise<CorpusReport[]>;
export declare function reportKey(report: CorpusReport): string;
export declare function readExpectations(text?: string): Expectation[];
export declare function precision(reports: CorpusReport[], expectations: Expectation[]): PrecisionRow[];

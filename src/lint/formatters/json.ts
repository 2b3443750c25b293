import type { LintResult } from '../types.js';

/** ESLint's JSON formatter shape, so existing CI tooling can read it. */
export function formatJson(results: LintResult[]): string {
  return `${JSON.stringify(results)}\n`;
}

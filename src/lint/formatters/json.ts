import { printableJson } from '../../core/text.js';
import type { LintResult } from '../types.js';

/** ESLint's JSON formatter shape, so existing CI tooling can read it. */
export function formatJson(results: LintResult[]): string {
  return `${printableJson(results)}\n`;
}

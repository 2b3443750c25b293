import type { ChalkInstance } from 'chalk';
import { errorsAndWarnings, plural, printable } from '../../core/text.js';
import type { LintResult } from '../types.js';

/** ESLint's stylish layout: messages grouped by file, then a summary line. */
export function formatStylish(results: LintResult[], c: ChalkInstance, relativePath: (filePath: string) => string): string {
  let out = '';
  let errors = 0;
  let warnings = 0;
  let fixableErrors = 0;
  let fixableWarnings = 0;
  for (const result of results) {
    if (result.messages.length === 0) continue;
    errors += result.errorCount;
    warnings += result.warningCount;
    fixableErrors += result.fixableErrorCount;
    fixableWarnings += result.fixableWarningCount;
    out += `\n${c.underline(printable(relativePath(result.filePath)))}\n`;
    const rows = result.messages.map((m) => [`${m.line}:${m.column}`, m.severity === 2 ? 'error' : 'warning', printable(m.message), m.ruleId ?? '']);
    const widths = [0, 1].map((i) => Math.max(...rows.map((r) => r[i]!.length)));
    for (const [where, level, message, rule] of rows) {
      const paint = level === 'error' ? c.red : c.yellow;
      out += `  ${c.dim(where!.padEnd(widths[0]!))}  ${paint(level!.padEnd(widths[1]!))}  ${message}  ${c.dim(rule)}\n`;
    }
  }
  const total = errors + warnings;
  if (total === 0) return '';
  const summary = `✖ ${plural(total, 'problem')} (${errorsAndWarnings(errors, warnings)})`;
  // ESLint's line, so that a writer learns --fix where it would help.
  const fixable =
    fixableErrors + fixableWarnings > 0 ? `  ${errorsAndWarnings(fixableErrors, fixableWarnings)} potentially fixable with the \`--fix\` option.\n` : '';
  return `${out}\n${(errors ? c.red : c.yellow).bold(summary)}\n${fixable}`;
}

import type { LintResult } from '../types.js';
import { errorsAndWarnings, markdownCell } from '../../core/text.js';

/** How many problems a job summary lists; the annotations and the log have them all. */
const LISTED = 50;

/**
 * A lint run as a GitHub job summary ($GITHUB_STEP_SUMMARY): the counts, then a table of the
 * problems, errors first. `scope` says what was linted (issues, or "no issue changed").
 */
export function formatSummary(results: LintResult[], relativePath: (filePath: string) => string, scope: string): string {
  const problems = results
    .flatMap((result) => result.messages.map((m) => ({ file: relativePath(result.filePath), ...m })))
    .sort((a, b) => b.severity - a.severity);
  const errors = problems.filter((p) => p.severity === 2).length;
  const warnings = problems.length - errors;
  const verdict = problems.length === 0 ? 'no problems' : errorsAndWarnings(errors, warnings);
  const lines = [`### newsletter lint: ${verdict}`, '', markdownCell(scope), ''];
  if (problems.length > 0) {
    lines.push('| | File | Rule | Message |', '|---|---|---|---|');
    for (const p of problems.slice(0, LISTED)) {
      // A file name is content too (a pull request names its files): escaped like the rest.
      lines.push(
        `| ${p.severity === 2 ? 'error' : 'warning'} | ${markdownCell(`${p.file}:${p.line}`)} | ${markdownCell(p.ruleId ?? '')} | ${markdownCell(p.message)} |`,
      );
    }
    if (problems.length > LISTED) lines.push('', `and ${problems.length - LISTED} more, in the job's log and annotations.`);
    lines.push('');
  }
  return `${lines.join('\n')}\n`;
}

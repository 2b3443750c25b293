import { relative, sep } from 'node:path';
import type { LintFormat, LintRun } from '../commands/lint.js';
import type { Context } from '../context.js';
import { formatGithub } from '../lint/formatters/github.js';
import { formatJson } from '../lint/formatters/json.js';
import { formatStylish } from '../lint/formatters/stylish.js';
import { paint } from './output.js';

/** Prints a lint run in the chosen format, and says when it has more warnings than --max-warnings allows. */
export function printLintRun(ctx: Pick<Context, 'stdout' | 'stderr' | 'color'>, run: LintRun, format: LintFormat, maxWarnings: number | undefined): void {
  const shown = (filePath: string) => relative(run.root, filePath).split(sep).join('/');
  const c = paint(ctx);
  if (format === 'json') ctx.stdout.write(formatJson(run.results));
  else if (format === 'github') ctx.stdout.write(formatGithub(run.results, shown));
  else {
    const text = formatStylish(run.results, c, shown);
    ctx.stdout.write(text || `${c.green('✔')} ${run.issues.join(', ')}: no problems found.\n`);
  }
  if (tooManyWarnings(run, maxWarnings)) {
    ctx.stderr.write(`${c.red('error')} ${run.warningCount} warnings, more than --max-warnings ${maxWarnings} allows.\n`);
  }
}

export function tooManyWarnings(run: Pick<LintRun, 'warningCount'>, maxWarnings: number | undefined): boolean {
  return maxWarnings !== undefined && run.warningCount > maxWarnings;
}

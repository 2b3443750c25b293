import { isAbsolute, relative, sep } from 'node:path';
import type { FixReport, LintFormat, LintRun } from '../actions/lint.js';
import type { Context } from '../context.js';
import { formatGithub } from '../lint/formatters/github.js';
import { formatJson } from '../lint/formatters/json.js';
import { formatStylish } from '../lint/formatters/stylish.js';
import { formatSummary } from '../lint/formatters/summary.js';
import { plural, printable, printablePatch } from '../core/text.js';
import { paint, printUnreadSiteFiles } from './output.js';
import type { Printer } from '../commands/spec.js';
import type command from '../commands/lint.js';
import { tooManyWarnings } from '../commands/lint.js';

/** After --fix: which files it changed, on stderr (the results that follow are those left). */
export function printFixed(ctx: Pick<Context, 'stderr' | 'color'>, fixes: FixReport): void {
  const c = paint(ctx);
  if (fixes.fixed === 0) {
    ctx.stderr.write(`${c.dim('--fix: nothing to fix.')}\n`);
    return;
  }
  ctx.stderr.write(`${c.green('✔')} fixed ${plural(fixes.fixed, 'problem')} in ${plural(fixes.files.length, 'file')}:\n`);
  for (const { file, fixed } of fixes.files) ctx.stderr.write(`  ${printable(file)} (${fixed})\n`);
}

/** --fix-dry-run: the patch on stdout, and on stderr what it would fix and what it would leave. */
export function printFixDryRun(ctx: Pick<Context, 'stdout' | 'stderr' | 'color'>, run: LintRun): void {
  const fixes = run.fixes!;
  const c = paint(ctx);
  // A fragment's escape sequences reach no terminal; the patch stays byte for byte what git apply takes when it holds none.
  const { text, replaced } = printablePatch(fixes.diff);
  ctx.stdout.write(text);
  if (replaced > 0)
    ctx.stderr.write(
      `${c.yellow('note')} the patch shows ${plural(replaced, 'control character')} of the files as ?; git apply will not take this patch as printed (newsletter lint --fix makes the change).\n`,
    );
  const left = run.errorCount + run.warningCount - fixes.fixed;
  ctx.stderr.write(
    fixes.fixed === 0
      ? `${c.dim('--fix would change nothing.')}\n`
      : `${c.dim(`--fix would fix ${plural(fixes.fixed, 'problem')} in ${plural(fixes.files.length, 'file')} and leave ${plural(Math.max(0, left), 'problem')}; nothing was written.`)}\n`,
  );
}

/** Prints a lint run in the chosen format, and says when it has more warnings than --max-warnings allows. */
export function printLintRun(
  ctx: Pick<Context, 'stdout' | 'stderr' | 'color' | 'env'>,
  run: LintRun,
  format: LintFormat,
  maxWarnings: number | undefined,
): void {
  const shown = (filePath: string) => relative(run.root, filePath).split(sep).join('/');
  const c = paint(ctx);
  if (format === 'json') ctx.stdout.write(formatJson(run.results));
  else if (format === 'github') ctx.stdout.write(formatGithub(run.results, annotationPath(run.root, ctx.env.GITHUB_WORKSPACE)));
  else if (run.issues.length === 0 && run.since) {
    ctx.stdout.write(`${c.green('✔')} no issue changed since ${printable(run.since.ref)}; nothing to lint.\n`);
  } else {
    const text = formatStylish(run.results, c, shown);
    // --quiet hides warnings; it never says there are none when there are.
    const hidden = run.hiddenWarnings ? `${plural(run.hiddenWarnings, 'warning')} hidden by --quiet` : '';
    if (text) ctx.stdout.write(`${text}${hidden ? `  ${c.dim(`(${hidden})`)}\n` : ''}`);
    else ctx.stdout.write(`${c.green('✔')} ${printable(run.issues.join(', '))}: ${hidden ? `no errors (${hidden})` : 'no problems found'}.\n`);
  }
  if (run.since?.everyIssueBecause) {
    ctx.stderr.write(`${c.dim(`every issue linted: ${printable(run.since.everyIssueBecause)} changed since ${printable(run.since.ref)}.`)}\n`);
  }
  const leftOut = untouchedNote(run);
  if (leftOut) ctx.stderr.write(`${c.dim(printable(leftOut))}\n`);
  if (tooManyWarnings(run, maxWarnings)) {
    ctx.stderr.write(`${c.red('error')} ${run.warningCount} warnings, more than --max-warnings ${maxWarnings} allows.\n`);
  }
}

/**
 * GitHub places an annotation by its path in the repository (GITHUB_WORKSPACE in Actions), which
 * is the workspace's own only when the workspace is the repository's top folder.
 */
function annotationPath(root: string, repository: string | undefined): (filePath: string) => string {
  const inRepository = repository && isAbsolute(repository) && !relative(repository, root).startsWith('..');
  return (filePath) =>
    relative(inRepository ? repository : root, filePath)
      .split(sep)
      .join('/');
}

/** With --since: what the files the change left alone hold, which the run does not report. */
function untouchedNote(run: LintRun): string | undefined {
  const untouched = run.since?.untouched;
  if (!untouched || untouched.errors + untouched.warnings === 0) return undefined;
  const problems = [untouched.errors ? plural(untouched.errors, 'error') : '', untouched.warnings ? plural(untouched.warnings, 'warning') : '']
    .filter(Boolean)
    .join(' and ');
  return `${problems} in ${plural(untouched.files, 'file')} this change did not touch, not reported here (newsletter lint ${run.issues.join(' ')} shows them).`;
}

/** The run as Markdown for a GitHub job summary ($GITHUB_STEP_SUMMARY). */
export function lintSummary(run: LintRun): string {
  const leftOut = untouchedNote(run);
  const scope =
    run.since && run.issues.length === 0
      ? `No issue changed since ${run.since.ref}.`
      : `Linted: ${run.issues.join(', ')}${run.since ? ` (changed since ${run.since.ref})` : ''}.${leftOut ? ` ${leftOut}` : ''}`;
  return formatSummary(run.results, (filePath) => relative(run.root, filePath).split(sep).join('/'), scope);
}

/** lint --format github: the job summary could not be written (the lint's own result stands). */
export function printJobSummaryProblem(ctx: Pick<Context, 'stderr'>, problem: string): void {
  ctx.stderr.write(`warning: the job summary could not be written to $GITHUB_STEP_SUMMARY (${problem}).\n`);
}

export const print: Printer<typeof command> = async (ctx, { run, writeJobSummary }, { flags, note }) => {
  if (run.siteUnread) printUnreadSiteFiles(note, run.siteUnread, !!flags.verbose);
  if (run.fixes && flags.fixDryRun) {
    // The patch alone on stdout, so that it can be read or piped to git apply.
    printFixDryRun(ctx, run);
    return;
  }
  if (run.fixes) printFixed(ctx, run.fixes);
  printLintRun(ctx, run, flags.format, flags.maxWarnings);
  if (flags.format === 'github') {
    const problem = await writeJobSummary(() => lintSummary(run));
    if (problem) printJobSummaryProblem(ctx, problem);
  }
};

import { LINT_FORMATS } from '../actions/formats.js';
import type { LintRun } from '../actions/lint.js';
import { usageError } from '../errors.js';
import { arg, defineCommand, flag, parseCount } from './spec.js';

/*
 * lint: checks issues for the defects that reach readers, and applies the fixes rules are sure of.
 * Its words, arguments and flags (from which cli.ts makes commander's command and --help, and
 * the docs their synopsis), and a run that loads its work on first use and returns what
 * ui/print-lint.ts prints.
 */

export default defineCommand({
  order: 30,
  name: 'lint',
  description: 'check issues for the defects that reach readers: placeholders, missing alt text, stale dates...',
  args: [arg('[issues...]', 'the issues to lint (default: the latest)')],
  flags: [
    flag('--all', 'lint every issue in sections/'),
    flag('--format <format>', 'how to print the results', { choices: LINT_FORMATS, default: 'stylish' }),
    flag('--max-warnings <n>', 'fail (exit 1) when there are more warnings than this', { parse: parseCount }),
    flag('--quiet', 'report errors only'),
    flag('--verbose', 'with a site checkout: also say which of its posts and authors were left out unread, and why'),
    flag('--no-cache', 'lint every issue again, even those unchanged since the last lint'),
    flag(
      '--site <dir>',
      'check the issue against this checkout of the site: its images, authors, categories, CMS fields and routes (default: config siteRepo)',
    ),
    flag('--online', 'also check every link and image over HTTP (dead-link); the only time lint uses the network'),
    flag('--online-deadline <seconds>', 'with --online: the time all link checks may take together; what is left is reported as not checked (default 60)', {
      parse: parseCount,
    }),
    flag('--allow-private', 'with --online: also request loopback and private addresses (link-local ones never); not for pull requests in CI'),
    flag('--since <git-ref>', 'lint the issues a change touched since this git ref (all of them when the config or a template changed)'),
    flag('--fix', 'apply the fixes rules are sure of (spacing, casing, repeated words, paste leftovers...), one write per file, then report what is left'),
    flag('--fix-dry-run', 'print what --fix would change, as a diff, and write nothing'),
  ],
  examples: `
Examples:
  $ newsletter lint                      # the latest issue
  $ newsletter lint april-2025 may-2025
  $ newsletter lint --all --format github --max-warnings 0
  $ newsletter lint --since origin/main --format github   # a pull request: the issues it touched`,
  fromSnapshot: true,
  async run(ctx, { args, flags, cwd, note }): Promise<{ run: LintRun; writeJobSummary(text: () => string): Promise<string | undefined> }> {
    const { lint } = await import('../actions/lint.js');
    // On a terminal, a progress line while links are checked, cleared when they are done.
    const progress =
      flags.online && ctx.interactive
        ? (done: number, total: number) => ctx.stderr.write(done < total ? `\rchecking links: ${done}/${total}` : '\r\x1b[2K')
        : undefined;
    if (flags.fix && flags.fixDryRun)
      throw usageError('give --fix or --fix-dry-run, not both.', 'newsletter lint --fix-dry-run shows what newsletter lint --fix would change.');
    const run = await lint(
      { cwd, env: ctx.env, now: ctx.now, waits: ctx.waits, stderr: note },
      {
        issues: args[0],
        all: flags.all,
        quiet: flags.quiet,
        cache: flags.cache,
        since: flags.since,
        site: flags.site,
        online: flags.online,
        onlineDeadlineMs: flags.onlineDeadline === undefined ? undefined : flags.onlineDeadline * 1000,
        allowPrivate: flags.allowPrivate,
        progress,
        fix: flags.fix ? 'apply' : flags.fixDryRun ? 'dry-run' : undefined,
        verbose: flags.verbose,
      },
    );
    // The job summary of a GitHub Actions run, which the printer writes after the results (--format github).
    const writeJobSummary = async (text: () => string) => (await import('../actions/job-summary.js')).appendJobSummary(ctx.env, text);
    return { run, writeJobSummary };
  },
  outcome({ run }, flags) {
    // --fix-dry-run fails on what --fix would leave.
    if (run.fixes && flags.fixDryRun) return run.errorCount - fixableErrors(run) > 0 ? 'problems' : 'done';
    return run.errorCount > 0 || tooManyWarnings(run, flags.maxWarnings) ? 'problems' : 'done';
  },
});

/** The errors of a run that --fix would take away. */
export function fixableErrors(run: LintRun): number {
  return run.results.reduce((n, r) => n + r.fixableErrorCount, 0);
}

export function tooManyWarnings(run: Pick<LintRun, 'warningCount'>, maxWarnings: number | undefined): boolean {
  return maxWarnings !== undefined && run.warningCount > maxWarnings;
}

import { join } from 'node:path';
import type { Diagnostic } from '../core/diagnostic.js';
import { fixFiles, type FixReport } from '../io/fix-files.js';
import type { Context } from '../context.js';
import { CliError, usageError } from '../errors.js';
import type { IssueId } from '../core/issue/slug.js';
import { toResult } from '../lint/run.js';
import type { LintResult } from '../lint/types.js';
import { issuesTouchedBy } from '../core/issue/changes.js';
import { filesChangedSince } from '../io/git.js';
import type { LinkStatus } from '../core/markdown/urls.js';
import { openCompatAnswers } from '../io/email-compat.js';
import { checkLinks, ONLINE_DEADLINE_MS, openLinkCache } from '../io/link-check.js';
import { cacheFolder, openWorkspaceLintCache, type LintedIssue } from '../io/lint-cache.js';
import { issueFromHere, listIssues, resolveIssue } from '../io/workspace.js';
import type { UnreadSiteFile } from '../core/site/site.js';
import { openCheckedWorkspace, openWorkspaceLinter, sayWhichIssue } from '../pipeline.js';
import { siteCheckoutOf } from '../io/site.js';

export { LINT_FORMATS, type LintFormat } from './formats.js';

export interface LintOptions {
  issues: string[];
  all?: boolean;
  quiet?: boolean;
  /** false: neither read nor write the cache of results (see io/lint-cache.ts). */
  cache?: boolean;
  /** A checkout of the site to check site images against (default: config siteRepo). */
  site?: string;
  /** Check every link and image over HTTP (the only time lint touches the network). */
  online?: boolean;
  /** With online: the time all link checks together may take, in ms (default ONLINE_DEADLINE_MS). */
  onlineDeadlineMs?: number;
  /** With online: request loopback and private addresses too (link-local ones never). */
  allowPrivate?: boolean;
  /** Told as link checks finish, for a progress line. */
  progress?: (done: number, total: number) => void;
  /** A git ref: lint the issues with a file changed since it (every issue when the config or a template changed). */
  since?: string;
  /** Apply the fixes rules are sure of (`--fix`), or only say what they would change (`--fix-dry-run`). */
  fix?: 'apply' | 'dry-run';
  /** Also say which of the site's posts and authors were left out unread, and why. */
  verbose?: boolean;
}

export type { FixReport } from '../io/fix-files.js';

export interface LintRun {
  root: string;
  issues: string[];
  results: LintResult[];
  errorCount: number;
  warningCount: number;
  /** With --quiet: the warnings left out of the results, which the report still counts aloud. */
  hiddenWarnings?: number;
  /**
   * With --since: the ref, the shared file whose change made every issue count, and the problems
   * of the files the change left alone, counted but not reported (when no shared file changed).
   */
  since?: { ref: string; everyIssueBecause: string | undefined; untouched: { errors: number; warnings: number; files: number } };
  /** With --fix or --fix-dry-run. After --fix, the results are those of a lint run after the fixes. */
  fixes?: FixReport;
  /** With a checkout: its posts and authors left out unread (listed with --verbose, counted without). */
  siteUnread?: UnreadSiteFile[];
}

/** Lints the issues named (the latest by default, every one with --all, those a change touched with --since). */
export async function lint(ctx: Pick<Context, 'cwd' | 'env' | 'now' | 'waits'> & Partial<Pick<Context, 'stderr'>>, options: LintOptions): Promise<LintRun> {
  const workspace = await openCheckedWorkspace(ctx.cwd);
  const { root } = workspace;
  if (options.all && options.issues.length > 0) throw usageError('give issues or --all, not both.', 'newsletter lint --all lints every issue in sections/.');
  if (options.since !== undefined && (options.all || options.issues.length > 0)) {
    throw usageError(
      'give --since alone: it chooses the issues, as issues named or --all would.',
      'newsletter lint --since origin/main lints the issues a change touched.',
    );
  }
  const known = await listIssues(root);
  let targets: IssueId[];
  let since: LintRun['since'];
  // With --since: the files whose problems are the change's to answer for (undefined: every file).
  let reported: Set<string> | undefined;
  const untouched = { errors: 0, warnings: 0, files: 0 };
  if (options.since !== undefined) {
    const changed = await filesChangedSince(root, options.since, ctx.env);
    const touched = issuesTouchedBy(changed, known);
    since = { ref: options.since, everyIssueBecause: touched.everyIssueBecause, untouched };
    targets = touched.issues;
    // A pull request for one section must not fail for the sections others have yet to write: an
    // issue is linted whole (its rules read across files), and a file the change did not touch
    // is counted, not reported. A config or template change answers for every file.
    if (touched.everyIssueBecause === undefined) reported = new Set(changed);
  } else if (options.all) {
    if (known.length === 0) await resolveIssue(root, undefined, known);
    targets = known;
  } else if (options.issues.length > 0) {
    targets = [];
    for (const slug of options.issues) targets.push((await issueFromHere(root, ctx.cwd, slug, known)).id);
  } else {
    const { id, chosen } = await issueFromHere(root, ctx.cwd, undefined, known);
    if (ctx.stderr) sayWhichIssue(ctx.stderr, id, chosen);
    targets = [id];
  }

  const unique = [...new Map(targets.map((t) => [t.slug, t])).values()];
  const cache = options.cache === false ? undefined : openWorkspaceLintCache(root, ctx.env);
  const links = options.online ? onlineChecker(ctx, options) : undefined;
  const compat = openCompatAnswers(options.cache === false ? undefined : cacheFolder(ctx.env));
  const site = await siteCheckoutOf(workspace, ctx.cwd, options.site);
  const linter = openWorkspaceLinter(workspace, known, cache, { site, checkLinks: links?.check, compat: compat.check });
  const results: LintResult[] = [];
  const fixable: Diagnostic[] = [];
  let hiddenWarnings = 0;
  for (const id of unique) {
    const linted = await linter.lint(id).then(
      ({ linted }) => linted,
      (error: unknown) => unreadable(error, id),
    );
    fixable.push(...linted.diagnostics.filter((d) => d.fix && (!reported || reported.has(d.file))));
    for (const file of linted.files) {
      const all = linted.diagnostics.filter((d) => d.file === file);
      if (reported && !reported.has(file)) {
        const errors = all.filter((d) => d.severity === 'error').length;
        untouched.errors += errors;
        untouched.warnings += all.length - errors;
        if (all.length > 0) untouched.files++;
        continue;
      }
      const mine = all.filter((d) => !options.quiet || d.severity === 'error');
      hiddenWarnings += all.length - mine.length;
      results.push(toResult(join(root, file), mine));
    }
  }
  await cache?.save(known.map((id) => id.slug));
  await links?.save();
  await compat.save();
  results.sort((a, b) => a.filePath.localeCompare(b.filePath));
  const run: LintRun = {
    root,
    issues: targets.map((t) => t.slug),
    results,
    errorCount: results.reduce((n, r) => n + r.errorCount, 0),
    warningCount: results.reduce((n, r) => n + r.warningCount, 0),
    ...(options.quiet ? { hiddenWarnings } : {}),
    ...(since ? { since } : {}),
    ...(site ? { siteUnread: site.model?.()?.unread ?? [] } : {}),
  };
  if (!options.fix) return run;
  const fixes = await fixFiles(root, fixable, options.fix === 'apply');
  // ESLint's way: after the fixes are written, lint again, and report what is left. Which issue
  // was taken is said once: this run said it already.
  return { ...(fixes.written ? await lint({ ...ctx, stderr: undefined }, { ...options, fix: undefined }) : run), fixes };
}

/**
 * An issue whose files cannot be read (binary, too large, a link out of the workspace) is one
 * error at the file, as ESLint reports a file it cannot parse; the other issues are linted.
 */
function unreadable(error: unknown, id: IssueId): LintedIssue {
  if (!(error instanceof CliError) || error.kind !== 'content') throw error;
  const file = error.file ?? `sections/${id.slug}`;
  return {
    files: [file],
    diagnostics: [{ file, ruleId: null, severity: 'error', message: error.message, line: error.line ?? 1, column: error.column ?? 1, fatal: true }],
  };
}

/**
 * The link checker of `--online`: results of the last 24 hours from the cache (links that
 * answered; a failure is always asked again), the rest from the network.
 */
function onlineChecker(ctx: Pick<Context, 'env' | 'now' | 'waits'>, options: LintOptions) {
  const folder = options.cache === false ? undefined : cacheFolder(ctx.env);
  const cache = folder ? openLinkCache(folder, ctx.now()) : undefined;
  // One deadline for the whole run, every issue's links together; it starts with the first check.
  let deadline: AbortSignal | undefined;
  return {
    async check(urls: string[]): Promise<ReadonlyMap<string, LinkStatus>> {
      const known = new Map<string, LinkStatus>();
      for (const url of urls) {
        const kept = cache?.get(url);
        if (kept) known.set(url, kept);
      }
      deadline ??= AbortSignal.timeout(options.onlineDeadlineMs ?? ONLINE_DEADLINE_MS);
      const checked = await checkLinks(
        urls.filter((url) => !known.has(url)),
        { progress: options.progress, deadline, allowPrivate: options.allowPrivate, ...(ctx.waits?.linkMs ? { timeoutMs: ctx.waits.linkMs } : {}) },
      );
      for (const [url, status] of checked) {
        if (status.ok === true) cache?.set(url, status);
        known.set(url, status);
      }
      return known;
    },
    save: async () => cache?.save(),
  };
}

import { join } from 'node:path';
import type { Context } from '../context.js';
import { CliError, EXIT_CONTENT, usageError } from '../errors.js';
import type { Config } from '../core/config.js';
import { parseIssue, type Issue, type IssueSources } from '../core/issue.js';
import { renderEmailMjml } from '../core/render-email.js';
import { parseIssueSlug, type IssueId } from '../core/slug.js';
import { compileTemplate, type Template, type TemplateSource } from '../core/templates.js';
import { lintIssue, toResult } from '../lint/run.js';
import type { LintResult, RenderedEmail } from '../lint/types.js';
import { openWorkspaceLintCache, type CachedFile, type LintCache } from '../io/lint-cache.js';
import { compileMjml } from '../io/mjml.js';
import { listIssues, openWorkspace, readIssueSources, readTemplates, resolveIssue } from '../io/workspace.js';

export const LINT_FORMATS = ['stylish', 'json', 'github'] as const;
export type LintFormat = (typeof LINT_FORMATS)[number];

export interface LintOptions {
  issues: string[];
  all?: boolean;
  quiet?: boolean;
  /** false: neither read nor write the cache of results (see io/lint-cache.ts). */
  cache?: boolean;
}

export interface LintRun {
  root: string;
  issues: string[];
  results: LintResult[];
  errorCount: number;
  warningCount: number;
}

/** Lints the issues named (the latest by default, every one with --all). */
export async function lint(ctx: Pick<Context, 'cwd' | 'env'>, options: LintOptions): Promise<LintRun> {
  const { root, config } = await openWorkspace(ctx.cwd);
  if (options.all && options.issues.length > 0) throw usageError('give issues or --all, not both.', 'newsletter lint --all lints every issue in sections/.');
  const known = await listIssues(root);
  let targets: IssueId[];
  if (options.all) {
    if (known.length === 0) await resolveIssue(root, undefined);
    targets = known;
  } else if (options.issues.length > 0) {
    targets = [];
    for (const slug of options.issues) targets.push(await resolveIssue(root, parseIssueSlug(slug)));
  } else {
    targets = [await resolveIssue(root, undefined)];
  }

  const unique = [...new Map(targets.map((t) => [t.slug, t])).values()];
  const cache = options.cache === false ? undefined : openWorkspaceLintCache(root, ctx.env);
  const linter = openIssueLinter(root, config, known, cache);
  const results: LintResult[] = [];
  for (const id of unique) {
    for (const { file, messages } of await linter.lint(id).catch((error: unknown) => unreadable(error, id))) {
      results.push(toResult(join(root, file), options.quiet ? messages.filter((m) => m.severity === 2) : messages));
    }
  }
  await cache?.save(known.map((id) => id.slug));
  results.sort((a, b) => a.filePath.localeCompare(b.filePath));
  return {
    root,
    issues: targets.map((t) => t.slug),
    results,
    errorCount: results.reduce((n, r) => n + r.errorCount, 0),
    warningCount: results.reduce((n, r) => n + r.warningCount, 0),
  };
}

/**
 * An issue whose files cannot be read (binary, too large, a link out of the workspace) is one
 * error at the file, as ESLint reports a file it cannot parse; the other issues are linted.
 */
function unreadable(error: unknown, id: IssueId): CachedFile[] {
  if (!(error instanceof CliError) || error.exitCode !== EXIT_CONTENT) throw error;
  const file = error.file ?? `sections/${id.slug}`;
  return [{ file, messages: [{ ruleId: null, severity: 2, message: error.message, line: error.line ?? 1, column: error.column ?? 1 }] }];
}

interface IssueLinter {
  /** The messages of one issue, by file (clean files too), all of them, sorted. */
  lint(id: IssueId): Promise<CachedFile[]>;
}

/**
 * Lints issues one by one, reading each at most once (an issue is also the next one's
 * `previous`), compiling the email template only if an email rule runs, and taking the
 * results of unchanged issues from the cache.
 */
function openIssueLinter(root: string, config: Config, known: IssueId[], cache: LintCache | undefined): IssueLinter {
  // Issues are linted in order, each after its `previous`, so the few read last are all that
  // is worth keeping: a whole archive of syntax trees would only feed the garbage collector.
  const recent = new Map<string, { sources: IssueSources; issue?: Issue }>();
  const read = async (id: IssueId) => {
    const entry = recent.get(id.slug) ?? { sources: await readIssueSources(root, id) };
    recent.delete(id.slug);
    recent.set(id.slug, entry);
    if (recent.size > 3) recent.delete(recent.keys().next().value!);
    return entry;
  };
  const parse = (entry: { sources: IssueSources; issue?: Issue }): Issue => (entry.issue ??= parseIssue(entry.sources, config));
  // Read once (for the cache key too), compiled only if an email rule runs: source-only lints never touch MJML.
  let templateSource: Promise<TemplateSource> | undefined;
  const readTemplate = () => (templateSource ??= readTemplates(root, ['email.mjml.hbs']).then((t) => t.get('email.mjml.hbs')!));
  let template: Promise<Template> | undefined;
  const emailTemplate = () => (template ??= readTemplate().then(compileTemplate));

  return {
    async lint(id) {
      const own = await read(id);
      const before = known[known.findIndex((k) => k.slug === id.slug) - 1];
      // A previous issue that cannot be read is reported when it is linted itself; here it is left out.
      const previous = before ? await read(before).catch(() => undefined) : undefined;
      // A template that cannot be read is an error only for the email rules, if they run.
      const templateText = cache && (await readTemplate().then((t) => t.text, () => null));
      const key = cache?.keyOf([config, templateText, own.sources, previous?.sources]);
      const kept = key ? cache?.get(id.slug, key) : undefined;
      if (kept) return kept;

      const issue = parse(own);
      const renderEmail = async (): Promise<RenderedEmail> => {
        const mjml = renderEmailMjml(issue, config, await emailTemplate());
        const { html, errors, notCompiled } = await compileMjml(mjml);
        return { mjml, html, errors, notCompiled };
      };
      const byFile = await lintIssue({ issue, config, previous: previous && parse(previous), renderEmail });
      // Every file of the issue is listed, clean ones too, as ESLint lists every file it read.
      const names = new Set([...(issue.path ? [issue.path] : []), ...issue.fragments.map((f) => f.path), ...byFile.keys()]);
      const files = [...names].map((file) => ({ file, messages: toResult(file, byFile.get(file) ?? []).messages }));
      if (key) cache?.set(id.slug, key, files);
      return files;
    },
  };
}

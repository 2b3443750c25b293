import { join } from 'node:path';
import type { Context } from '../context.js';
import { usageError } from '../errors.js';
import type { Config } from '../core/config.js';
import { parseIssue, type Issue } from '../core/issue.js';
import { renderEmailMjml } from '../core/render-email.js';
import { parseIssueSlug, type IssueId } from '../core/slug.js';
import { compileTemplate, type Template } from '../core/templates.js';
import { lintIssue, toResult } from '../lint/run.js';
import type { LintResult, RenderedEmail } from '../lint/types.js';
import { compileMjml } from '../io/mjml.js';
import { listIssues, openWorkspace, readIssueSources, readTemplates, resolveIssue } from '../io/workspace.js';

export const LINT_FORMATS = ['stylish', 'json', 'github'] as const;
export type LintFormat = (typeof LINT_FORMATS)[number];

export interface LintOptions {
  issues: string[];
  all?: boolean;
  quiet?: boolean;
}

export interface LintRun {
  root: string;
  issues: string[];
  results: LintResult[];
  errorCount: number;
  warningCount: number;
}

/** Lints the issues named (the latest by default, every one with --all). */
export async function lint(ctx: Pick<Context, 'cwd'>, options: LintOptions): Promise<LintRun> {
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
  const linter = openIssueLinter(root, config, known, !!options.quiet);
  const results: LintResult[] = [];
  for (const id of unique) results.push(...(await linter.lint(id)));
  results.sort((a, b) => a.filePath.localeCompare(b.filePath));
  return {
    root,
    issues: targets.map((t) => t.slug),
    results,
    errorCount: results.reduce((n, r) => n + r.errorCount, 0),
    warningCount: results.reduce((n, r) => n + r.warningCount, 0),
  };
}

interface IssueLinter {
  /** The results of one issue, one per file (clean files too). */
  lint(id: IssueId): Promise<LintResult[]>;
}

/**
 * Lints issues one by one, parsing each at most once (an issue is also the next one's
 * `previous`) and compiling the email template only if an email rule runs.
 */
function openIssueLinter(root: string, config: Config, known: IssueId[], quiet: boolean): IssueLinter {
  // Issues are linted in order, each after its `previous`, so the few parsed last are all that
  // is worth keeping: a whole archive of syntax trees would only feed the garbage collector.
  const parsed = new Map<string, Issue>();
  const load = async (id: IssueId): Promise<Issue> => {
    let issue = parsed.get(id.slug);
    if (!issue) issue = parseIssue(await readIssueSources(root, id), config);
    parsed.delete(id.slug);
    parsed.set(id.slug, issue);
    if (parsed.size > 3) parsed.delete(parsed.keys().next().value!);
    return issue;
  };
  // Read once, and only if an email rule runs: source-only lints never touch it (nor MJML).
  let template: Promise<Template> | undefined;
  const emailTemplate = () => (template ??= readTemplates(root, ['email.mjml.hbs']).then((t) => compileTemplate(t.get('email.mjml.hbs')!)));

  return {
    async lint(id) {
      const issue = await load(id);
      const before = known[known.findIndex((k) => k.slug === id.slug) - 1];
      const renderEmail = async (): Promise<RenderedEmail> => {
        const mjml = renderEmailMjml(issue, config, await emailTemplate());
        const { html, errors } = await compileMjml(mjml);
        return { mjml, html, errors };
      };
      const byFile = await lintIssue({ issue, config, previous: before ? await load(before) : undefined, renderEmail });
      // Every file of the issue is listed, clean ones too, as ESLint lists every file it read.
      const files = new Set([...(issue.path ? [issue.path] : []), ...issue.fragments.map((f) => f.path), ...byFile.keys()]);
      return [...files].map((file) => {
        const messages = byFile.get(file) ?? [];
        return toResult(join(root, file), quiet ? messages.filter((m) => m.severity === 2) : messages);
      });
    },
  };
}

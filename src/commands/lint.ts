import { join } from 'node:path';
import type { Context } from '../context.js';
import { CliError, usageError } from '../errors.js';
import type { IssueSources } from '../core/issue.js';
import { parseIssueSlug, type IssueId } from '../core/slug.js';
import type { TemplateName, TemplateSource } from '../core/templates.js';
import { toResult } from '../lint/run.js';
import type { LintResult } from '../lint/types.js';
import { openWorkspaceLintCache, type LintCache, type LintedIssue } from '../io/lint-cache.js';
import { listIssues, readIssueSources, readTemplates, resolveIssue, type Workspace } from '../io/workspace.js';
import { openCheckedWorkspace, openIssuePipeline } from '../pipeline.js';

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
  const workspace = await openCheckedWorkspace(ctx.cwd);
  const { root } = workspace;
  if (options.all && options.issues.length > 0) throw usageError('give issues or --all, not both.', 'newsletter lint --all lints every issue in sections/.');
  const known = await listIssues(root);
  let targets: IssueId[];
  if (options.all) {
    if (known.length === 0) await resolveIssue(root, undefined, known);
    targets = known;
  } else if (options.issues.length > 0) {
    targets = [];
    for (const slug of options.issues) targets.push(await resolveIssue(root, parseIssueSlug(slug), known));
  } else {
    targets = [await resolveIssue(root, undefined, known)];
  }

  const unique = [...new Map(targets.map((t) => [t.slug, t])).values()];
  const cache = options.cache === false ? undefined : openWorkspaceLintCache(root, ctx.env);
  const linter = openIssueLinter(workspace, known, cache);
  const results: LintResult[] = [];
  for (const id of unique) {
    const linted = await linter.lint(id).catch((error: unknown) => unreadable(error, id));
    for (const file of linted.files) {
      const mine = linted.diagnostics.filter((d) => d.file === file && (!options.quiet || d.severity === 'error'));
      results.push(toResult(join(root, file), mine));
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
function unreadable(error: unknown, id: IssueId): LintedIssue {
  if (!(error instanceof CliError) || error.kind !== 'content') throw error;
  const file = error.file ?? `sections/${id.slug}`;
  return { files: [file], diagnostics: [{ file, ruleId: null, severity: 'error', message: error.message, line: error.line ?? 1, column: error.column ?? 1, fatal: true }] };
}

interface IssueLinter {
  lint(id: IssueId): Promise<LintedIssue>;
}

/**
 * Lints issues one by one through the issue pipeline, reading each at most once (an issue is
 * also the next one's `previous`), and taking the results of unchanged issues from the cache.
 */
function openIssueLinter(workspace: Workspace, known: IssueId[], cache: LintCache | undefined): IssueLinter {
  const { root, config } = workspace;
  // Issues are linted in order, each after its `previous`, so the few read last are all that is worth keeping.
  const recent = new Map<string, IssueSources>();
  const read = async (id: IssueId): Promise<IssueSources> => {
    const sources = recent.get(id.slug) ?? (await readIssueSources(root, id));
    recent.delete(id.slug);
    recent.set(id.slug, sources);
    if (recent.size > 3) recent.delete(recent.keys().next().value!);
    return sources;
  };
  // Read once, for the cache key and the email rules; a template that cannot be read is an error of those rules only.
  type TemplateRead = { templates: ReadonlyMap<TemplateName, TemplateSource>; error?: unknown };
  let template: Promise<TemplateRead> | undefined;
  const readTemplate = () => (template ??= readTemplates(root, ['email.mjml.hbs']).then(
    (templates): TemplateRead => ({ templates }),
    (error: unknown): TemplateRead => ({ templates: new Map(), error }),
  ));

  return {
    async lint(id) {
      const sources = await read(id);
      const before = known[known.findIndex((k) => k.slug === id.slug) - 1];
      const previous = before ? await read(before).catch(() => undefined) : undefined;
      const { templates, error } = await readTemplate();
      const key = cache?.keyOf([config, templates.get('email.mjml.hbs')?.text ?? null, sources, previous]);
      const kept = key ? cache?.get(id.slug, key) : undefined;
      if (kept) return kept;

      const pipeline = openIssuePipeline({ config, sources, previous, templates });
      // Only the email rules read the template: when they fail for want of it, its own error is the one to report.
      const diagnostics = await pipeline.diagnostics().catch((failure: unknown) => {
        throw error ?? failure;
      });
      // Every file of the issue is listed, clean ones too, as ESLint lists every file it read;
      // and so is a file a diagnostic names that is not there (a missing issue.md).
      const linted = { files: [...new Set([...pipeline.files(), ...diagnostics.map((d) => d.file)])], diagnostics };
      if (key) cache?.set(id.slug, key, linted);
      return linted;
    },
  };
}

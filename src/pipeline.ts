import type { Writer } from './context.js';
import { CONFIG_FILE, type Config } from './core/config/config.js';
import type { Diagnostic } from './core/diagnostic.js';
import { blogFileName, parseIssue, type Issue, type IssueSources } from './core/issue/issue.js';
import { CliError } from './errors.js';
import { printable, withoutControls } from './core/text.js';
import { renderBlogPost, safeBlogPost } from './core/blog/render-blog.js';
import { checkEmailDocument, refusedPieces } from './core/markdown/raw-html.js';
import { renderEmailMjml } from './core/email/render-email.js';
import { renderEmailText } from './core/email/render-text.js';
import type { SiteCheckout } from './core/images/images.js';
import type { IssueId } from './core/issue/slug.js';
import { compileTemplate, isWorkspaceTemplate, TEMPLATE_NAMES, type Template, type TemplateName, type TemplateSource } from './core/templates.js';
import type { LintCache, LintedIssue } from './io/lint-cache.js';
import { checkEmailCompat } from './io/email-compat.js';
import type { CompatCheck } from './core/email/email-compat.js';
import { compileMjml, type MjmlResult } from './io/mjml.js';
import { issueFromHere, listIssues, openWorkspace, readIssueSources, readTemplates, type IssueChoice, type Workspace } from './io/workspace.js';
import { validateRuleSettings } from './lint/index.js';
import { lintIssue, siteCapabilities } from './lint/run.js';
import type { Capabilities } from './lint/rule.js';
import { englishWords } from './io/dictionary.js';

/*
 * The one pipeline of an issue. Everything a command needs of an issue comes from here, each
 * step computed once and only when asked for:
 *
 *   sources -> parse -> issue -> blog (Markdown)
 *                            -> MJML -> compiled email (HTML, MJML's errors)
 *                            -> text
 *                            -> diagnostics (parse problems + every enabled rule, which
 *                               read the issue and, for email-size and mjml, the compiled email)
 *
 * build, lint, the startup snapshot's warm-up and the tests all open issues through it, so a
 * step cannot be forgotten by one of them, and build and lint can never disagree.
 */

/** What lint is given from around an issue, each only when a command asks for it; the rules that need one are skipped without it. */
export interface LintSurroundings {
  /** A checkout of the site (lint --site, config siteRepo), for the site rules and the image checks. */
  site?: SiteCheckout;
  /** With lint --online: asks the network about URLs. */
  checkLinks?: Capabilities['checkLinks'];
  /** How email-compat asks caniemail (default: checkEmailCompat, without answers kept between runs). */
  compat?: Capabilities['compat'];
  /** The dictionary the spelling rule reads (default: englishWords, read on first use). */
  dictionary?: Capabilities['dictionary'];
}

export interface IssueInputs extends LintSurroundings {
  config: Config;
  sources: IssueSources;
  /** The issue before this one in the workspace (carried-over compares with it). */
  previous?: IssueSources;
  templates: ReadonlyMap<TemplateName, TemplateSource>;
}

export interface IssuePipeline {
  readonly issue: Issue;
  /** Every problem of the issue: its sources' and every enabled rule's, in reading order. */
  diagnostics(): Promise<Diagnostic[]>;
  blog(): string;
  mjml(): string;
  /** The email compiled by MJML (minified near Gmail's clip, or always with `minify`). */
  email(): Promise<MjmlResult>;
  text(): string;
  /** The files the issue is made of, each once, whether or not it has a problem. */
  files(): string[];
}

const once = <T>(compute: () => T): (() => T) => {
  let done = false;
  let value: T;
  return () => {
    if (!done) {
      value = compute();
      done = true;
    }
    return value;
  };
};

export interface PipelineOptions {
  /** Minify the email whatever its size. */
  minify?: boolean;
  /**
   * false: the diagnostics leave out the rules that read the compiled email (email-size, mjml),
   * so that a command that makes no email never loads MJML. Default true.
   */
  emailRules?: boolean;
}

/** An issue's pipeline over sources already read; pure but for MJML's compile. */
export function openIssuePipeline(inputs: IssueInputs, options: PipelineOptions = {}): IssuePipeline {
  const { config } = inputs;
  const issue = parseIssue(inputs.sources, config);
  const previous = once(() => (inputs.previous ? parseIssue(inputs.previous, config) : undefined));
  const templates = new Map<TemplateName, () => Template>();
  const template = (name: TemplateName): Template => {
    if (!templates.has(name)) {
      const source = inputs.templates.get(name);
      if (!source) throw new Error(`the pipeline was opened without the template ${name}`);
      templates.set(
        name,
        once(() => compileTemplate(source)),
      );
    }
    return templates.get(name)!();
  };
  const mjml = once(() => withoutControls(renderEmailMjml(issue, config, template('email.mjml.hbs'))));
  // A workspace's own template is pull-request input: what it puts in an output is checked like a writer's HTML.
  const ownTemplate = (name: TemplateName) => isWorkspaceTemplate(inputs.templates.get(name));
  const email = once(async () => {
    const compiled = await compileMjml(mjml(), { minify: options.minify });
    if (!ownTemplate('email.mjml.hbs') || compiled.notCompiled !== undefined) return compiled;
    const checked = checkEmailDocument(compiled.html);
    return { ...compiled, html: checked.safe, refused: refusedPieces(compiled.html, checked.problems) };
  });
  const blog = once(() => {
    const post = withoutControls(renderBlogPost(issue, config, template('blog-post.md.hbs')));
    return ownTemplate('blog-post.md.hbs') ? safeBlogPost(post) : { text: post, refused: [] };
  });
  // The one context every rule reads, narrowed for each to what it declares it needs.
  const diagnostics = once(() =>
    lintIssue({
      issue,
      config,
      previous: previous(),
      // A command that makes no email never loads MJML: the rules that need the email are skipped.
      email: options.emailRules === false ? undefined : once(async () => ({ mjml: mjml(), ...(await email()) })),
      ...siteCapabilities(inputs.site),
      checkLinks: inputs.checkLinks,
      compat: inputs.compat ?? checkEmailCompat,
      dictionary: inputs.dictionary ?? englishWords,
      emailTemplate: inputs.templates.get('email.mjml.hbs'),
      blogTemplate: inputs.templates.get('blog-post.md.hbs'),
      refusedInBlog: () => blog().refused,
    }),
  );
  return {
    issue,
    diagnostics,
    blog: () => blog().text,
    mjml,
    email,
    text: once(() => withoutControls(renderEmailText(issue, config, template('email.txt.hbs')))),
    files: () => [...new Set([...(issue.path ? [issue.path] : []), ...issue.fragments.map((f) => f.path)])],
  };
}

/** The texts of an issue's outputs, exactly as build writes them. */
export interface IssueOutputs {
  /** The blog post, under the file name the site gives it. */
  blog?: { name: string; text: string };
  mjml?: string;
  html?: string;
  text?: string;
}

/**
 * The outputs `wanted` of an issue, rendered through its pipeline: what build writes and the
 * preview serves, so that the two can never differ. An email too large for MJML is an error.
 */
export async function renderIssueOutputs(
  pipeline: IssuePipeline,
  config: Config,
  wanted: { blog: boolean; email: boolean; text: boolean },
  issueFolder: string,
): Promise<IssueOutputs> {
  const outputs: IssueOutputs = {};
  if (wanted.blog) outputs.blog = { name: blogFileName(pipeline.issue, config), text: pipeline.blog() };
  if (wanted.email) {
    const { html, notCompiled } = await pipeline.email();
    if (notCompiled !== undefined) {
      throw new CliError(`the email's MJML alone is ${(notCompiled / 1024).toFixed(0)} KB, many times Gmail's 102 KB clip; nothing was written.`, {
        file: issueFolder,
        hint: 'Shorten the issue: a whole issue is usually under 20 KB of Markdown.',
      });
    }
    outputs.mjml = pipeline.mjml();
    outputs.html = html;
  }
  if (wanted.text) outputs.text = pipeline.text();
  return outputs;
}

/**
 * What a command that works on one issue starts from: the workspace around `cwd` (or the one
 * given, already open), its issues, and the one named (`june-2025`, `2025-06`), else the latest.
 */
export async function openNamedIssue(
  cwd: string,
  named: string | undefined,
  open?: Workspace,
  say?: Writer,
): Promise<{ workspace: Workspace; known: IssueId[]; id: IssueId; chosen: IssueChoice }> {
  const workspace = open ?? (await openCheckedWorkspace(cwd));
  const known = await listIssues(workspace.root);
  const { id, chosen } = await issueFromHere(workspace.root, cwd, named, known);
  if (say) sayWhichIssue(say, id, chosen);
  return { workspace, known, id, chosen };
}

/** A command not told which issue says which it took, on stderr: the folder it runs in, or the latest. */
export function sayWhichIssue(say: Writer, id: IssueId, chosen: IssueChoice): void {
  if (chosen === 'here') say.write(`Issue: ${id.slug} (the folder you are in)\n`);
  else if (chosen === 'latest') say.write(`Issue: ${id.slug} (the latest)\n`);
}

/** Where a command that can do without the site says, on stderr, that its checkout could not be read. */
export function siteNote(say: Writer | undefined): (line: string) => void {
  return (line) => say?.write(`warning ${printable(line)}\n`);
}

/** The workspace around `cwd`, its config checked against the rules (unknown ids and options are config errors). */
export async function openCheckedWorkspace(cwd: string): Promise<Workspace> {
  const workspace = await openWorkspace(cwd);
  validateRuleSettings(workspace.config, workspace.configFile ?? CONFIG_FILE);
  return workspace;
}

/**
 * What the pipeline of one issue of a workspace needs, read from the disk: the templates named
 * (all by default), and the issue before it. `known`: listIssues(root), when the caller has it.
 */
export async function readIssueInputs(
  workspace: Workspace,
  id: IssueId,
  options: { templates?: readonly TemplateName[]; known?: IssueId[]; site?: SiteCheckout; compat?: CompatCheck } = {},
): Promise<IssueInputs> {
  const { root, config } = workspace;
  const known = options.known ?? (await listIssues(root));
  const before = known[known.findIndex((k) => k.slug === id.slug) - 1];
  return {
    config,
    sources: await readIssueSources(root, id),
    // A previous issue that cannot be read is reported when it is linted itself; here it is left out.
    previous: before ? await readIssueSources(root, before).catch(() => undefined) : undefined,
    templates: await readTemplates(root, options.templates ?? TEMPLATE_NAMES),
    ...(options.site ? { site: options.site } : {}),
    ...(options.compat ? { compat: options.compat } : {}),
  };
}

/** The sources of an issue and what linting them found. */
export interface LintedSources {
  sources: IssueSources;
  linted: LintedIssue;
}

export interface WorkspaceLinter {
  lint(id: IssueId): Promise<LintedSources>;
}

/**
 * Lints a workspace's issues one by one through the issue pipeline, reading each at most once
 * (an issue is also the next one's `previous`), and taking the results of unchanged issues from
 * the cache (lint, status). `known`: listIssues(root).
 */
export function openWorkspaceLinter(
  workspace: Workspace,
  known: IssueId[],
  cacheIfOffline: LintCache | undefined,
  outside: Pick<LintSurroundings, 'site' | 'checkLinks' | 'compat'> = {},
): WorkspaceLinter {
  const { root, config } = workspace;
  const { site, checkLinks, compat } = outside;
  // Neither a site checkout's files nor the network are among the cache's inputs: with either, every issue is linted afresh.
  const cache = site || checkLinks ? undefined : cacheIfOffline;
  // Issues are linted in order, each after its `previous`, so the few read last are all that is worth keeping.
  const recent = new Map<string, IssueSources>();
  const read = async (id: IssueId): Promise<IssueSources> => {
    const sources = recent.get(id.slug) ?? (await readIssueSources(root, id));
    recent.delete(id.slug);
    recent.set(id.slug, sources);
    if (recent.size > 3) recent.delete(recent.keys().next().value!);
    return sources;
  };
  // Read once, for the cache key and the rules that read templates; a template that cannot be read is an error of those rules only.
  type TemplateRead = { templates: ReadonlyMap<TemplateName, TemplateSource>; error?: unknown };
  let template: Promise<TemplateRead> | undefined;
  const readTemplate = () =>
    (template ??= readTemplates(root, ['email.mjml.hbs', 'blog-post.md.hbs']).then(
      (templates): TemplateRead => ({ templates }),
      (error: unknown): TemplateRead => ({ templates: new Map(), error }),
    ));

  return {
    async lint(id) {
      const sources = await read(id);
      const before = known[known.findIndex((k) => k.slug === id.slug) - 1];
      const previous = before ? await read(before).catch(() => undefined) : undefined;
      const { templates, error } = await readTemplate();
      const key = cache?.keyOf([config, templates.get('email.mjml.hbs')?.text ?? null, templates.get('blog-post.md.hbs')?.text ?? null, sources, previous]);
      const kept = key ? cache?.get(id.slug, key) : undefined;
      if (kept) return { sources, linted: kept };

      const pipeline = openIssuePipeline({ config, sources, previous, templates, site, checkLinks, ...(compat ? { compat } : {}) });
      // Only the email rules read the template: when they fail for want of it, its own error is the one to report.
      const diagnostics = await pipeline.diagnostics().catch((failure: unknown) => {
        throw error ?? failure;
      });
      // Every file of the issue is listed, clean ones too, as ESLint lists every file it read;
      // and so is a file a diagnostic names that is not there (a missing issue.md).
      const linted = { files: [...new Set([...pipeline.files(), ...diagnostics.map((d) => d.file)])], diagnostics };
      if (key) cache?.set(id.slug, key, linted);
      return { sources, linted };
    },
  };
}

import { basename, isAbsolute, join, resolve } from 'node:path';
import type { Context } from '../context.js';
import { usageError } from '../errors.js';
import type { Diagnostic } from '../core/diagnostic.js';
import { addressOf, testMessage } from '../core/email/email-message.js';
import { assertBuildable, defaultIssueDate, issueInvites, shownLocalImages } from '../core/issue/issue.js';
import { TEMPLATE_NAMES, type TemplateName } from '../core/templates.js';
import { removeFile, writeFilesAtomically, type OutputFile } from '../io/files.js';
import { openCompatAnswers } from '../io/email-compat.js';
import { readLocalImage } from '../io/images.js';
import { staleBuiltInvites } from '../io/invites.js';
import { cacheFolder } from '../io/lint-cache.js';
import { isPackageFolder, issueDir, relativeTo } from '../io/workspace.js';
import { openIssuePipeline, openNamedIssue, readIssueInputs, renderIssueOutputs, siteNote } from '../pipeline.js';
import { optionalSiteCheckoutOf } from '../io/site.js';

export interface BuildOptions {
  issue?: string;
  blog?: boolean;
  email?: boolean;
  text?: boolean;
  out?: string;
  minify?: boolean;
  /** Also write email.eml: the message as the mail platform takes it (needs email.from). */
  eml?: boolean;
}

/** The output each template shell makes. */
const TEMPLATE_OUTPUT: Record<TemplateName, 'blog' | 'email' | 'text'> = { 'blog-post.md.hbs': 'blog', 'email.mjml.hbs': 'email', 'email.txt.hbs': 'text' };

export interface BuildResult {
  issue: string;
  /** Absolute paths of what was written. */
  outputs: { blog?: string; mjml?: string; html?: string; text?: string; eml?: string };
  /** Absolute paths of the issue's own images copied beside the outputs (img/<name>). */
  images: string[];
  /** The events' calendar invites written (invites/<event>.ics), absolute paths. */
  invites: string[];
  /** Whether this is the repository's own sample issue, flawed on purpose (the README's first build). */
  sample: boolean;
  /** The output folder, relative to the workspace, for messages. */
  outDir: string;
  /** The issue's diagnostics, the very ones `newsletter lint` reports (the email rules only when the email is built). */
  diagnostics: Diagnostic[];
}

/**
 * Renders an issue's outputs in memory through the issue pipeline, then writes them all at
 * once. What keeps the issue from being rendered stops the build before anything is written;
 * every other diagnostic is returned, for the caller to summarise (and, with --strict, to fail on).
 */
/** The sample issue this repository holds, made from a real draft with its flaws kept for lint to show. */
const SAMPLE_ISSUE = 'april-2025';

export async function build(ctx: Pick<Context, 'cwd'> & Partial<Pick<Context, 'env' | 'stderr'>>, options: BuildOptions): Promise<BuildResult> {
  const { workspace, known, id } = await openNamedIssue(ctx.cwd, options.issue, undefined, ctx.stderr);
  const { root, config } = workspace;
  const all = !options.blog && !options.email && !options.text;
  const wanted = { blog: all || !!options.blog, email: all || !!options.email || !!options.eml, text: all || !!options.text || !!options.eml };
  const from = config.email.from;
  if (options.eml && !from)
    throw usageError(
      'email.from is not set; email.eml needs a sender.',
      `Add to ${workspace.configFile ?? 'newsletter.config.yaml'}: email: { from: "OpenInfra Foundation <newsletter@openinfra.dev>" }`,
    );
  const templates = TEMPLATE_NAMES.filter((name) => wanted[TEMPLATE_OUTPUT[name]]);
  // Without an email to make, the email rules stay out: MJML is loaded only to build one.
  // A build needs nothing of the site but the images it holds: one that cannot be read is said, not in the way.
  const site = await optionalSiteCheckoutOf(workspace, ctx.cwd, siteNote(ctx.stderr));
  // caniemail's answers about a workspace's own templates are kept between builds (io/email-compat.ts).
  const compat = openCompatAnswers(ctx.env ? cacheFolder(ctx.env) : undefined);
  const pipeline = openIssuePipeline(await readIssueInputs(workspace, id, { known, templates, site, compat: compat.check }), {
    minify: options.minify,
    emailRules: wanted.email,
  });
  // What keeps the issue from being rendered stops here, whatever the config says of its rule.
  assertBuildable(pipeline.issue);
  const diagnostics = await pipeline.diagnostics();
  await compat.save();

  const outDir = options.out ? (isAbsolute(options.out) ? options.out : resolve(root, options.out)) : join(root, 'dist', id.slug);
  const files: OutputFile[] = [];
  const outputs: BuildResult['outputs'] = {};
  const add = (key: keyof BuildResult['outputs'], name: string, content: string | Uint8Array): void => {
    const path = join(outDir, name);
    files.push({ path, content });
    outputs[key] = path;
  };

  const rendered = await renderIssueOutputs(pipeline, config, wanted, relativeTo(root, issueDir(root, id)));
  if (rendered.blog) add('blog', rendered.blog.name, rendered.blog.text);
  if (rendered.mjml !== undefined) add('mjml', 'email.mjml', rendered.mjml);
  if (rendered.html !== undefined) add('html', 'email.html', rendered.html);
  if (rendered.text !== undefined) add('text', 'email.txt', rendered.text);
  if (options.eml && from) {
    // Dated by the issue and addressed to its sender, so that the same sources give the same bytes.
    const date = new Date(Number.isNaN(Date.parse(pipeline.issue.meta.date)) ? defaultIssueDate(id) : pipeline.issue.meta.date);
    const message = testMessage(
      pipeline.issue,
      config,
      { html: (await pipeline.email()).html, text: pipeline.text() },
      { from, to: [addressOf(from)], testPrefix: false, date },
    );
    // nodemailer is loaded only to write an .eml: a plain build (and the startup snapshot) carries none of it.
    const { composeMessage } = await import('../io/mail.js');
    add('eml', 'email.eml', await composeMessage(message));
  }
  // The issue's own images go beside the outputs, under the names the blog post and email use.
  const images: string[] = [];
  if (wanted.blog || wanted.email) {
    for (const image of shownLocalImages(pipeline.issue)) {
      const path = join(outDir, 'img', image.name);
      files.push({ path, content: readLocalImage(root, image.file) });
      images.push(path);
    }
  }

  // The events' calendar invites, which the post and the email link at their place on the site.
  const invites: string[] = [];
  if (wanted.blog || wanted.email) {
    for (const invite of issueInvites(pipeline.issue)) {
      const path = join(outDir, 'invites', invite.name);
      files.push({ path, content: invite.text });
      invites.push(path);
    }
  }

  await writeFilesAtomically(files);
  // An event renamed, moved or dropped since the last build left its invite behind: it goes, as publish removes stale images.
  if (wanted.blog || wanted.email) {
    for (const path of staleBuiltInvites(join(outDir, 'invites'), new Set(invites.map((path) => basename(path))))) removeFile(path);
  }
  const shownDir = relativeTo(root, outDir);
  const sample = id.slug === SAMPLE_ISSUE && isPackageFolder(root);
  return { issue: id.slug, outputs, images, invites, outDir: shownDir.startsWith('..') ? outDir : shownDir, diagnostics, sample };
}

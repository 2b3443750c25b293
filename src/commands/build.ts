import { isAbsolute, join, resolve } from 'node:path';
import type { Context } from '../context.js';
import { assertBuildable, blogFileName, parseIssue, renderedFragments } from '../core/issue.js';
import { renderBlogPost } from '../core/render-blog.js';
import { EMAIL_WARN_BYTES, renderEmailMjml } from '../core/render-email.js';
import { renderEmailText } from '../core/render-text.js';
import { parseIssueSlug } from '../core/slug.js';
import { compileTemplate, type TemplateName } from '../core/templates.js';
import { writeFilesAtomically, type OutputFile } from '../io/files.js';
import { compileMjml } from '../io/mjml.js';
import { CliError } from '../errors.js';
import { issueDir, openWorkspace, readIssueSources, readTemplates, relativeTo, resolveIssue } from '../io/workspace.js';
import type { Warning } from '../ui/output.js';

export interface BuildOptions {
  issue?: string;
  blog?: boolean;
  email?: boolean;
  text?: boolean;
  out?: string;
  minify?: boolean;
}

export interface BuildResult {
  issue: string;
  /** Absolute paths of what was written. */
  outputs: { blog?: string; mjml?: string; html?: string; text?: string };
  /** The output folder, relative to the workspace, for messages. */
  outDir: string;
  warnings: Warning[];
}

/**
 * Renders an issue's outputs in memory, then writes them all at once: input that cannot be
 * understood throws before anything is written, so the previous output stays as it was.
 */
export async function build(ctx: Pick<Context, 'cwd'>, options: BuildOptions): Promise<BuildResult> {
  const workspace = await openWorkspace(ctx.cwd);
  const { root, config } = workspace;
  const id = await resolveIssue(root, options.issue ? parseIssueSlug(options.issue) : undefined);
  const issue = parseIssue(await readIssueSources(root, id), config);
  assertBuildable(issue);
  // assertBuildable has passed: what problems remain are warnings.
  const warnings: Warning[] = issue.problems.map(({ file, line, message }) => ({ file, line, message }));
  for (const fragment of issue.fragments) {
    if (fragment.status === 'draft' && !fragment.empty) warnings.push({ file: fragment.path, line: 1, message: `section "${fragment.id}" is still marked draft.` });
  }
  const rendered = new Set(renderedFragments(issue));
  for (const fragment of issue.fragments) {
    if (!rendered.has(fragment)) warnings.push({ file: fragment.path, message: `section "${fragment.id}" is empty and was left out.` });
  }

  const all = !options.blog && !options.email && !options.text;
  const wanted = { blog: all || !!options.blog, email: all || !!options.email, text: all || !!options.text };
  const names: TemplateName[] = [];
  if (wanted.blog) names.push('blog-post.md.hbs');
  if (wanted.email) names.push('email.mjml.hbs');
  if (wanted.text) names.push('email.txt.hbs');
  const sources = await readTemplates(root, names);
  const template = (name: TemplateName) => compileTemplate(sources.get(name)!);

  const outDir = options.out ? (isAbsolute(options.out) ? options.out : resolve(root, options.out)) : join(root, 'dist', id.slug);
  const files: OutputFile[] = [];
  const outputs: BuildResult['outputs'] = {};
  const add = (key: keyof BuildResult['outputs'], name: string, content: string): void => {
    const path = join(outDir, name);
    files.push({ path, content });
    outputs[key] = path;
  };

  if (wanted.blog) add('blog', blogFileName(issue, config), renderBlogPost(issue, config, template('blog-post.md.hbs')));
  if (wanted.email) {
    const mjml = renderEmailMjml(issue, config, template('email.mjml.hbs'));
    const { html, errors, minified, notCompiled } = await compileMjml(mjml, { minify: options.minify });
    if (notCompiled !== undefined) {
      throw new CliError(`the email's MJML alone is ${(notCompiled / 1024).toFixed(0)} KB, many times Gmail's 102 KB clip; nothing was written.`, {
        file: relativeTo(root, issueDir(root, id)), hint: 'Shorten the issue: a whole issue is usually under 20 KB of Markdown.',
      });
    }
    for (const error of errors) {
      warnings.push({ file: relativeTo(root, join(outDir, 'email.mjml')), line: error.line, message: `MJML: ${error.message}` });
    }
    add('mjml', 'email.mjml', mjml);
    add('html', 'email.html', html);
    const bytes = Buffer.byteLength(html);
    if (bytes > EMAIL_WARN_BYTES) {
      warnings.push({
        file: relativeTo(root, join(outDir, 'email.html')),
        message: `the email is ${(bytes / 1024).toFixed(1)} KB${minified ? ' minified' : ''}; Gmail clips messages over 102 KB. Shorten the issue.`,
      });
    }
  }
  if (wanted.text) add('text', 'email.txt', renderEmailText(issue, config, template('email.txt.hbs')));

  await writeFilesAtomically(files);
  const shownDir = relativeTo(root, outDir);
  return { issue: id.slug, outputs, outDir: shownDir.startsWith('..') ? outDir : shownDir, warnings };
}

import type { RefusedPiece } from '../../core/markdown/raw-html.js';
import type { TemplateSource } from '../../core/templates.js';
import { isWorkspaceTemplate } from '../../core/templates.js';
import { defineRule } from '../rule.js';

export const unsafeTemplate = defineRule({
  id: 'unsafe-template',
  defaultSeverity: 'error',
  description:
    "What a workspace's own template (templates/email.mjml.hbs, templates/blog-post.md.hbs) puts in the email or the blog post that no output may hold: script, frames, forms, event handlers, and URLs the URL policy refuses. A template comes through a pull request like a section; build leaves these out.",
  needs: ['email'],
  examples: {
    ok: [
      {
        files: { 'kata.md': 'Kata 3.14 is out.' },
        templates: { 'blog-post.md.hbs': '---\n{{{frontMatter}}}---\n\n<p align="center">Made by the community.</p>\n\n{{{intro}}}\n' },
      },
    ],
    notOk: [
      {
        files: { 'kata.md': 'Kata 3.14 is out.' },
        templates: { 'blog-post.md.hbs': '---\n{{{frontMatter}}}---\n\n<img src="/img/logo.png" onerror="steal()" alt="Logo">\n\n{{{intro}}}\n' },
        messages: ['templates/blog-post.md.hbs:4:26 the onerror attribute runs script; every output leaves it out. Remove it.'],
      },
      {
        files: { 'kata.md': 'Kata 3.14 is out.' },
        templates: {
          'email.mjml.hbs':
            '<mjml>\n  <mj-body>\n    <mj-section><mj-column>\n      <mj-text><a href="javascript:alert(1)">Read</a></mj-text>\n    </mj-column></mj-section>\n  </mj-body>\n</mjml>\n',
        },
        messages: ['templates/email.mjml.hbs:4:19 "javascript:alert(1)" is not a URL an email may hold; it is left out.'],
      },
    ],
  },
  async check({ emailTemplate, blogTemplate, refusedInBlog, email, report }) {
    const reportIn = (template: TemplateSource, pieces: RefusedPiece[]) => {
      // A template repeats its markup for every section: each problem is reported once, where it is written.
      const seen = new Set<string>();
      for (const piece of pieces) {
        const place = placeInTemplate(template.text, piece.text);
        const key = `${place.line}:${place.column}:${piece.message}`;
        if (seen.has(key)) continue;
        seen.add(key);
        report({ file: template.path, ...place, message: piece.message });
      }
    };
    if (blogTemplate && isWorkspaceTemplate(blogTemplate) && refusedInBlog) reportIn(blogTemplate, refusedInBlog());
    if (emailTemplate && isWorkspaceTemplate(emailTemplate)) reportIn(emailTemplate, (await email()).refused ?? []);
  },
});

/** Where in a template a refused piece of its output was most likely written: the piece itself, else line 1. */
function placeInTemplate(text: string, piece: string): { line: number; column: number } {
  const at = piece.trim() === '' ? -1 : text.indexOf(piece.trim());
  if (at === -1) return { line: 1, column: 1 };
  const before = text.slice(0, at);
  return { line: before.split('\n').length, column: at - before.lastIndexOf('\n') };
}

import { stringify } from 'yaml';
import type { Config } from '../config/config.js';
import { fragmentHeadingText, imageUrlOf, markdownWithEvents, renderedFragments, type Issue } from '../issue/issue.js';
import { parseMarkdown, renderMarkdownWithoutComments, stripComments, visit } from '../markdown/markdown.js';
import { checkRawHtml, refusedPieces, type RefusedPiece } from '../markdown/raw-html.js';
import { isAllowedUrl } from '../markdown/url-policy.js';
import { parseSourceParts } from '../issue/front-matter.js';
import type { Template } from '../templates.js';

/** The view the blog-post template receives. */
export interface BlogView {
  frontMatter: string;
  intro: string;
  sections: { id: string; heading: string; body: string }[];
}

/**
 * The blog post as the site's CMS stores it: front matter in the CMS schema and key order,
 * then the intro and each non-empty section under a heading, the writers' Markdown unchanged.
 */
export function renderBlogPost(issue: Issue, _config: Config, template: Template): string {
  const marks = '#'.repeat(issue.headingLevel);
  const imageUrl = (url: string) => imageUrlOf(issue, url);
  const view: BlogView = {
    frontMatter: renderBlogFrontMatter(issue),
    intro: renderMarkdownWithoutComments(issue.intro, imageUrl),
    sections: renderedFragments(issue).map((fragment) => ({
      id: fragment.id,
      heading: `${marks} ${fragmentHeadingText(fragment)}`,
      // The events follow the writer's words.
      body: markdownWithEvents(fragment, (doc) => renderMarkdownWithoutComments(doc, imageUrl)),
    })),
  };
  // An empty body leaves blank lines behind; the post never needs more than one in a row.
  return `${template(view)
    .replace(/\n{3,}/g, '\n\n')
    .trim()}\n`;
}

export function renderBlogFrontMatter(issue: Issue): string {
  return stringify(blogFrontMatterData(issue), { lineWidth: 80 });
}

/** The post's front matter as the site receives it. */
export function blogFrontMatterData(issue: Pick<Issue, 'meta' | 'extraMeta'>): Record<string, unknown> {
  // Key order is the CMS's own; keys the CLI does not know follow, as written.
  return { ...issue.meta, date: cmsTimestamp(issue.meta.date), ...issue.extraMeta };
}

/**
 * The date as the site's CMS writes every post's (2026-08-04T18:47:31.264Z): a day alone is
 * that day at midnight UTC; a date the writer gave with a time stays as written.
 */
export function cmsTimestamp(date: string): string {
  return /^\d{4}-\d{2}-\d{2}$/.test(date) ? `${date}T00:00:00.000Z` : date;
}

/**
 * A post rendered by a workspace's own template, whose markup no writer's check has seen: its
 * body held to what a section's body is held to (core/markdown/markdown.ts), and what was refused in it.
 */
export function safeBlogPost(post: string): { text: string; refused: RefusedPiece[] } {
  const { body } = parseSourceParts(post, 'templates/blog-post.md.hbs');
  const head = post.slice(0, post.length - body.length);
  const doc = parseMarkdown(body);
  const refused: RefusedPiece[] = [];
  visit(doc.tree, (node) => {
    if (node.type === 'html') {
      const value = stripComments(node.value);
      refused.push(...refusedPieces(value, checkRawHtml(value).problems));
    } else if (
      (node.type === 'link' || node.type === 'definition' || node.type === 'image') &&
      !isAllowedUrl(node.url, node.type === 'image' ? 'image' : 'link')
    ) {
      refused.push({ text: node.url, message: `"${node.url.slice(0, 40)}" is not a URL a post may hold; it is left out.` });
    }
  });
  return { text: `${head}${renderMarkdownWithoutComments(doc)}\n`, refused };
}

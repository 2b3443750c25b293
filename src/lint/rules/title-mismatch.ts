import { findIssueInSlug, findIssueInWords, monthName } from '../../core/slug.js';
import type { Rule } from '../types.js';
import { frontMatterKeyLine } from '../../core/front-matter.js';

export const titleMismatch: Rule = {
  id: 'title-mismatch',
  defaultSeverity: 'error',
  description: 'An issue whose title, SEO title or post URL names another month or year than the issue itself.',
  examples: {
    ok: [{ files: { 'issue.md': '---\ntitle: "Inside Open Infrastructure: April 2025"\n---\n' }, slug: 'april-2025' }],
    notOk: [
      { files: { 'issue.md': '---\ntitle: "Inside Open Infrastructure: March 2025"\n---\n' }, slug: 'april-2025' },
      { files: { 'issue.md': '---\nseo:\n  url: https://openinfra.dev/blog/openinfra-newsletter-march-2025\n---\n' }, slug: 'april-2025' },
    ],
  },
  check({ issue, report }) {
    const file = issue.path;
    if (!file) return;
    const expected = `${monthName(issue.id.month)} ${issue.id.year}`;
    const matter = issue.introParts?.matter ?? '';
    const checks: [string, string][] = [['title', issue.meta.title], ['seo.title', issue.meta.seo.title]];
    for (const [key, value] of checks) {
      const named = findIssueInWords(value);
      if (named && named.id.slug !== issue.id.slug) {
        report({ file, line: frontMatterKeyLine(matter, key), message: `${key} says "${named.words}" but this is the ${expected} issue (${issue.id.slug}); fix the title or the folder name.` });
      }
    }
    const slugInUrl = findIssueInSlug(issue.meta.seo.url);
    if (slugInUrl && slugInUrl.id.slug !== issue.id.slug) {
      report({ file, line: frontMatterKeyLine(matter, 'seo.url'), message: `seo.url points at ${slugInUrl.words} but this is the ${issue.id.slug} issue.` });
    }
  },
};

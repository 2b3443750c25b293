import { findIssueInSlug, findIssueInWords, monthName } from '../../core/slug.js';
import type { Rule } from '../types.js';
import { frontMatterKeyLine } from '../../core/front-matter.js';

const MONTHS = /\b(?:January|February|March|April|May|June|July|August|September|October|November|December)\b/g;

export const titleMismatch: Rule = {
  id: 'title-mismatch',
  defaultSeverity: 'error',
  description: 'An issue whose title, SEO title or post URL names another month or year than the issue itself, or whose email subject, preheader or SEO description names months but not the issue\'s.',
  examples: {
    ok: [
      { files: { 'issue.md': '---\ntitle: "Inside Open Infrastructure: April 2025"\n---\n' }, slug: 'april-2025' },
      { files: { 'issue.md': '---\npreheader: What March brought, and what comes in April\n---\n' }, slug: 'april-2025' },
    ],
    notOk: [
      { files: { 'issue.md': '---\ntitle: "Inside Open Infrastructure: March 2025"\n---\n' }, slug: 'april-2025', messages: ['issue.md:2:1 title says "March 2025" but this is the April 2025 issue (april-2025); fix the title or the folder name.'] },
      { files: { 'issue.md': '---\nseo:\n  url: https://openinfra.dev/blog/openinfra-newsletter-march-2025\n---\n' }, slug: 'april-2025', messages: ['issue.md:3:1 seo.url points at march-2025 but this is the april-2025 issue.'] },
      { files: { 'issue.md': '---\nsubject: "May news: the Summit schedule is out"\n---\n' }, slug: 'march-2025', messages: ['issue.md:2:1 subject names May, but this is the March 2025 issue; fix it, or name March too.'] },
      { files: { 'issue.md': '---\npreheader: The February releases of OpenStack and Kata\n---\n' }, slug: 'march-2025', messages: ['issue.md:2:1 preheader names February, but this is the March 2025 issue; fix it, or name March too.'] },
    ],
  },
  check({ issue, report }) {
    const file = issue.path;
    if (!file) return;
    const expected = `${monthName(issue.id.month)} ${issue.id.year}`;
    const parts = issue.introParts;
    // seo.title defaults to the title: checked only where it is written, or a wrong title counts twice.
    const seoTitle = (parts?.data.seo as Record<string, unknown> | undefined)?.title;
    const checks: [string, string][] = [['title', issue.meta.title], ...(typeof seoTitle === 'string' ? [['seo.title', seoTitle] as [string, string]] : [])];
    for (const [key, value] of checks) {
      const named = findIssueInWords(value);
      if (named && named.id.slug !== issue.id.slug) {
        report({ file, line: frontMatterKeyLine(parts, key), message: `${key} says "${named.words}" but this is the ${expected} issue (${issue.id.slug}); fix the title or the folder name.` });
      }
    }
    // The email's first lines: a month named there must include the issue's own.
    const data = issue.introParts?.data ?? {};
    const seo = (data.seo ?? {}) as Record<string, unknown>;
    const own = monthName(issue.id.month);
    for (const [key, value] of [['subject', data.subject], ['preheader', data.preheader], ['seo.description', seo.description]] as const) {
      if (typeof value !== 'string') continue;
      const months = [...value.matchAll(MONTHS)].map((m) => m[0]);
      if (months.length > 0 && !months.includes(own)) {
        report({ file, line: frontMatterKeyLine(parts, key), message: `${key} names ${months[0]}, but this is the ${expected} issue; fix it, or name ${own} too.` });
      }
    }
    const slugInUrl = findIssueInSlug(issue.meta.seo.url);
    if (slugInUrl && slugInUrl.id.slug !== issue.id.slug) {
      report({ file, line: frontMatterKeyLine(parts, 'seo.url'), message: `seo.url points at ${slugInUrl.words} but this is the ${issue.id.slug} issue.` });
    }
  },
};

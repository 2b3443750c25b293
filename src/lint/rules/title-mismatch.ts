import { findIssueInSlug, findIssueInWords, monthName } from '../../core/issue/slug.js';
import { defineRule } from '../rule.js';
import { frontMatterKeyLine, parseIsoDate } from '../../core/issue/front-matter.js';
import { fillPattern } from '../../core/config/config.js';

// An issue goes out in the first days of the next month, or is dated ahead in the last of the one before.
const DATE_SLACK_MS = 45 * 86_400_000;
const MONTHS = /\b(?:January|February|March|April|May|June|July|August|September|October|November|December)\b/g;

export const titleMismatch = defineRule({
  id: 'title-mismatch',
  defaultSeverity: 'error',
  description:
    "An issue whose title, SEO title or post URL names another month or year than the issue itself, whose post URL names no issue (a placeholder: use config postUrl's) or has a path no route can hold (a space, an escape, a query), whose publish date is more than 45 days from its month, or whose email subject, preheader or SEO description names months but not the issue's.",
  examples: {
    ok: [
      { files: { 'issue.md': '---\ntitle: "Inside Open Infrastructure: April 2025"\n---\n' }, slug: 'april-2025' },
      { files: { 'issue.md': '---\npreheader: What March brought, and what comes in April\n---\n' }, slug: 'april-2025' },
      {
        files: { 'issue.md': '---\ndate: 2025-05-02\nseo:\n  url: https://openinfra.org/blog/inside-open-infrastructure-april-2025\n---\n' },
        slug: 'april-2025',
      },
    ],
    notOk: [
      {
        files: { 'issue.md': '---\ntitle: "Inside Open Infrastructure: March 2025"\n---\n' },
        slug: 'april-2025',
        messages: ['issue.md:2:1 title says "March 2025" but this is the April 2025 issue (april-2025); fix the title or the folder name.'],
      },
      {
        files: { 'issue.md': '---\nseo:\n  url: https://openinfra.dev/blog/openinfra-newsletter-march-2025\n---\n' },
        slug: 'april-2025',
        messages: ['issue.md:3:1 seo.url points at march-2025 but this is the april-2025 issue.'],
      },
      {
        files: { 'issue.md': '---\nsubject: "May news: the Summit schedule is out"\n---\n' },
        slug: 'march-2025',
        messages: ['issue.md:2:1 subject names May, but this is the March 2025 issue; fix it, or name March too.'],
      },
      {
        files: { 'issue.md': '---\npreheader: The February releases of OpenStack and Kata\n---\n' },
        slug: 'march-2025',
        messages: ['issue.md:2:1 preheader names February, but this is the March 2025 issue; fix it, or name March too.'],
      },
      {
        files: { 'issue.md': '---\nseo:\n  url: https://openinfra.dev/blog/openinfra-newsletter-67\n---\n' },
        slug: 'april-2025',
        messages: [
          'issue.md:3:1 seo.url "https://openinfra.dev/blog/openinfra-newsletter-67" names no issue; use https://openinfra.org/blog/openinfra-newsletter-april-2025, this issue\'s address (config postUrl).',
        ],
      },
      {
        files: { 'issue.md': '---\nseo:\n  url: https://openinfra.org/blog/inside open infrastructure april-2025\n---\n' },
        slug: 'april-2025',
        messages: [
          'issue.md:3:1 seo.url\'s path "/blog/inside open infrastructure april-2025" holds a space, which no route of the site can; use letters, digits and - only.',
        ],
      },
      {
        files: { 'issue.md': '---\ndate: 2025-09-02\n---\n' },
        slug: 'august-2026',
        messages: ["issue.md:2:1 date 2025-09-02 is months away from the issue's own month, August 2026; fix the date or the folder name."],
      },
    ],
  },
  check({ issue, config, report }) {
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
        report({
          file,
          line: frontMatterKeyLine(parts, key),
          message: `${key} says "${named.words}" but this is the ${expected} issue (${issue.id.slug}); fix the title or the folder name.`,
        });
      }
    }
    // The email's first lines: a month named there must include the issue's own.
    const data = issue.introParts?.data ?? {};
    const seo = (data.seo ?? {}) as Record<string, unknown>;
    const own = monthName(issue.id.month);
    for (const [key, value] of [
      ['subject', data.subject],
      ['preheader', data.preheader],
      ['seo.description', seo.description],
    ] as const) {
      if (typeof value !== 'string') continue;
      const months = [...value.matchAll(MONTHS)].map((m) => m[0]);
      if (months.length > 0 && !months.includes(own)) {
        report({
          file,
          line: frontMatterKeyLine(parts, key),
          message: `${key} names ${months[0]}, but this is the ${expected} issue; fix it, or name ${own} too.`,
        });
      }
    }
    const slugInUrl = findIssueInSlug(issue.meta.seo.url);
    const ownUrl = fillPattern(config.postUrl, issue.id, own);
    if (slugInUrl && slugInUrl.id.slug !== issue.id.slug) {
      report({ file, line: frontMatterKeyLine(parts, 'seo.url'), message: `seo.url points at ${slugInUrl.words} but this is the ${issue.id.slug} issue.` });
    } else if (!slugInUrl && issue.meta.seo.url !== ownUrl) {
      // A route that names no issue is a placeholder copied from an older post (".../openinfra-newsletter-67").
      report({
        file,
        line: frontMatterKeyLine(parts, 'seo.url'),
        message: `seo.url "${issue.meta.seo.url}" names no issue; use ${ownUrl}, this issue's address (config postUrl).`,
      });
    }
    // The site makes the post's route from seo.url's path: a space or a query there breaks it.
    const path = /^[a-z][a-z0-9+.-]*:\/\/[^/]*(\/[^]*)?$/i.exec(issue.meta.seo.url.trim())?.[1] ?? '';
    const unsafe = /[^A-Za-z0-9._~/-]/.exec(path);
    if (unsafe) {
      const what = /\s/.test(unsafe[0]) ? 'a space' : unsafe[0] === '%' ? 'an escape (%)' : `"${unsafe[0]}"`;
      report({
        file,
        line: frontMatterKeyLine(parts, 'seo.url'),
        message: `seo.url's path "${path}" holds ${what}, which no route of the site can; use letters, digits and - only.`,
      });
    }
    const date = parseIsoDate(issue.meta.date);
    const first = Date.UTC(issue.id.year, issue.id.month - 1, 1);
    const last = Date.UTC(issue.id.year, issue.id.month, 0);
    if (date && (date.getTime() < first - DATE_SLACK_MS || date.getTime() > last + DATE_SLACK_MS)) {
      report({
        file,
        line: frontMatterKeyLine(parts, 'date'),
        message: `date ${date!.toISOString().slice(0, 10)} is months away from the issue's own month, ${expected}; fix the date or the folder name.`,
      });
    }
  },
});

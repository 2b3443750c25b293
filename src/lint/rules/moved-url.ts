import { frontMatterKeyLine } from '../../core/front-matter.js';
import { blogFileName } from '../../core/issue.js';
import type { Rule } from '../types.js';

/** The route a URL gives a page on the site: its path, the host aside, without a trailing slash. */
function routeOf(url: string): string {
  try {
    return new URL(url, 'https://site.invalid').pathname.replace(/\/+$/, '') || '/';
  } catch {
    return url;
  }
}

export const movedUrl: Rule = {
  id: 'moved-url',
  defaultSeverity: 'error',
  description: 'With a checkout of the site (lint --site DIR, or config siteRepo): an issue already published there whose seo.url now gives another route (the path; the host is ignored, as the site ignores it). The site has no redirects, so the live post would move and every link to it break.',
  examples: {
    ok: [
      { files: { 'issue.md': '---\nseo:\n  url: https://openinfra.org/blog/inside-open-infrastructure-april-2025\n---\n' }, sitePosts: { 'src/pages/blog/inside-open-infrastructure-april-2025.md': 'https://openinfra.dev/blog/inside-open-infrastructure-april-2025/' } },
      { files: { 'issue.md': '---\nseo:\n  url: https://openinfra.org/blog/inside-open-infrastructure-april-2025\n---\n' }, sitePosts: {} },
    ],
    notOk: [
      { files: { 'issue.md': '---\nseo:\n  url: https://openinfra.org/blog/openinfra-newsletter-april-2025\n---\n' }, sitePosts: { 'src/pages/blog/inside-open-infrastructure-april-2025.md': 'https://openinfra.org/blog/inside-open-infrastructure-april-2025' }, messages: ['issue.md:3:1 seo.url would move the live post from /blog/inside-open-infrastructure-april-2025 to /blog/openinfra-newsletter-april-2025, and the site has no redirects; keep https://openinfra.org/blog/inside-open-infrastructure-april-2025.'] },
    ],
  },
  async check({ issue, config, sitePost, report }) {
    if (!sitePost || !issue.path) return;
    const published = await sitePost(`${config.siteLayout.blogDir}/${blogFileName(issue, config)}`);
    if (!published?.seoUrl) return;
    const live = routeOf(published.seoUrl);
    const now = routeOf(issue.meta.seo.url);
    if (live === now) return;
    report({
      file: issue.path, line: frontMatterKeyLine(issue.introParts, 'seo.url'),
      message: `seo.url would move the live post from ${live} to ${now}, and the site has no redirects; keep ${published.seoUrl}.`,
    });
  },
};

import { frontMatterKeyLine } from '../../core/issue/front-matter.js';
import { blogFileName } from '../../core/issue/issue.js';
import { routeOf } from '../../core/site/site.js';
import { defineRule } from '../rule.js';

export const movedUrl = defineRule({
  id: 'moved-url',
  defaultSeverity: 'error',
  needs: ['site'],
  description:
    'With a checkout of the site (lint --site DIR, or config siteRepo): an issue already published there whose seo.url now gives another route (the path; the host is ignored, as the site ignores it). The site has no redirects, so the live post would move and every link to it break.',
  examples: {
    ok: [
      {
        files: { 'issue.md': '---\nseo:\n  url: https://openinfra.org/blog/inside-open-infrastructure-april-2025\n---\n' },
        siteFiles: {
          'src/pages/blog/inside-open-infrastructure-april-2025.md':
            '---\ntitle: "Inside Open Infrastructure: April 2025"\ndate: 2025-04-22T23:46:19.393Z\nseo:\n  url: https://openinfra.dev/blog/inside-open-infrastructure-april-2025/\n---\n',
        },
      },
      { files: { 'issue.md': '---\nseo:\n  url: https://openinfra.org/blog/inside-open-infrastructure-april-2025\n---\n' }, siteFiles: {} },
    ],
    notOk: [
      {
        files: { 'issue.md': '---\nseo:\n  url: https://openinfra.org/blog/openinfra-newsletter-april-2025\n---\n' },
        siteFiles: {
          'src/pages/blog/inside-open-infrastructure-april-2025.md':
            '---\ntitle: "Inside Open Infrastructure: April 2025"\ndate: 2025-04-22T23:46:19.393Z\nseo:\n  url: https://openinfra.org/blog/inside-open-infrastructure-april-2025\n---\n',
        },
        messages: [
          'issue.md:3:1 seo.url would move the live post from /blog/inside-open-infrastructure-april-2025 to /blog/openinfra-newsletter-april-2025, and the site has no redirects; keep https://openinfra.org/blog/inside-open-infrastructure-april-2025.',
        ],
      },
      {
        files: { 'issue.md': '---\nseo:\n  url: https://openinfra.org/blog/openinfra-newsletter-april-2025\n---\n' },
        siteFiles: { 'src/pages/blog/inside-open-infrastructure-april-2025.md': '---\ntitle: [Inside Open Infrastructure\n---\n' },
        messages: [
          "issue.md:3:1 the site's published post of this issue, src/pages/blog/inside-open-infrastructure-april-2025.md, cannot be read: front matter is not valid YAML: Flow sequence in block collection must be sufficiently indented and end with a ]; whether seo.url would move it cannot be checked. Fix that file in the site checkout.",
        ],
      },
    ],
  },
  check({ issue, config, site, report }) {
    if (!issue.path) return;
    const file = `${config.siteLayout.blogDir}/${blogFileName(issue, config)}`;
    const published = site.posts.find((post) => post.file === file);
    const unread = site.unread.find((left) => left.file === file);
    if (unread) {
      // The one post of the site this rule needs: left out unread, it would pass a moved URL as new.
      report({
        file: issue.path,
        line: frontMatterKeyLine(issue.introParts, 'seo.url'),
        message: `the site's published post of this issue, ${file}, ${unread.reason.replace(/\.$/, '')}; whether seo.url would move it cannot be checked. Fix that file in the site checkout.`,
      });
      return;
    }
    if (!published?.seoUrl) return;
    const live = routeOf(published.seoUrl);
    const now = routeOf(issue.meta.seo.url);
    if (live === now) return;
    report({
      file: issue.path,
      line: frontMatterKeyLine(issue.introParts, 'seo.url'),
      message: `seo.url would move the live post from ${live} to ${now}, and the site has no redirects; keep ${published.seoUrl}.`,
    });
  },
});

import { frontMatterKeyLine } from '../../core/issue/front-matter.js';
import { blogFileName } from '../../core/issue/issue.js';
import { routeOf } from '../../core/site/site.js';
import { defineRule } from '../rule.js';

export const routeCollision = defineRule({
  id: 'route-collision',
  defaultSeverity: 'error',
  needs: ['site'],
  description:
    "With a checkout of the site: a seo.url whose route (its path; the site ignores the host) is already another post's. Two pages cannot share a route: the site's build keeps one and the other is lost.",
  examples: {
    ok: [
      {
        files: { 'issue.md': '---\nseo:\n  url: https://openinfra.org/blog/openinfra-newsletter-april-2025\n---\n' },
        exampleSite: { 'src/pages/blog/inside-open-infrastructure-may-2025.md': { post: {} } },
      },
    ],
    notOk: [
      {
        files: { 'issue.md': '---\nseo:\n  url: https://openinfra.org/blog/openinfra-newsletter-may-2025/\n---\n' },
        exampleSite: { 'src/pages/blog/inside-open-infrastructure-may-2025.md': { post: { url: 'https://openinfra.dev/blog/openinfra-newsletter-may-2025' } } },
        messages: [
          'issue.md:3:1 seo.url gives the route /blog/openinfra-newsletter-may-2025, which is already the route of src/pages/blog/inside-open-infrastructure-may-2025.md ("Inside Open Infrastructure: May 2025"); two posts cannot share one.',
        ],
      },
    ],
  },
  check({ issue, config, site, report }) {
    if (!issue.path) return;
    const own = `${config.siteLayout.blogDir}/${blogFileName(issue, config)}`;
    const route = routeOf(issue.meta.seo.url);
    const other = site.posts.find((post) => post.route === route && post.file !== own);
    if (!other) return;
    report({
      file: issue.path,
      line: frontMatterKeyLine(issue.introParts, 'seo.url'),
      message: `seo.url gives the route ${route}, which is already the route of ${other.file}${other.title ? ` ("${other.title}")` : ''}; two posts cannot share one.`,
      hint: "Give this issue its own address (config postUrl's pattern with its month), or fix the other post.",
    });
  },
});

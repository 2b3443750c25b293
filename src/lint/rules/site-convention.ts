import { fillPattern } from '../../core/config/config.js';
import { frontMatterKeyLine } from '../../core/issue/front-matter.js';
import { blogFileName } from '../../core/issue/issue.js';
import { conventionsOf, newsletterPosts } from '../../core/site/site.js';
import { monthName } from '../../core/issue/slug.js';
import { defineRule } from '../rule.js';

const MAY_POST = {
  'src/pages/blog/inside-open-infrastructure-may-2025.md': { post: {}, body: '### OpenInfra Foundation News\n\n* News.\n\n### OpenStack\n\n* A release.\n' },
};

export const siteConvention = defineRule({
  id: 'site-convention',
  defaultSeverity: 'warn',
  needs: ['site'],
  description:
    "With a checkout of the site: an issue that departs from the site's latest newsletter post (its author, category, seo.url pattern, twitter handle, heading level, taglines after section names) where the config does not set that value, and so say the departure is deliberate. `newsletter new` takes these from that post.",
  examples: {
    ok: [
      { files: { 'issue.md': '---\nauthor: Allison Price\n---\n' }, exampleSite: MAY_POST },
      { files: { 'issue.md': '---\nauthor: Jimmy McArthur\n---\n' }, config: { author: 'Jimmy McArthur' }, exampleSite: MAY_POST },
    ],
    notOk: [
      {
        files: {
          'issue.md':
            '---\nauthor: Jimmy McArthur\nheadingLevel: 2\nseo:\n  url: https://openinfra.dev/blog/openinfra-newsletter-april-2025\n  twitterUsername: "@OpenInfraDev"\n---\n',
        },
        exampleSite: MAY_POST,
        messages: [
          'issue.md:2:1 author is "Jimmy McArthur", but the site\'s latest newsletter post (src/pages/blog/inside-open-infrastructure-may-2025.md) has "Allison Price".',
          "issue.md:3:1 headingLevel is 2, but the site's latest newsletter post (src/pages/blog/inside-open-infrastructure-may-2025.md) has 3.",
          'issue.md:5:1 seo.url is "https://openinfra.dev/blog/openinfra-newsletter-april-2025", but the site\'s latest newsletter post (src/pages/blog/inside-open-infrastructure-may-2025.md) has "https://openinfra.org/blog/openinfra-newsletter-april-2025".',
          'issue.md:6:1 seo.twitterUsername is "@OpenInfraDev", but the site\'s latest newsletter post (src/pages/blog/inside-open-infrastructure-may-2025.md) has "@openinfradev".',
        ],
      },
    ],
  },
  check({ issue, config, site, report }) {
    if (!issue.path) return;
    const own = `${config.siteLayout.blogDir}/${blogFileName(issue, config)}`;
    const latest = newsletterPosts(site, config.name, config.blogFile, own)[0];
    if (!latest) return;
    const conventions = conventionsOf(latest, config.sections);
    const published = site.posts.some((post) => post.file === own);
    const show = (value: unknown): string =>
      typeof value === 'string' ? `"${value}"` : Array.isArray(value) ? value.map((c: { label: string }) => `"${c.label}"`).join(', ') : String(value);
    const check = (configKey: string, key: string, value: unknown, expected: unknown, same = value === expected): void => {
      if (expected === undefined || same || config.given.includes(configKey)) return;
      report({
        file: issue.path!,
        line: frontMatterKeyLine(issue.introParts, key),
        message: `${key} is ${show(value)}, but the site's latest newsletter post (${latest.file}) has ${show(expected)}.`,
        hint: `Follow the site, or set ${configKey} in the config to say this issue's value is deliberate.`,
      });
    };
    check('author', 'author', issue.meta.author, conventions.author);
    const values = (list: { value: string }[] | undefined) =>
      list
        ?.map((c) => c.value)
        .sort()
        .join('\n');
    check('category', 'category', issue.meta.category, conventions.category, values(issue.meta.category) === values(conventions.category));
    check('headingLevel', 'headingLevel', issue.headingLevel, conventions.headingLevel);
    check('taglines', 'taglines', issue.taglines, conventions.taglines);
    // A post already on the site keeps its address (moved-url): no convention moves it.
    if (!published && conventions.postUrl)
      check('postUrl', 'seo.url', issue.meta.seo.url, fillPattern(conventions.postUrl, issue.id, monthName(issue.id.month)));
    check('twitterUsername', 'seo.twitterUsername', issue.meta.seo.twitterUsername, conventions.twitterUsername);
  },
});

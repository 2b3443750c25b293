import { frontMatterKeyLine } from '../../core/issue/front-matter.js';
import { defineRule } from '../rule.js';

export const hiddenPost = defineRule({
  id: 'hidden-post',
  defaultSeverity: 'warn',
  description:
    "`hidePost: true` in issue.md: the site would leave the post out of the blog's lists, yet still build its page and list it in the RSS feed: hidden is not private.",
  examples: {
    ok: [{ files: { 'issue.md': '---\nhidePost: false\n---\n' } }],
    notOk: [
      {
        files: { 'issue.md': '---\nhidePost: true\n---\n' },
        messages: [
          'issue.md:2:1 hidePost is true: the post would not be listed on the blog, yet its page is built and the RSS feed lists it (hidden is not private); set it to false to publish.',
        ],
      },
    ],
  },
  check({ issue, report }) {
    if (!issue.path || !issue.meta.hidePost) return;
    report({
      file: issue.path,
      line: frontMatterKeyLine(issue.introParts, 'hidePost'),
      message:
        'hidePost is true: the post would not be listed on the blog, yet its page is built and the RSS feed lists it (hidden is not private); set it to false to publish.',
    });
  },
});

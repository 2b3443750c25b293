import { frontMatterKeyLine } from '../../core/front-matter.js';
import type { Rule } from '../types.js';

export const hiddenPost: Rule = {
  id: 'hidden-post',
  defaultSeverity: 'warn',
  description: '`hidePost: true` in issue.md: the site would publish the post hidden from the blog\'s lists.',
  examples: {
    ok: [{ files: { 'issue.md': '---\nhidePost: false\n---\n' } }],
    notOk: [{ files: { 'issue.md': '---\nhidePost: true\n---\n' }, messages: ['issue.md:2:1 hidePost is true: the post would not be listed on the blog; set it to false to publish.'] }],
  },
  check({ issue, report }) {
    if (!issue.path || !issue.meta.hidePost) return;
    report({ file: issue.path, line: frontMatterKeyLine(issue.introParts, 'hidePost'), message: 'hidePost is true: the post would not be listed on the blog; set it to false to publish.' });
  },
};

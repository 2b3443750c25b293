import { frontMatterKeyLine } from '../../core/front-matter.js';
import type { Rule } from '../types.js';

export const twitterHandle: Rule = {
  id: 'twitter-handle',
  defaultSeverity: 'error',
  description: 'seo.twitterUsername other than the configured handle (a misspelt handle credits someone else).',
  examples: {
    ok: [{ files: { 'issue.md': '---\nseo:\n  twitterUsername: "@OpenInfraDev"\n---\n' } }, { files: { 'issue.md': '---\nseo:\n  twitterUsername: "@openinfradev"\n---\n' } }],
    notOk: [{ files: { 'issue.md': '---\nseo:\n  twitterUsername: "@openinradev"\n---\n' }, messages: ['issue.md:3:1 seo.twitterUsername is "@openinradev"; use "@OpenInfraDev", the configured handle.'] }],
  },
  check({ issue, config, report }) {
    const handle = issue.meta.seo.twitterUsername;
    // Handles are case-insensitive: @openinfradev is the same account as @OpenInfraDev.
    if (!issue.path || handle.toLowerCase() === config.twitterUsername.toLowerCase()) return;
    report({
      file: issue.path,
      line: frontMatterKeyLine(issue.introParts, 'seo.twitterUsername'),
      message: `seo.twitterUsername is "${handle}"; use "${config.twitterUsername}", the configured handle.`,
    });
  },
};

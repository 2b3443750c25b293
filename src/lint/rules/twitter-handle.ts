import { frontMatterKeyLine, frontMatterLineText } from '../../core/front-matter.js';
import type { Rule } from '../types.js';

export const twitterHandle: Rule = {
  id: 'twitter-handle',
  defaultSeverity: 'error',
  fixable: true,
  description: 'seo.twitterUsername other than the configured handle (a misspelt handle credits someone else). The same handle cased otherwise is a warning, which --fix writes as configured.',
  examples: {
    ok: [{ files: { 'issue.md': '---\nseo:\n  twitterUsername: "@openinfradev"\n---\n' } }],
    notOk: [
      { files: { 'issue.md': '---\nseo:\n  twitterUsername: "@OpenInfraDev"\n---\n' }, messages: ['issue.md:3:21 seo.twitterUsername is "@OpenInfraDev"; write it as configured, "@openinfradev" (the same account).'], fixed: { 'issue.md': '---\nseo:\n  twitterUsername: "@openinfradev"\n---\n' } },{ files: { 'issue.md': '---\nseo:\n  twitterUsername: "@openinradev"\n---\n' }, messages: ['issue.md:3:1 seo.twitterUsername is "@openinradev"; use "@openinfradev", the configured handle.'] }],
  },
  check({ issue, config, report }) {
    const handle = issue.meta.seo.twitterUsername;
    if (!issue.path || handle === config.twitterUsername) return;
    const line = frontMatterKeyLine(issue.introParts, 'seo.twitterUsername');
    // Handles are case-insensitive: @OpenInfraDev is the same account as @openinfradev.
    if (handle.toLowerCase() === config.twitterUsername.toLowerCase()) {
      const lineText = frontMatterLineText(issue.introParts, line);
      const at = lineText.lastIndexOf(handle);
      report({
        file: issue.path, line, ...(at >= 0 ? { column: at + 1, endLine: line, endColumn: at + 1 + handle.length } : {}), severity: 'warn',
        message: `seo.twitterUsername is "${handle}"; write it as configured, "${config.twitterUsername}" (the same account).`,
        fix: { original: handle, text: config.twitterUsername },
      });
      return;
    }
    report({
      file: issue.path,
      line: frontMatterKeyLine(issue.introParts, 'seo.twitterUsername'),
      message: `seo.twitterUsername is "${handle}"; use "${config.twitterUsername}", the configured handle.`,
    });
  },
};

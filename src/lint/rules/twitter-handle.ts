import { frontMatterKeyLine } from '../../core/issue/front-matter.js';
import { editDistance } from '../../core/spelling/spelling.js';
import { defineRule } from '../rule.js';

// A handle as X (Twitter) allows one: @, then up to 15 letters, digits or underscores.
const HANDLE = /^@[A-Za-z0-9_]{1,15}$/;

export const twitterHandle = defineRule({
  id: 'twitter-handle',
  defaultSeverity: 'error',
  description:
    'seo.twitterUsername that is no handle ("twitter.com/openinfradev", "OpenInfraDev" without its @, a stray space) or is the configured handle misspelt ("@openinradev"), which credits someone else. Handles are case-insensitive, so the same handle cased otherwise is the same account; another account altogether (a member\'s, on its own announcement) is a choice, not a typo.',
  examples: {
    ok: [
      { files: { 'issue.md': '---\nseo:\n  twitterUsername: "@openinfradev"\n---\n' } },
      { files: { 'issue.md': '---\nseo:\n  twitterUsername: "@OpenInfraDev"\n---\n' } },
      { files: { 'issue.md': '---\nseo:\n  twitterUsername: "@ORock_Tech"\n---\n' } },
    ],
    notOk: [
      {
        files: { 'issue.md': '---\nseo:\n  twitterUsername: "@openinradev"\n---\n' },
        messages: ['issue.md:3:1 seo.twitterUsername is "@openinradev"; use "@openinfradev", the configured handle.'],
      },
      {
        files: { 'issue.md': '---\nseo:\n  twitterUsername: twitter.com/openinfradev\n---\n' },
        messages: [
          'issue.md:3:1 seo.twitterUsername is "twitter.com/openinfradev", which is no handle (@ and up to 15 letters, digits or _); use "@openinfradev", the configured handle.',
        ],
      },
    ],
  },
  check({ issue, config, report }) {
    const handle = issue.meta.seo.twitterUsername;
    const configured = config.twitterUsername;
    if (!issue.path || handle.toLowerCase() === configured.toLowerCase()) return;
    const valid = HANDLE.test(handle);
    if (valid && editDistance(handle.toLowerCase(), configured.toLowerCase()) > 2) return;
    report({
      file: issue.path,
      line: frontMatterKeyLine(issue.introParts, 'seo.twitterUsername'),
      message: `seo.twitterUsername is "${handle}"${valid ? '' : ', which is no handle (@ and up to 15 letters, digits or _)'}; use "${configured}", the configured handle.`,
    });
  },
});

import { EMAIL_CLIP_BYTES, EMAIL_WARN_BYTES } from '../../core/email/render-email.js';
import { defineRule } from '../rule.js';

export const emailSize = defineRule({
  id: 'email-size',
  defaultSeverity: 'error',
  description:
    "The email's HTML, minified as build sends it when large, over Gmail's clipping limit (102 KB), where Gmail cuts the message and drops its styles; a warning from 90 KB.",
  needs: ['email'],
  examples: {
    ok: [{ files: { 'kata.md': '* Kata 3.14 is out.' } }],
    notOk: [
      {
        files: {
          'kata.md': Array.from(
            { length: 400 },
            (_, i) => `* Item ${i}: [a link to somewhere](https://example.org/${i}) with words enough to weigh something in the email.`,
          ).join('\n'),
        },
        messages: [
          'issue.md:1:1 the email is 128.7 KB; Gmail clips messages over 102 KB and then drops their styles. This is after minifying: shorten the issue.',
        ],
      },
    ],
  },
  async check({ issue, email, report }) {
    const { html, notCompiled } = await email();
    if (notCompiled !== undefined) {
      const file = issue.path ?? `sections/${issue.id.slug}/issue.md`;
      report({
        file,
        line: 1,
        message: `the email's MJML alone is ${(notCompiled / 1024).toFixed(0)} KB, many times Gmail's 102 KB clip, so it was not compiled; shorten the issue.`,
      });
      return;
    }
    const bytes = Buffer.byteLength(html);
    const size = `${(bytes / 1024).toFixed(1)} KB`;
    const file = issue.path ?? `sections/${issue.id.slug}/issue.md`;
    if (bytes > EMAIL_CLIP_BYTES) {
      report({
        file,
        line: 1,
        message: `the email is ${size}; Gmail clips messages over 102 KB and then drops their styles. This is after minifying: shorten the issue.`,
      });
    } else if (bytes > EMAIL_WARN_BYTES) {
      report({ file, line: 1, severity: 'warn', message: `the email is ${size}, close to Gmail's 102 KB clip even minified; shorten the issue.` });
    }
  },
});

import { PLATFORMS, unsubscribeUrlOf } from '../../core/email/platforms.js';
import { defineRule } from '../rule.js';

/** The presets the message names: the platforms that carry an unsubscribe tag. */
const PRESETS = Object.entries(PLATFORMS)
  .filter(([, platform]) => platform.unsubscribe !== undefined)
  .map(([name]) => name)
  .join(' or ');

export const unsubscribe = defineRule({
  id: 'unsubscribe',
  defaultSeverity: 'error',
  description:
    'An email with no unsubscribe link, because config names neither a mail platform (email.platform) nor an unsubscribe URL or merge tag (email.unsubscribeUrl): its footer can only ask readers to write in, and inboxes that require one-click unsubscribe for bulk mail will not take it.',
  examples: {
    ok: [
      { files: { 'issue.md': '---\n---\n' }, config: { email: { platform: 'mailchimp' } } },
      { files: { 'issue.md': '---\n---\n' }, config: { email: { platform: 'emma' } } },
      { files: { 'issue.md': '---\n---\n' }, config: { email: { unsubscribeUrl: 'https://openinfra.dev/unsubscribe' } } },
    ],
    notOk: [
      {
        files: { 'issue.md': '---\n---\n' },
        messages: [
          "issue.md:1:1 the email has no unsubscribe link: set email.platform (mailchimp or emma) or email.unsubscribeUrl (your platform's merge tag, or a URL) in the config; until then its footer asks readers to write to info@openinfra.dev.",
        ],
      },
    ],
  },
  check({ issue, config, report }) {
    if (unsubscribeUrlOf(config) !== undefined) return;
    report({
      file: issue.path ?? `sections/${issue.id.slug}/issue.md`,
      line: 1,
      message: `the email has no unsubscribe link: set email.platform (${PRESETS}) or email.unsubscribeUrl (your platform's merge tag, or a URL) in the config; until then its footer asks readers to write to ${config.email.contactEmail}.`,
    });
  },
});

import type { SendResult } from '../actions/send.js';
import { defineCommand, flag, issueArg } from './spec.js';

/*
 * send: one test message of a ready issue, to your own inbox, through SMTP.
 * Its words, arguments and flags (from which cli.ts makes commander's command and --help, and
 * the docs their synopsis), and a run that loads its work on first use and returns what
 * ui/print-send.ts prints.
 */

export default defineCommand({
  order: 60,
  name: 'send',
  description: 'send one test message of a ready issue to your own inbox, through SMTP',
  args: [issueArg()],
  flags: [
    flag('--to <address>', 'a recipient (repeat for more; at most 10)', { parse: (value: string, list: string[]) => [...list, value], default: [] }),
    flag('--dry-run', 'send nothing; write the message as dist/<issue>/test.eml (never over the email.eml of build --eml)'),
    flag('--force', 'send an issue that is not ready'),
    flag('--no-test-prefix', 'leave "[TEST] " out of the subject'),
    flag(
      '--no-inline-images',
      "load the images from their addresses on the site, as readers will (default: the issue's own and those of the site checkout carried in the message, since the site shows them only once deployed)",
    ),
    flag('--site <dir>', 'a checkout of the site, whose images the email shows are carried in the message (default: config siteRepo)'),
  ],
  examples: `
Examples:
  $ newsletter send --to me@example.org                         # the latest issue, to my inbox
  $ newsletter send june-2025 --to me@example.org --to me@phone.example.org
  $ newsletter send --dry-run                                   # dist/<issue>/test.eml, nothing sent

SMTP: NEWSLETTER_SMTP_URL=smtp://user:password@host:587 (smtps:// for TLS from the start),
or email.smtp in the config with NEWSLETTER_SMTP_PASSWORD.`,
  fromSnapshot: false,
  async run(ctx, { args, flags, cwd, note }): Promise<SendResult> {
    const { send } = await import('../actions/send.js');
    return send(
      { cwd, env: ctx.env, now: ctx.now, waits: ctx.waits, stderr: note },
      {
        issue: args[0],
        to: flags.to,
        dryRun: flags.dryRun,
        force: flags.force,
        testPrefix: flags.testPrefix,
        inlineImages: flags.inlineImages,
        site: flags.site,
      },
    );
  },
  outcome(result) {
    return result.refused || (result.delivery?.refused.length ?? 0) > 0 ? 'problems' : 'done';
  },
});

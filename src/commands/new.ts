import type { NewResult } from '../actions/new.js';
import { arg, defineCommand, flag } from './spec.js';

/*
 * new: opens an issue, its issue.md and one fragment per section (asking what the flags leave out, on a terminal).
 * Its words, arguments and flags (from which cli.ts makes commander's command and --help, and
 * the docs their synopsis), and a run that loads its work on first use and returns what
 * ui/print-new.ts prints.
 */

export default defineCommand({
  order: 10,
  name: 'new',
  description: 'open a new issue: issue.md and one fragment per section',
  args: [arg('<issue>', 'the issue, as month-year (april-2025) or year-month (2025-04)')],
  flags: [
    flag('-y, --yes', 'ask nothing; take the flags and the defaults'),
    flag('--title <text>', 'the issue title'),
    flag('--author <name>', 'the author shown on the blog post'),
    flag('--date <YYYY-MM-DD>', 'the publish date'),
    flag('--description <text>', 'the SEO description, also the email preheader'),
    flag('--sections <ids>', 'comma-separated section ids'),
    flag('--site <dir>', 'a checkout of the site: its latest newsletter post gives the defaults (default: config siteRepo)'),
    flag('--verbose', 'say where each default came from (the site, the config, built in)'),
  ],
  examples: `
Examples:
  $ newsletter new april-2025
  $ newsletter new 2025-05 --yes --author "Allison Price" --date 2025-05-20
  $ newsletter new june-2025 --yes --sections spotlight,foundation,openstack,events
  $ newsletter new 2026-09 --site ../osf-website --verbose   # defaults from the site's latest newsletter post`,
  fromSnapshot: false,
  async run(ctx, { args, flags, cwd }): Promise<NewResult> {
    const { newIssue } = await import('../actions/new.js');
    const { verbose, ...options } = flags;
    return newIssue({ ...ctx, cwd }, { issue: args[0], ...options });
  },
});

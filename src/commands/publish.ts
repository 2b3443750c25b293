import type { PublishResult } from '../actions/publish.js';
import { defineCommand, flag, issueArg } from './spec.js';

/*
 * publish: puts a ready issue into a checkout of the site.
 * Its words, arguments and flags (from which cli.ts makes commander's command and --help, and
 * the docs their synopsis), and a run that loads its work on first use and returns what
 * ui/print-publish.ts prints.
 */

export default defineCommand({
  order: 50,
  name: 'publish',
  description: "put a ready issue into a checkout of the site: the blog post and the issue's own images, or one commit on a branch (--branch)",
  args: [issueArg()],
  flags: [
    flag('--site <dir>', "the checkout of the site's repository (default: config siteRepo)"),
    flag('--dry-run', 'write nothing; print what would be written'),
    flag('--force', 'publish an issue that is not ready, or replace a published post that differs'),
    flag('--branch [name]', "commit it on a branch of the site's repository (default: newsletter-<issue>), leaving the checkout as it is"),
    flag('--push', "push that branch to the checkout's remote and print the address that opens its pull request"),
    flag('--json', 'print {"issue", "site", "written", "unchanged", "removed"} (and "branch") and nothing else on stdout'),
  ],
  examples: `
Examples:
  $ newsletter publish --site ../osf-website            # the latest issue, if it is ready
  $ newsletter publish june-2025 --site ../osf-website --dry-run
  $ newsletter publish --json                           # with siteRepo in the config
  $ newsletter publish --site ../osf-website --branch --push   # newsletter-<issue>, pushed: the site's pull request
  $ newsletter publish june-2025 --site ../osf-website --branch=site/june   # the issue before --branch`,
  fromSnapshot: false,
  async run(ctx, { args, flags, cwd, note }): Promise<PublishResult> {
    const { publish } = await import('../actions/publish.js');
    return publish(
      { cwd, now: ctx.now, stderr: note, env: ctx.env, interactive: ctx.interactive },
      { issue: args[0], site: flags.site, dryRun: flags.dryRun, force: flags.force, branch: flags.branch, push: flags.push },
    );
  },
  outcome(result) {
    // A branch committed but not pushed is kept; the push's failure is the environment's (a remote, a network), as a usage error is.
    return result.refused ? 'problems' : result.branch?.pushError ? 'failed' : 'done';
  },
});

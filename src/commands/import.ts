import type { ImportedPost } from '../actions/import.js';
import { CliError } from '../errors.js';
import { arg, defineCommand, flag } from './spec.js';

/*
 * import: splits published posts into issues of fragments, so the archive can be linted and rebuilt.
 * Its words, arguments and flags (from which cli.ts makes commander's command and --help, and
 * the docs their synopsis), and a run that loads its work on first use and returns what
 * ui/print-import.ts prints.
 */

export default defineCommand({
  order: 120,
  name: 'import',
  description: 'split published posts into issues of fragments, so the archive can be linted and rebuilt',
  args: [arg('<posts...>', 'blog post files (.md with the CMS front matter)')],
  flags: [flag('--issue <issue>', "the issue to make (default: the month and year of the post's title)")],
  examples: `
Examples:
  $ newsletter import ~/site/src/pages/blog/inside-open-infrastructure-june-2025.md
  $ newsletter import archive/*.md
  $ newsletter import draft.md --issue 2025-07`,
  fromSnapshot: false,
  async run(_ctx, { args, flags, cwd }): Promise<ImportedPost[]> {
    const { importPosts } = await import('../actions/import.js');
    return importPosts({ cwd }, { posts: args[0], issue: flags.issue });
  },
  outcome(imported) {
    // A post that hit a bug (not a CliError) is the CLI's failure, not the content's.
    const failed = imported.filter((post) => post.error !== undefined);
    return failed.some((post) => !(post.error instanceof CliError)) ? 'failed' : failed.length > 0 ? 'problems' : 'done';
  },
});

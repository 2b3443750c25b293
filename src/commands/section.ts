import type { SectionAddResult } from '../actions/section.js';
import { usageError } from '../errors.js';
import { arg, defineCommand, flag, issueArg } from './spec.js';

/*
 * section add: a section's fragment, with its owner, and its place in the issue's reading order.
 * Its words, arguments and flags (from which cli.ts makes commander's command and --help, and
 * the docs their synopsis), and a run that loads its work on first use and returns what
 * ui/print-section.ts prints.
 */

export default defineCommand({
  order: 80,
  name: 'section',
  description: 'add a section to an issue (section add <id>): its fragment with its owner, and its place in the reading order issue.md holds',
  args: [
    arg('<action>', 'add', ['add']),
    arg('<id>', 'the section id, which names its file (summit-spotlight)'),
    issueArg('the issue (default: the one of the current folder, else the latest)'),
  ],
  flags: [
    flag('--heading <text>', "its heading (default: config's for a configured section, else made from the id)"),
    flag('--owner <name>', 'who writes it (a GitHub handle such as "@jdoe", or a name)'),
    flag('--tagline <text>', "a section of the issue's own: its tagline, shown after its heading where the issue's headings carry taglines"),
    flag('--required', "a section of the issue's own: lint reports it while it holds nothing (required: true)"),
    flag('--after <id>', 'put it after this section'),
    flag('--before <id>', 'put it before this section (default: before the events, else last)'),
  ],
  examples: `
Examples:
  $ newsletter section add summit-spotlight --heading "Summit Spotlight" --owner "@events-team"
  $ cd sections/june-2025 && newsletter section add member-story --before events
  $ newsletter section add zuul june-2025          # a section config knows, with its heading and guide`,
  fromSnapshot: false,
  async run(_ctx, { args, flags, cwd, note }): Promise<SectionAddResult> {
    if (args[0] !== 'add') throw usageError(`newsletter section ${String(args[0])}: the only action is add.`, 'newsletter section add <id> [issue]');
    if (flags.after !== undefined && flags.before !== undefined) throw usageError('give --after or --before, not both.');
    const { addSection } = await import('../actions/section.js');
    return addSection({ cwd, stderr: note }, { id: args[1], issue: args[2], ...flags });
  },
});

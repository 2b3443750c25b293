import type { EventsResult } from '../actions/events.js';
import { defineCommand, flag, issueArg } from './spec.js';

/*
 * events: an issue's events as data; --to-data turns the events section's prose into events: data.
 * Its words, arguments and flags (from which cli.ts makes commander's command and --help, and
 * the docs their synopsis), and a run that loads its work on first use and returns what
 * ui/print-events.ts prints.
 */

export default defineCommand({
  order: 70,
  name: 'events',
  description:
    "an issue's events as data: their days, deadlines and invites; --to-data turns the events section's prose into events: where it can with certainty",
  args: [issueArg()],
  flags: [
    flag(
      '--to-data',
      "turn the events section's prose into events: data, event by event, where every line is read with certainty; the rest stays prose and is listed",
    ),
    flag('--dry-run', 'with --to-data: write nothing; print what would change'),
  ],
  examples: `
Examples:
  $ newsletter events                          # the latest issue's events, their days and deadlines
  $ newsletter events april-2025 --to-data --dry-run
  $ newsletter events april-2025 --to-data     # imported prose events into events: data`,
  fromSnapshot: false,
  async run(_ctx, { args, flags, cwd, note }): Promise<EventsResult> {
    const { events } = await import('../actions/events.js');
    return events({ cwd, stderr: note }, { issue: args[0], toData: flags.toData, dryRun: flags.dryRun });
  },
});

import { STATUS_FORMATS } from '../actions/formats.js';
import type { IssueStatus } from '../core/issue/readiness.js';
import { defineCommand, flag, issueArg } from './spec.js';

/*
 * status: who still owes what of an issue, and whether it can ship.
 * Its words, arguments and flags (from which cli.ts makes commander's command and --help, and
 * the docs their synopsis), and a run that loads its work on first use and returns what
 * ui/print-status.ts prints.
 */

export default defineCommand({
  order: 40,
  name: 'status',
  description: "who still owes what, and whether the issue can ship: each section's owner, state and problems",
  args: [issueArg()],
  flags: [flag('--format <format>', 'how to print it', { choices: STATUS_FORMATS, default: 'text' }), flag('--check', 'exit 1 when the issue is not ready')],
  examples: `
Examples:
  $ newsletter status                   # the latest issue: who owes what, can it ship?
  $ newsletter status june-2025 --check # exit 1 unless the issue is ready
  $ newsletter status --format markdown >> "$GITHUB_STEP_SUMMARY"`,
  fromSnapshot: false,
  async run(ctx, { args, cwd, note }): Promise<IssueStatus> {
    const { status } = await import('../actions/status.js');
    return status({ cwd, env: ctx.env, now: ctx.now, stderr: note }, { issue: args[0] });
  },
  outcome(result, flags) {
    return flags.check && !result.ready ? 'problems' : 'done';
  },
});

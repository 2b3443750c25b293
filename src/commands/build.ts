import type { BuildResult } from '../actions/build.js';
import { defineCommand, flag, issueArg } from './spec.js';

/*
 * build: renders an issue's blog post, MJML email and plain text into dist/<issue>/.
 * Its words, arguments and flags (from which cli.ts makes commander's command and --help, and
 * the docs their synopsis), and a run that loads its work on first use and returns what
 * ui/print-build.ts prints.
 */

export default defineCommand({
  order: 20,
  name: 'build',
  description: 'render the blog post, the MJML email and its plain text into dist/<issue>/',
  args: [issueArg('the issue to build (default: the latest)')],
  flags: [
    flag('--blog', 'write the blog post'),
    flag('--email', 'write the email (email.mjml and email.html)'),
    flag('--text', 'write the plain-text email'),
    flag('--out <dir>', 'write into this folder instead of dist/<issue>/'),
    flag('--minify', "minify the email HTML (keeps it further from Gmail's 102 KB clip)"),
    flag('--json', 'print what was written as JSON, and nothing else on stdout'),
    flag('--strict', 'exit 1 when the issue has lint errors (the outputs are written all the same)'),
    flag('--eml', 'also write email.eml, the message a mail platform can take as is (needs email.from)'),
  ],
  examples: `
Examples:
  $ newsletter build                    # the latest issue: blog post, email and text
  $ newsletter build april-2025 --email
  $ newsletter build --strict           # in CI: fail when lint finds errors
  $ newsletter build --json --out /tmp/preview`,
  fromSnapshot: true,
  async run(ctx, { args, flags, cwd, note }): Promise<BuildResult> {
    const { build } = await import('../actions/build.js');
    return build({ cwd, env: ctx.env, stderr: note }, { issue: args[0], ...flags });
  },
  outcome(result, flags) {
    return flags.strict && result.diagnostics.some((d) => d.severity === 'error') ? 'problems' : 'done';
  },
});

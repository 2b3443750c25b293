import { usageError } from '../errors.js';
import { SHELLS, type Shell } from './shells.js';
import { arg, defineCommand, flag } from './spec.js';

/*
 * completion: the shell completion script, made from the list of commands, and the issue names it asks for as the user types.
 * Its words, arguments and flags (from which cli.ts makes commander's command and --help, and
 * the docs their synopsis), and a run that loads its work on first use and returns what
 * ui/print-completion.ts prints.
 */

export default defineCommand({
  order: 90,
  name: 'completion',
  description: 'print the shell completion script for bash, zsh or fish: commands, options and issue names',
  args: [arg('[shell]', 'bash, zsh or fish', SHELLS)],
  flags: [flag('--issues', "print the workspace's issue names, one per line (what the scripts ask as you type)")],
  examples: `
Examples:
  $ eval "$(newsletter completion bash)"              # in ~/.bashrc
  $ newsletter completion zsh > "\${fpath[1]}/_newsletter"
  $ newsletter completion fish > ~/.config/fish/completions/newsletter.fish`,
  fromSnapshot: false,
  async run(_ctx, { args, flags, cwd }): Promise<{ issueNames: string[] } | { shell: Shell }> {
    if (flags.issues) {
      // What the scripts ask as the user types: the folder names of sections/, nothing else read.
      const { findWorkspaceRoot, listIssues } = await import('../io/workspace.js');
      return { issueNames: (await listIssues(findWorkspaceRoot(cwd))).map((id) => id.slug) };
    }
    const shell = SHELLS.find((name) => name === args[0]);
    if (!shell) throw usageError(`completion needs a shell: ${SHELLS.join(', ')}.`, 'Such as: eval "$(newsletter completion bash)"');
    return { shell };
  },
});

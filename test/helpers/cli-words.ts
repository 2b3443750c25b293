import { Command, CommanderError } from 'commander';
import { declare } from '../../src/cli.js';
import { COMMANDS } from '../../src/command-list.js';

/*
 * Whether the CLI takes a command line, read from the commands' own declarations and nothing
 * run: for the command lines that files show readers (the CI workflow, the README, docs/).
 */

/** Commander's refusal of these words (after `newsletter`), or undefined when it takes them. */
export function cliParseError(words: string[]): string | undefined {
  const program = new Command('newsletter')
    .exitOverride()
    .configureOutput({ writeOut: () => {}, writeErr: () => {} })
    .option('--cwd <dir>')
    .option('--debug');
  for (const spec of COMMANDS) declare(program, spec).action(() => {});
  try {
    program.parse(words, { from: 'user' });
    return undefined;
  } catch (error) {
    if (error instanceof CommanderError) return `${error.code}: ${error.message}`;
    throw error;
  }
}

import type { CommandSpec } from '../commands/spec.js';
import type { Context } from '../context.js';
import type { Shell } from '../commands/shells.js';
import { completionScript, type CompletedCommand } from './completion.js';
import type { Printer } from '../commands/spec.js';
import type command from '../commands/completion.js';

/** completion <shell>: the script for that shell, of these commands. */
export function printCompletionScript(ctx: Pick<Context, 'stdout'>, shell: Shell, commands: readonly CommandSpec[]): void {
  ctx.stdout.write(completionScript(shell, commands.map(completedCommand)));
}

/** completion --issues: one issue name a line. */
export function printIssueNames(ctx: Pick<Context, 'stdout'>, names: readonly string[]): void {
  for (const name of names) ctx.stdout.write(`${name}\n`);
}

/** What a completion script needs of a command's declaration. */
function completedCommand(spec: CommandSpec): CompletedCommand {
  return {
    name: spec.name,
    description: spec.description,
    flags: spec.flags.map((flag) => ({
      name: /--[a-z][a-z-]*/.exec(flag.flags)![0],
      description: flag.description,
      // A value named <dir>, <path> or <file> is a place on disk, which the shell completes as a file.
      value: /<(?:dir|path|file)>/.test(flag.flags) ? ('path' as const) : flag.flags.includes('<') ? ('other' as const) : ('none' as const),
      choices: flag.choices,
    })),
    words: spec.args[0]?.words ?? [],
    takesIssue: spec.args.some(({ syntax }) => syntax.includes('issue')),
  };
}

export const print: Printer<typeof command> = (ctx, result, { commands }) => {
  if ('issueNames' in result) printIssueNames(ctx, result.issueNames);
  else printCompletionScript(ctx, result.shell, commands);
};

import { readFile } from 'node:fs/promises';
import { Command, CommanderError, Option } from 'commander';
import { COMMAND_LIST, COMMANDS } from './command-list.js';
import type { CommandSpec, Outcome } from './commands/spec.js';
import type { Context } from './context.js';
import { packagePath } from './paths.js';
import { CliError } from './errors.js';
import { EXIT_CONTENT, EXIT_OK, EXIT_USAGE, exitCodeOf } from './exit-codes.js';
import { printError } from './ui/output.js';

/** The exit code of each way a command can go: the only place outcomes become numbers. */
const EXIT_OF: Record<Outcome, number> = { done: EXIT_OK, problems: EXIT_CONTENT, failed: EXIT_USAGE };

/**
 * Runs the CLI and returns the exit code; never calls process.exit, so tests can call it and
 * the bin decides how to end. The commands, their flags and what each does are their modules
 * (src/commands/, listed in command-list.ts); here they become commander's commands, and a
 * command's run, its printer and its outcome are called in turn.
 */
export async function main(argv: string[], ctx: Context): Promise<number> {
  let exitCode = EXIT_OK;
  const debug = argv.includes('--debug');
  const program = new Command('newsletter')
    .description('Compose the Inside Open Infrastructure newsletter from Markdown fragments.')
    .version(await readVersion(), '-V, --version')
    .option('--cwd <dir>', 'run in this workspace folder instead of the current one')
    .option('--debug', 'show the stack of an unexpected error')
    .showSuggestionAfterError(true)
    .showHelpAfterError('(add --help for usage)')
    .exitOverride()
    .configureOutput({
      writeOut: (text) => ctx.stdout.write(text),
      writeErr: (text) => ctx.stderr.write(text),
    });
  for (const { command: spec, printer } of COMMAND_LIST) {
    declare(program, spec).action(async (...params: unknown[]) => {
      // commander passes the arguments, then the flags, then the command itself.
      const command = params.at(-1) as Command;
      const flags = params.at(-2) as Record<string, unknown>;
      const cwd = (command.optsWithGlobals().cwd as string | undefined) ?? ctx.cwd;
      const notes: string[] = [];
      const call = { args: params.slice(0, -2), flags, cwd, debug, commands: COMMANDS, note: { write: (text: string) => void notes.push(text) } };
      const data = await spec.run(ctx, call);
      await (await printer()).print(ctx, data, call);
      exitCode = EXIT_OF[spec.outcome?.(data, flags) ?? 'done'];
      await spec.until?.(data);
      for (const text of notes) ctx.stderr.write(text);
    });
  }

  try {
    if (argv.length === 0) {
      program.outputHelp();
      return EXIT_USAGE;
    }
    await program.parseAsync(argv, { from: 'user' });
  } catch (error) {
    exitCode = handleError(ctx, error, debug);
  }
  return exitCode;
}

/**
 * A command of the table as commander's: its words, arguments, flags and examples. Exported for
 * the test that parses the shipped CI workflow's command lines as the CLI would.
 */
export function declare(program: Command, spec: CommandSpec): Command {
  const command = program.command(spec.name).description(spec.description);
  for (const { syntax, description } of spec.args) command.argument(syntax, description);
  for (const flag of spec.flags) {
    const option = new Option(flag.flags, flag.description);
    if (flag.parse) option.argParser<unknown>(flag.parse);
    if (flag.choices) option.choices(flag.choices);
    if (flag.default !== undefined) option.default(flag.default);
    command.addOption(option);
  }
  return command.addHelpText('after', spec.examples);
}

function handleError(ctx: Context, error: unknown, debug: boolean): number {
  if (error instanceof CommanderError) {
    // Commander has printed its message already; help and version are not failures.
    if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.code === 'commander.help') return EXIT_OK;
    return EXIT_USAGE;
  }
  printError(ctx, error, debug);
  return error instanceof CliError ? exitCodeOf(error.kind) : EXIT_USAGE;
}

async function readVersion(): Promise<string> {
  const pkg = JSON.parse(await readFile(packagePath('package.json'), 'utf8')) as { version: string };
  return pkg.version;
}

import { main } from './cli.js';
import { COMMANDS } from './command-list.js';
import { EXIT_CANCELLED, EXIT_USAGE } from './exit-codes.js';
import { existsSync } from 'node:fs';
import { isAbsolute } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { terminalPrompter } from './ui/prompts.js';

/**
 * V8 hands a function to TurboFan, its optimising compiler, once it has run some budget of
 * bytecode. A build or a lint lasts from a tenth of a second to a few seconds; at V8's default
 * budget, TurboFan spends them compiling functions whose optimised code then runs a handful of
 * times. Measured on Node 20 (V8 11.3, whose default budget this is) at four times the budget,
 * against the same snapshot without it (docs/snapshot.md): build 0.98x the time and 0.88x the
 * CPU, lint --all of 18 issues 0.86x and 0.74x. So it is set for those two commands, on V8 11,
 * and for nothing that runs long (the preview) or on a V8 whose default was not measured: the
 * short runs are the commands the list starts from the snapshot that end once done. The
 * flag only sets the budget of what runs from now on, so it takes effect set here (the startup
 * snapshot could not be started with a flag it was not built with).
 */
const V8_11_INTERRUPT_BUDGET = 67_584;
const SHORT_RUNS = new Set(COMMANDS.filter((command) => command.fromSnapshot && command.until === undefined).map((command) => command.name));

/** The command named on a command line, as the bin's sh finds it: the first word that is not an option or --cwd's folder. */
export function commandOf(argv: string[]): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--cwd') i++;
    else if (!argv[i]!.startsWith('-')) return argv[i];
  }
  return undefined;
}

/** The real process as a Context: the only place that reads process state. */
export async function run(argv: string[]): Promise<number> {
  if (SHORT_RUNS.has(commandOf(argv) ?? '') && process.versions.v8.startsWith('11.')) setFlagsFromString(`--interrupt-budget=${4 * V8_11_INTERRUPT_BUDGET}`);
  const env = process.env;
  // `newsletter lint | head`: when the reader goes away, stop writing rather than crash.
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code !== 'EPIPE') throw error;
    });
  }
  const tty = !!process.stdout.isTTY;
  const cwd = currentFolder(argv);
  if (cwd === undefined) {
    process.stderr.write(
      'error the current folder no longer exists (it was deleted or moved).\n  cd into the workspace again, or pass --cwd with an absolute path.\n',
    );
    return EXIT_USAGE;
  }
  return main(argv, {
    cwd,
    env,
    stdout: process.stdout,
    stderr: process.stderr,
    interactive: isInteractive(env, !!process.stdin.isTTY, tty),
    color: tty && !('NO_COLOR' in env) && env.TERM !== 'dumb',
    now: () => new Date(),
    prompt: terminalPrompter,
    onInterrupt,
  });
}

/**
 * The first Ctrl-C goes to the command, to end cleanly (close its server, finish its write);
 * a second one, while it is still at that, ends the process at once, as a shell would.
 */
function onInterrupt(listener: () => void): () => void {
  let seen = 0;
  const handler = (): void => {
    seen += 1;
    if (seen === 1) listener();
    else process.exit(EXIT_CANCELLED);
  };
  process.on('SIGINT', handler);
  process.on('SIGTERM', listener);
  return () => {
    process.off('SIGINT', handler);
    process.off('SIGTERM', listener);
  };
}

/**
 * The folder the CLI runs in. When the shell's folder has been deleted, process.cwd() throws
 * and so does every library that resolves a relative path; an absolute --cwd becomes the
 * process's folder instead, and without one there is nothing to run in.
 */
function currentFolder(argv: string[]): string | undefined {
  try {
    return process.cwd();
  } catch {
    const at = argv.indexOf('--cwd');
    const given = at === -1 ? argv.find((a) => a.startsWith('--cwd='))?.slice(6) : argv[at + 1];
    if (!given || !isAbsolute(given) || !existsSync(given)) return undefined;
    process.chdir(given);
    return given;
  }
}

/** Whether a person is there to answer prompts: terminals on both ends, and not CI. */
export function isInteractive(env: Record<string, string | undefined>, stdinTty: boolean, stdoutTty: boolean): boolean {
  // CI set, even empty, means no one is there to answer (CI=false and CI=0 say otherwise).
  const ci = env.CI !== undefined && !/^(?:false|0)$/i.test(env.CI);
  return stdinTty && stdoutTty && !ci;
}

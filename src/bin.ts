import { main } from './cli.js';
import { terminalPrompter } from './ui/prompts.js';

/** The real process as a Context: the only place that reads process state. */
export async function run(argv: string[]): Promise<number> {
  const env = process.env;
  // `newsletter lint | head`: when the reader goes away, stop writing rather than crash.
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code !== 'EPIPE') throw error;
    });
  }
  const tty = !!process.stdout.isTTY;
  return main(argv, {
    cwd: process.cwd(),
    env,
    stdout: process.stdout,
    stderr: process.stderr,
    interactive: !!process.stdin.isTTY && tty && !env.CI,
    color: tty && !('NO_COLOR' in env) && env.TERM !== 'dumb',
    now: () => new Date(),
    prompt: terminalPrompter,
  });
}

import type { ErrorKind } from './errors.js';

/** Exit codes are part of the contract: 0 clean, 1 content errors, 2 usage or config. Only the edge (bin, cli) uses them. */
export const EXIT_OK = 0;
export const EXIT_CONTENT = 1;
export const EXIT_USAGE = 2;
/** What shells return for a program ended by Ctrl-C (128 + SIGINT). */
export const EXIT_CANCELLED = 130;

export function exitCodeOf(kind: ErrorKind): number {
  return kind === 'usage' ? EXIT_USAGE : kind === 'cancelled' ? EXIT_CANCELLED : EXIT_CONTENT;
}

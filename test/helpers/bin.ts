import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { timeFor, type Work } from './budget.js';
import { assertCompiled } from './compiled.js';
import { CACHE_HOME, REPO, type RunResult } from './workspace.js';

// Everything here runs lib/, so a test file that imports it stops at once when lib/ is not
// src/ compiled; a test file that runs src/ in-process alone never imports it.
assertCompiled();

export const BIN = join(REPO, 'bin', 'newsletter.js');

/**
 * Runs the real bin in a separate process, no TTY, CI set. By default as `node bin/newsletter.js`
 * (the compiled modules); `viaShebang` runs it as npm's link does, through its sh lines and so
 * from the startup snapshot when there is one. A run that takes longer than its work (`work`, one
 * run of the bin unless said) is ended, so that no test leaves it behind.
 */
export function runCli(
  args: string[],
  options: { cwd: string; env?: Record<string, string>; viaShebang?: boolean; bin?: string; work?: Work },
): Promise<RunResult> {
  const bin = options.bin ?? BIN;
  const [file, argv] = options.viaShebang ? [bin, args] : [process.execPath, [bin, ...args]];
  return new Promise((resolve) => {
    execFile(
      file,
      argv,
      {
        cwd: options.cwd,
        env: { ...process.env, CI: 'true', NO_COLOR: '1', XDG_CACHE_HOME: CACHE_HOME, ...options.env },
        timeout: timeFor(options.work ?? { cliRuns: 1 }),
      },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

/*
 * Timeouts that follow from the work a test does, never from how fast the machine felt that day.
 * A test that does more than the default names its work in the units below, `timeFor({ cliRuns: 3,
 * browserStarts: 1 })`, and its timeout is the CPU time that work takes (measured with /usr/bin/time
 * and process.cpuUsage on the sample issue and the adversarial shapes) times SLOWDOWN.
 */

/** The CPU time of each unit of work, in ms. */
export const CPU_MS = {
  /** The bin in its own process: node starts, loads MJML, builds or lints one issue (1.3 to 1.5 s). */
  cliRuns: 1_500,
  /** One issue built or linted in this process once MJML is loaded (0.3 s), or MJML's first load (0.5 s). */
  builds: 500,
  /** A headless Chromium started and closed (0.9 s). */
  browserStarts: 1_000,
  /** One email in a page: set as its content, then read by axe-core or drawn as a screenshot, once (under 1 s). */
  pages: 1_000,
  /** A snippet of HTML set as a page's content and given two frames to run (under 0.1 s). */
  snippets: 100,
  /** One issue fast-check generated, rendered or compiled in this process (under 0.1 s). */
  generatedCases: 100,
  /**
   * `npm ci` of this package's tree (about 340 packages, from its tarball and the local cache,
   * offline) into an empty folder: 14 s (8.9 s user, 5.2 s system, /usr/bin/time).
   */
  npmInstalls: 15_000,
  /**
   * An issue with two fragments at the size limits through lint, every renderer and import: at most
   * 8 s (month-names; strike-flood and bracket-flood take 7 s), the adversarial shapes' heaviest.
   */
  limitIssues: 8_000,
} as const;

/**
 * How many times its CPU time a test may take. A 2-core machine shared with a CPU hog and the other
 * test file gives a test a third of a core; the machine these tests were last measured on ran a
 * dozen such processes (load average 12 to 19: a tenth of a core each) and stayed inside. A hang,
 * or a change that multiplies the work (a quadratic parse takes minutes of CPU), still fails.
 */
export const SLOWDOWN = 30;

export type Work = { [unit in keyof typeof CPU_MS]?: number };

/** The time the work named may take. */
export function timeFor(work: Work): number {
  return SLOWDOWN * Object.entries(work).reduce((ms, [unit, count]) => ms + CPU_MS[unit as keyof Work] * (count ?? 0), 0);
}

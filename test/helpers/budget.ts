/*
 * Timeouts that follow from the work a test does, never from how fast the machine felt that day.
 * A test that does more than the default names its work in the units below, `timeFor({ cliRuns: 3,
 * browserStarts: 1 })`, and its timeout is their sum. Each unit's allowance is about ten times the
 * CPU time the unit takes (measured with /usr/bin/time on the sample issue): a 2-core machine that
 * gives the test a third of a core (a CPU hog on one core, the other test file on the other) takes
 * three times as long and stays well inside, while a hang, or a change that multiplies the work (a
 * quadratic parse takes minutes), still fails.
 */
export const ALLOWANCE_MS = {
  /** The bin in its own process: node starts, loads MJML, builds or lints one issue (1.5 s of CPU). */
  cliRuns: 15_000,
  /** One issue built or linted in this process once MJML is loaded (0.3 s), or MJML's first load (0.5 s). */
  builds: 5_000,
  /** A headless Chromium started and closed (0.9 s). */
  browserStarts: 10_000,
  /** One email in a page: set as its content, then read by axe-core or drawn as a screenshot, once (under 1 s). */
  pages: 10_000,
  /** A snippet of HTML set as a page's content and given two frames to run (under 0.1 s). */
  snippets: 1_000,
  /** One issue fast-check generated, rendered or compiled in this process (under 0.1 s). */
  generatedCases: 1_000,
  /**
   * An issue with two fragments at the size limits through lint, every renderer and import: at most
   * 8 s (month-names; strike-flood and bracket-flood take 7 s), the adversarial shapes' heaviest.
   */
  limitIssues: 80_000,
} as const;

export type Work = { [unit in keyof typeof ALLOWANCE_MS]?: number };

/** The time the work named may take. */
export function timeFor(work: Work): number {
  return Object.entries(work).reduce((ms, [unit, count]) => ms + ALLOWANCE_MS[unit as keyof Work] * (count ?? 0), 0);
}

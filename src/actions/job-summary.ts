import { appendText } from '../io/files.js';

/*
 * lint --format github in a GitHub Actions job: the summary the job page shows, appended to the
 * file GitHub names in $GITHUB_STEP_SUMMARY (its text is made by ui/print-lint.ts).
 */

/** Appends `text` to the job summary when there is one; returns why it could not be written, or undefined. */
export async function appendJobSummary(env: Record<string, string | undefined>, text: () => string): Promise<string | undefined> {
  const summaryFile = env.GITHUB_STEP_SUMMARY;
  return summaryFile ? appendText(summaryFile, text()) : undefined;
}

import { CONFIG_FILES } from '../config/config.js';
import type { IssueId } from './slug.js';

/** What a change touched, for `lint --since`: every issue (the config or a template), or these. */
export interface TouchedIssues {
  /** Why every issue is touched: the first shared file changed; undefined when only some are. */
  everyIssueBecause: string | undefined;
  issues: IssueId[];
}

/**
 * The issues that a set of changed files (relative to the workspace, forward slashes) touches.
 * Every issue is rendered through the config and the templates, so a change to either touches
 * them all; a file under sections/<issue>/ touches that issue, if it still exists. Anything
 * else (the README, a workflow) touches none.
 */
export function issuesTouchedBy(changed: readonly string[], known: readonly IssueId[]): TouchedIssues {
  const shared = changed.find((file) => (CONFIG_FILES as readonly string[]).includes(file) || file.startsWith('templates/'));
  if (shared !== undefined) return { everyIssueBecause: shared, issues: [...known] };
  const slugs = new Set(changed.filter((file) => file.startsWith('sections/')).map((file) => file.split('/')[1]));
  return { everyIssueBecause: undefined, issues: known.filter((id) => slugs.has(id.slug)) };
}

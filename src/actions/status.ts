import type { Context } from '../context.js';
import { parseIssue } from '../core/issue/issue.js';
import { issueStatus, type IssueStatus } from '../core/issue/readiness.js';
import { openWorkspaceLintCache } from '../io/lint-cache.js';
import { openNamedIssue, openWorkspaceLinter, siteNote } from '../pipeline.js';
import { optionalSiteCheckoutOf } from '../io/site.js';

export { STATUS_FORMATS, type StatusFormat } from './formats.js';

export interface StatusOptions {
  issue?: string;
}

/**
 * Who owes what in an issue, and whether it can ship (the latest issue by default). Its
 * diagnostics are lint's own, from lint's cache when the issue has not changed since the last
 * lint, so that the email is rendered only when the email rules must run again.
 */
export async function status(ctx: Pick<Context, 'cwd' | 'env' | 'now'> & Partial<Pick<Context, 'stderr'>>, options: StatusOptions): Promise<IssueStatus> {
  const { workspace, known, id } = await openNamedIssue(ctx.cwd, options.issue, undefined, ctx.stderr);
  const { root, config } = workspace;
  const cache = openWorkspaceLintCache(root, ctx.env);
  let siteUnread: string | undefined;
  const note = siteNote(ctx.stderr);
  const site = await optionalSiteCheckoutOf(workspace, ctx.cwd, (line) => {
    siteUnread = line;
    note(line);
  });
  const { sources, linted } = await openWorkspaceLinter(workspace, known, cache, { site }).lint(id);
  await cache?.save(known.map((k) => k.slug));
  const status = issueStatus(parseIssue(sources, config), linted.diagnostics, config, ctx.now());
  // Ready means what publish and send mean: they check against the site, and would stop at it.
  if (siteUnread === undefined) return status;
  return {
    ...status,
    ready: false,
    blockers: [
      ...status.blockers,
      `the site checkout cannot be read, so publish and send would stop: ${siteUnread.replace(/ The site's checks were left out\.$/, '')}`,
    ],
  };
}

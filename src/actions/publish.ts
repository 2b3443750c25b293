import { basename, join, relative, sep } from 'node:path';
import type { Context } from '../context.js';
import { usageError } from '../errors.js';
import { issueImageFolder } from '../core/images/images.js';
import { assertBuildable, blogFileName, issueInvites, shownLocalImages } from '../core/issue/issue.js';
import { issueStatus } from '../core/issue/readiness.js';
import { describeDifference } from '../core/site/difference.js';
import { isDirectory, readFileIfThere, realPathForWriting, removeFile, writeFilesAtomically, type OutputFile } from '../io/files.js';
import { readLocalImage, stalePublishedImages } from '../io/images.js';
import { openCheckedWorkspace, openIssuePipeline, openNamedIssue, readIssueInputs } from '../pipeline.js';
import { siteCheckoutOf } from '../io/site.js';
import { openSiteRepository } from '../io/site-branch.js';
import { checkBranchOption, publishToBranch, type PublishBranch } from './publish-branch.js';

export interface PublishOptions {
  issue?: string;
  /** The site checkout (default: config siteRepo). */
  site?: string;
  dryRun?: boolean;
  force?: boolean;
  /** Commit on a branch of the site's repository instead of writing its working tree: the branch's name, or true for newsletter-<issue>. */
  branch?: string | true;
  /** Push that branch to the checkout's remote. */
  push?: boolean;
}

/** Why nothing was written. */
export type PublishRefusal = { reason: 'not-ready'; blockers: string[] } | { reason: 'changed'; file: string; difference: string };

export interface PublishResult {
  issue: string;
  /** The site checkout, absolute. */
  site: string;
  /** Files written (or, with dryRun, to be written), relative to the site, forward slashes. */
  written: string[];
  /** Files already there with the same content. */
  unchanged: string[];
  dryRun: boolean;
  /** With --force: what would have stopped it. */
  overridden: string[];
  /** With --force: published files that differed and were (or, with dryRun, would be) replaced, and how. */
  replaced: { file: string; difference: string }[];
  /** Images an earlier publish of this issue wrote that the post no longer shows: removed (or, with dryRun, to be). */
  removed: string[];
  refused?: PublishRefusal;
  /** With --branch: the branch, its commit, and the push. */
  branch?: PublishBranch;
}

/**
 * Puts a finished issue into a checkout of the site: the blog post under the site's name in
 * its blog folder, the issue's own images under the image path the post names, and its events'
 * calendar invites in the invite folder. Only a ready issue (core/issue/readiness.ts) is published,
 * and a published file that differs is never replaced, unless forced. Everything is written at
 * once or not at all. With a branch, the same files are committed on a branch of the site's
 * repository instead (publish-branch.ts), the working tree untouched, and pushed when asked.
 */
export async function publish(
  ctx: Pick<Context, 'cwd' | 'now'> & Partial<Pick<Context, 'stderr' | 'env' | 'interactive'>>,
  options: PublishOptions,
): Promise<PublishResult> {
  checkBranchOption(options.branch, options.push);
  const workspace = await openCheckedWorkspace(ctx.cwd);
  const { root, config } = workspace;
  const site = await siteCheckoutOf(workspace, ctx.cwd, options.site);
  if (!site) throw usageError("publish needs the site: --site DIR, a checkout of the site's repository.", 'Or set siteRepo: ../osf-website in the config.');
  const blogDir = join(site.root, config.siteLayout.blogDir);
  if (!isDirectory(blogDir)) {
    throw usageError(
      `${site.root} has no ${config.siteLayout.blogDir}/; is it a checkout of the site?`,
      "Give --site the clone of the site's repository, or set siteLayout.blogDir in the config.",
    );
  }
  // The repository's state refuses before any work: a merge halfway, no branch, no identity.
  const repository = options.branch === undefined ? undefined : await openSiteRepository(site.root, ctx.env ?? {});
  const { known, id } = await openNamedIssue(ctx.cwd, options.issue, workspace, ctx.stderr);
  const pipeline = openIssuePipeline(await readIssueInputs(workspace, id, { known, site }));
  assertBuildable(pipeline.issue);
  const status = issueStatus(pipeline.issue, await pipeline.diagnostics(), config, ctx.now());
  const result: PublishResult = {
    issue: id.slug,
    site: site.root,
    written: [],
    unchanged: [],
    dryRun: !!options.dryRun,
    overridden: [],
    replaced: [],
    removed: [],
  };
  if (!status.ready) {
    if (!options.force) return { ...result, refused: { reason: 'not-ready', blockers: status.blockers } };
    result.overridden = status.blockers;
  }

  const shown = (path: string) => relative(site.root, path).split(sep).join('/');
  const imageFolder = join(site.root, config.siteLayout.imageDir, issueImageFolder(config, id).slice(config.siteLayout.imageUrl.length));
  // Each path as the disk resolves it, inside the checkout's real folder, or nothing is written.
  const blogPath = join(blogDir, blogFileName(pipeline.issue, config));
  realPathForWriting(site.root, blogPath, `siteLayout.blogDir (${config.siteLayout.blogDir})`);
  const images: OutputFile[] = shownLocalImages(pipeline.issue).map((image) => {
    const path = join(imageFolder, image.name);
    realPathForWriting(site.root, path, `siteLayout.imageDir (${config.siteLayout.imageDir})`);
    return { path, content: readLocalImage(root, image.file) };
  });
  // The events' invites, where the site serves its own (siteLayout.inviteDir, at inviteUrl), as the post and email link them.
  const invites: OutputFile[] = issueInvites(pipeline.issue).map((invite) => {
    const path = join(site.root, config.siteLayout.inviteDir, invite.name);
    realPathForWriting(site.root, path, `siteLayout.inviteDir (${config.siteLayout.inviteDir})`);
    return { path, content: invite.text };
  });
  const files: OutputFile[] = [{ path: blogPath, content: pipeline.blog() }, ...images, ...invites];
  if (repository) {
    const outcome = await publishToBranch(repository, {
      slug: id.slug,
      title: pipeline.issue.meta.title,
      branch: options.branch!,
      push: !!options.push,
      force: !!options.force,
      dryRun: !!options.dryRun,
      interactive: !!ctx.interactive,
      files: files.map((file) => ({ path: shown(file.path), content: bytesOf(file.content) })),
      imageFolder: shown(imageFolder),
      keep: new Set(images.map((file) => basename(file.path))),
    });
    return { ...result, ...outcome };
  }
  const toWrite: OutputFile[] = [];
  for (const file of files) {
    const published = readFileIfThere(file.path);
    const wanted = bytesOf(file.content);
    if (published?.equals(wanted)) {
      result.unchanged.push(shown(file.path));
      continue;
    }
    if (published && !options.force) {
      return {
        ...result,
        written: [],
        unchanged: [],
        refused: { reason: 'changed', file: shown(file.path), difference: describeDifference(published, wanted) },
      };
    }
    // What --force overwrites may be an editor's fix on the site: say what it was.
    if (published) result.replaced.push({ file: shown(file.path), difference: describeDifference(published, wanted) });
    toWrite.push(file);
    result.written.push(shown(file.path));
  }
  // An image changed or dropped since the last publish left its old file behind: it goes, once the rest is written.
  realPathForWriting(site.root, imageFolder, `siteLayout.imageDir (${config.siteLayout.imageDir})`);
  const stale = stalePublishedImages(imageFolder, new Set(images.map((file) => basename(file.path))));
  result.removed = stale.map(shown);
  if (!options.dryRun) {
    await writeFilesAtomically(toWrite);
    for (const path of stale) removeFile(path);
  }
  return result;
}

function bytesOf(content: OutputFile['content']): Buffer {
  return typeof content === 'string' ? Buffer.from(content, 'utf8') : Buffer.from(content);
}

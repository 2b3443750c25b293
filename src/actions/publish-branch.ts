import { createHash } from 'node:crypto';
import { usageError } from '../errors.js';
import { hashInPublishedName } from '../core/images/images.js';
import { tryParseIssueSlug } from '../core/issue/slug.js';
import { LIMITS } from '../core/limits.js';
import { describeDifference } from '../core/site/difference.js';
import { compareUrl, defaultBranchName, isPublishCommit, renderCommitMessage } from '../core/site/pull-request.js';
import { plural } from '../core/text.js';
import {
  checkBranchName,
  hashBlob,
  moveBranch,
  pushBranch,
  readBlob,
  readBranch,
  readCommitsSince,
  readPushRemote,
  readRemoteUrl,
  readTreeEntries,
  readUncommitted,
  readUnpushed,
  writeCommit,
  type SiteRepository,
} from '../io/site-branch.js';

/*
 * publish --branch: the same files publish writes, committed instead on a branch of the site's
 * repository (io/site-branch.ts says how, without touching the working tree), then pushed with
 * --push. What counts as "already published" is the checkout's current commit; what counts as
 * "unchanged" is the branch's, so that publishing again after an edit adds one commit to the
 * branch (a fast-forward: the pull request updates, nothing is ever force-pushed).
 */

/** The branch publish --branch committed to (or, with a dry run, would). */
export interface PublishBranch {
  name: string;
  /** The branch the checkout is on, where it starts and where its pull request goes. */
  base: string;
  /** Whether it is new (with a dry run: would be). */
  created: boolean;
  /** Whether a commit was made: not when the branch already held this build. */
  committed: boolean;
  /** Its commit now; none when it does not exist (a dry run's new branch, or nothing to commit). */
  commit?: string;
  /** Its own commit before, which the new one goes on top of: when it has commits the checkout's branch has not. */
  previous?: string;
  /** The remote it goes to (with --push: went to, or was refused by), whether it went, the page that opens its pull request (github.com alone), git's reason when it did not. */
  remote?: string;
  pushed: boolean;
  url?: string;
  pushError?: string;
  /** Commits of the checkout's branch that its remote's copy lacks: they are on this branch too, and in its pull request. */
  unpushed?: { count: number; upstream: string };
}

/** What publish --branch did, in the shape of publish's own lists, paths relative to the checkout. */
export interface BranchOutcome {
  written: string[];
  unchanged: string[];
  replaced: { file: string; difference: string }[];
  removed: string[];
  branch: PublishBranch;
  refused?: { reason: 'changed'; file: string; difference: string };
}

export interface BranchJob {
  slug: string;
  /** The issue's title, the commit's subject. */
  title: string;
  /** The branch's name, or true for the default. */
  branch: string | true;
  push: boolean;
  force: boolean;
  dryRun: boolean;
  interactive: boolean;
  /** What publish writes, by path relative to the checkout (forward slashes). */
  files: { path: string; content: Buffer }[];
  /** The issue's image folder, relative to the checkout, and the names the post shows in it now. */
  imageFolder: string;
  keep: ReadonlySet<string>;
}

/**
 * `--branch NAME` takes the next word as the name, so `publish --branch may-2025` reads the issue
 * as the branch: refused, since a branch named like an issue is far likelier that slip.
 */
export function checkBranchOption(branch: string | true | undefined, push: boolean | undefined): void {
  if (push && branch === undefined)
    throw usageError('--push pushes the branch that --branch makes: add --branch.', 'As in: newsletter publish --branch --push');
  if (typeof branch === 'string' && tryParseIssueSlug(branch)) {
    throw usageError(
      `--branch took "${branch}", an issue's name, as the branch's name.`,
      `Name the issue before it (newsletter publish ${branch} --branch), or give the branch another name (--branch=newsletter-${branch}).`,
    );
  }
}

/** Commits the job's files on the branch (or says why not, or what it would do), then pushes it when asked. */
export async function publishToBranch(repo: SiteRepository, job: BranchJob): Promise<BranchOutcome> {
  const name = job.branch === true ? defaultBranchName(job.slug) : job.branch;
  await checkBranchName(repo, name);
  if (name === repo.branch) {
    throw usageError(
      `--branch ${name} is the branch ${repo.root} is on; publish --branch commits beside it, for a pull request into it.`,
      'Give another name, or leave --branch its default.',
    );
  }
  // 1. The branch: new, or one that holds nothing but this tool's publishes of this issue.
  const previous = await readBranch(repo, name);
  let base = repo.head;
  let ahead: { oid: string; message: string }[] = [];
  if (previous) {
    ahead = await readCommitsSince(repo, repo.head, previous);
    const foreign = ahead.filter((commit) => !isPublishCommit(commit.message, job.slug));
    if (foreign.length > 0) {
      const first = foreign[0]!;
      throw usageError(
        `the branch ${name} already exists with ${plural(foreign.length, 'commit')} publish did not make (${first.oid.slice(0, 7)} "${first.message.split('\n')[0]}"); nothing was changed.`,
        `Give another name (--branch NAME), or delete it if it is yours to drop (git -C ${repo.root} branch -D ${name}).`,
      );
    }
    // Its own commits stay, under the new one; a branch the checkout's branch already holds starts again from there.
    if (ahead.length > 0) base = previous;
  }
  const remote = await readPushRemote(repo, name);
  if (job.push && !remote)
    throw usageError(
      `${repo.root} has no remote to push to; nothing was changed.`,
      `Add one (git -C ${repo.root} remote add origin URL), or leave out --push.`,
    );

  // 2. The images an earlier publish committed that the post no longer shows, as publish removes them from a folder.
  const removed = await staleImages(repo, base, job.imageFolder, job.keep);
  const paths = [...job.files.map((file) => file.path), ...removed];

  // 3. The editor's own changes to any of these files would be lost from view or shadow the branch's: refused.
  const dirty = await readUncommitted(repo, paths);
  if (dirty.length > 0) {
    throw usageError(
      `${repo.root} has uncommitted changes to ${dirty[0]}${dirty.length > 1 ? ` and ${plural(dirty.length - 1, 'more file')}` : ''}, which publish --branch would write; nothing was changed.`,
      `Commit or stash them first (git -C ${repo.root} stash --include-untracked), or publish without --branch.`,
    );
  }

  // 4. Each file against the checkout's commit (published: differs only with --force) and the branch's (unchanged).
  const published = await readTreeEntries(repo, repo.head, paths);
  const onBase = base === repo.head ? published : await readTreeEntries(repo, base, paths);
  const branch: PublishBranch = { name, base: repo.branch, created: !previous, committed: false, pushed: false };
  // A branch the checkout's already holds (made by hand, or merged) has nothing of its own to keep or show.
  if (ahead.length > 0) {
    branch.commit = base;
    branch.previous = base;
  }
  if (remote) branch.remote = remote;
  const unpushed = await readUnpushed(repo, remote);
  if (unpushed && unpushed.count > 0) branch.unpushed = unpushed;
  const result: BranchOutcome = { written: [], unchanged: [], replaced: [], removed, branch };
  const blobs: { path: string; oid: string; content: Buffer }[] = [];
  for (const file of job.files) {
    const oid = await hashBlob(repo, file.content, false);
    const there = published.get(file.path);
    if (there && there.oid !== oid) {
      const difference = describeDifference(await readBlob(repo, there.oid), file.content);
      if (!job.force) return { written: [], unchanged: [], replaced: [], removed: [], branch, refused: { reason: 'changed', file: file.path, difference } };
      result.replaced.push({ file: file.path, difference });
    }
    if (onBase.get(file.path)?.oid === oid) result.unchanged.push(file.path);
    else {
      result.written.push(file.path);
      blobs.push({ path: file.path, oid, content: file.content });
    }
  }
  if (job.dryRun) return result;

  // 5. The commit, and the branch moved to it only if nobody moved it meanwhile.
  if (blobs.length > 0 || removed.length > 0) {
    for (const blob of blobs) await hashBlob(repo, blob.content, true);
    const message = renderCommitMessage(job.title, job.slug, result.written, removed);
    const commit = await writeCommit(repo, { parent: base, files: blobs, removed, message });
    await moveBranch(repo, name, commit, previous, `newsletter publish ${job.slug}`);
    branch.commit = commit;
    branch.committed = true;
  }

  // 6. The push: the local branch stays whatever the remote says.
  if (job.push && remote && branch.commit) {
    const failure = await pushBranch(repo, remote, name, job.interactive);
    if (failure) branch.pushError = failure;
    else {
      branch.pushed = true;
      const url = await readRemoteUrl(repo, remote);
      const page = url === undefined ? undefined : compareUrl(url, repo.branch, name);
      if (page) branch.url = page;
    }
  }
  return result;
}

/** The files directly in the image folder of `commit` whose name carries their own content's hash (publish's naming) and that the post no longer shows. */
async function staleImages(repo: SiteRepository, commit: string, folder: string, keep: ReadonlySet<string>): Promise<string[]> {
  if (folder === '' || folder.startsWith('..')) return [];
  const stale: string[] = [];
  for (const entry of (await readTreeEntries(repo, commit, [`${folder}/`])).values()) {
    const name = entry.path.slice(folder.length + 1);
    const hash = hashInPublishedName(name);
    if (name.includes('/') || name.startsWith('.') || keep.has(name) || !hash || !entry.mode.startsWith('100') || entry.size > LIMITS.imageBytes) continue;
    if (
      createHash('sha256')
        .update(await readBlob(repo, entry.oid))
        .digest('hex')
        .startsWith(hash)
    )
      stale.push(entry.path);
  }
  return stale.sort();
}

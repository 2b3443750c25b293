import { existsSync, realpathSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { usageError } from '../errors.js';
import { withoutCredentials } from '../core/site/pull-request.js';
import { runGit, runGitForBytes, type GitOptions, type GitResult } from './git.js';

/*
 * What `publish --branch` asks of the site's git repository. The commit is written with git's
 * plumbing, never by checking a branch out: the blobs into the object store, a tree made in a
 * temporary index from the base commit's, a commit on that base, and the branch moved from the
 * value it was read at to the new commit in one compare-and-swap. The editor's working tree,
 * index and current branch are never touched, so uncommitted work elsewhere in the checkout is
 * safe and "back on the branch it was on" holds by construction; a checkout/commit/checkout-back
 * would refuse or carry along changes, run hooks, and leave the checkout on the wrong branch if
 * stopped halfway.
 */

type Env = Record<string, string | undefined>;

/**
 * Variables that would point git at another repository, index or object store than the site's
 * (a hook or a wrapper may export them): every call here names its repository by folder alone.
 */
const REPOSITORY_VARIABLES = ['GIT_DIR', 'GIT_WORK_TREE', 'GIT_INDEX_FILE', 'GIT_COMMON_DIR', 'GIT_OBJECT_DIRECTORY', 'GIT_NAMESPACE', 'GIT_PREFIX'];

/** The operations in progress that make HEAD not the commit the editor means, each by the file git keeps while it lasts. */
const IN_PROGRESS: [string, string][] = [
  ['MERGE_HEAD', 'a merge'],
  ['rebase-merge', 'a rebase'],
  ['rebase-apply', 'a rebase (or git am)'],
  ['CHERRY_PICK_HEAD', 'a cherry-pick'],
  ['REVERT_HEAD', 'a revert'],
];

export interface SiteRepository {
  /** The checkout's top folder. */
  root: string;
  env: Env;
  /** The branch the checkout is on, which the new branch starts from. */
  branch: string;
  /** Its commit. */
  head: string;
}

export interface TreeEntry {
  path: string;
  mode: string;
  oid: string;
  size: number;
}

async function git(repo: Pick<SiteRepository, 'root' | 'env'>, args: string[], options?: GitOptions): Promise<GitResult> {
  return runGit(repo.root, repo.env, args, options);
}

/** git's own reason, on one line, credentials masked: its `fatal:` or `error:` line, else its last. */
export function gitReason(result: Pick<GitResult, 'stderr' | 'stdout'>): string {
  const lines = `${result.stderr}\n${result.stdout}`
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('hint:'));
  const line = lines.find((l) => /^(?:fatal|error):/.test(l)) ?? lines.at(-1) ?? 'git gave no reason';
  return withoutCredentials(line);
}

/**
 * The site checkout as a repository publish --branch can commit to, or a usage error that says
 * why not: git missing, not a repository (or only a folder inside another one), an operation in
 * progress, no branch checked out, no commit yet, or no identity to commit as.
 */
export async function openSiteRepository(root: string, env: Env): Promise<SiteRepository> {
  const clean = { ...env };
  for (const name of REPOSITORY_VARIABLES) delete clean[name];
  const repo = { root, env: clean };
  const top = await git(repo, ['rev-parse', '--show-toplevel']);
  if (top.missing) throw usageError('publish --branch needs git, which is not installed or not on PATH.');
  if (top.code !== 0)
    throw usageError(
      `${root} is not a git repository, so publish --branch has nowhere to commit.`,
      'Give --site a clone of the site (git clone https://github.com/OpenStackweb/osf-website), or publish without --branch.',
    );
  // Compared by real paths: a checkout reached through a link is still its own repository.
  if (realpathSync(top.stdout.trim()) !== realpathSync(root)) {
    throw usageError(
      `${root} is a folder inside the git repository ${top.stdout.trim()}, not the site's own clone; publish --branch would commit to that one.`,
      'Give --site the clone of the site itself, or publish without --branch.',
    );
  }
  for (const [name, what] of IN_PROGRESS) {
    const path = await git(repo, ['rev-parse', '--git-path', name]);
    if (path.code === 0 && existsSync(resolve(root, path.stdout.trim()))) {
      throw usageError(
        `${root} is in the middle of ${what}; publish --branch changed nothing.`,
        `Finish it or abort it first (git -C ${root} status says how).`,
      );
    }
  }
  const head = await git(repo, ['rev-parse', '--verify', '--quiet', 'HEAD^{commit}']);
  if (head.code !== 0)
    throw usageError(`${root} has no commit yet, so there is nothing for a branch to start from.`, 'Clone the site, or commit its files first.');
  const branch = await git(repo, ['symbolic-ref', '--quiet', '--short', 'HEAD']);
  if (branch.code !== 0) {
    throw usageError(
      `${root} is on no branch (a detached HEAD at ${head.stdout.trim().slice(0, 7)}), so there is no branch for the pull request to go into.`,
      `Switch to the branch the post goes into first (git -C ${root} switch main).`,
    );
  }
  // Without an identity commit-tree fails after the blobs are written: say so before anything is.
  for (const who of ['GIT_AUTHOR_IDENT', 'GIT_COMMITTER_IDENT']) {
    const ident = await git(repo, ['var', who]);
    if (ident.code !== 0)
      throw usageError(
        `git cannot commit in ${root}: ${gitReason(ident)}`,
        `Set who commits: git -C ${root} config user.name "Your Name" && git -C ${root} config user.email you@example.org`,
      );
  }
  return { ...repo, branch: branch.stdout.trim(), head: head.stdout.trim() };
}

/** A usage error unless `name` is a branch name git would make (and not one that reads as an option). */
export async function checkBranchName(repo: SiteRepository, name: string): Promise<void> {
  // check-ref-format takes refs/heads/HEAD and refs/heads/-x; git branch refuses both, and so does this.
  const valid = !name.startsWith('-') && name !== 'HEAD' && (await git(repo, ['check-ref-format', `refs/heads/${name}`])).code === 0;
  if (!valid)
    throw usageError(
      `--branch ${JSON.stringify(name)} is not a name git takes for a branch.`,
      'Use letters, digits, - and /, as in --branch newsletter-may-2025.',
    );
}

/** The commit a branch points at, if it exists. */
export async function readBranch(repo: SiteRepository, name: string): Promise<string | undefined> {
  const ref = await git(repo, ['rev-parse', '--verify', '--quiet', `refs/heads/${name}^{commit}`]);
  return ref.code === 0 ? ref.stdout.trim() : undefined;
}

/** The commits of `tip` that `base` does not have, newest first, each with its message. */
export async function readCommitsSince(repo: SiteRepository, base: string, tip: string): Promise<{ oid: string; message: string }[]> {
  const log = await git(repo, ['log', '-z', '--format=%H%n%B', `${base}..${tip}`, '--']);
  if (log.code !== 0) throw usageError(`git could not read the commits of ${tip}: ${gitReason(log)}`);
  return log.stdout
    .split('\0')
    .filter((record) => record !== '')
    .map((record) => {
      const end = record.indexOf('\n');
      return { oid: record.slice(0, end), message: record.slice(end + 1) };
    });
}

/** The files (blobs, recursively) of `commit` at or under each path given, by path. */
export async function readTreeEntries(repo: SiteRepository, commit: string, paths: readonly string[]): Promise<Map<string, TreeEntry>> {
  const entries = new Map<string, TreeEntry>();
  if (paths.length === 0) return entries;
  const tree = await git(repo, ['ls-tree', '-r', '-z', '-l', '--full-tree', commit, '--', ...paths]);
  if (tree.code !== 0) throw usageError(`git could not read the files of ${commit.slice(0, 7)}: ${gitReason(tree)}`);
  for (const record of tree.stdout.split('\0')) {
    const match = /^(\d+) blob ([0-9a-f]+) +(\d+)\t(.*)$/s.exec(record);
    if (match) entries.set(match[4]!, { mode: match[1]!, oid: match[2]!, size: Number(match[3]), path: match[4]! });
  }
  return entries;
}

export async function readBlob(repo: SiteRepository, oid: string): Promise<Buffer> {
  const blob = await runGitForBytes(repo.root, repo.env, ['cat-file', 'blob', oid]);
  if (blob.code !== 0) throw usageError(`git could not read the object ${oid.slice(0, 7)}: ${gitReason({ ...blob, stdout: '' })}`);
  return blob.stdout;
}

/** The id git gives `content` as a blob; `write` stores it too. Bytes as given: no filter or line-end conversion. */
export async function hashBlob(repo: SiteRepository, content: Buffer, write: boolean): Promise<string> {
  const hashed = await git(repo, ['hash-object', '--no-filters', '--stdin', ...(write ? ['-w'] : [])], { input: content });
  if (hashed.code !== 0) throw usageError(`git could not store a file in ${repo.root}: ${gitReason(hashed)}`);
  return hashed.stdout.trim();
}

/** The paths among those given that the working tree or the index holds changes to (untracked files too). */
export async function readUncommitted(repo: SiteRepository, paths: readonly string[]): Promise<string[]> {
  if (paths.length === 0) return [];
  const status = await git(repo, [
    'status',
    '--porcelain=v1',
    '-z',
    '--untracked-files=all',
    '--no-renames',
    '--',
    ...paths.map((path) => `:(literal)${path}`),
  ]);
  if (status.code !== 0) throw usageError(`git could not read the state of ${repo.root}: ${gitReason(status)}`);
  return status.stdout
    .split('\0')
    .filter((record) => record.length > 3)
    .map((record) => record.slice(3));
}

/**
 * A commit on `parent` whose tree is the parent's with `files` (path and blob id, already stored)
 * in place and `removed` gone, made in a temporary index so that the checkout's own is untouched.
 * Author and committer are git's (its config, or GIT_AUTHOR_* and GIT_COMMITTER_* in the environment).
 */
export async function writeCommit(
  repo: SiteRepository,
  change: { parent: string; files: readonly { path: string; oid: string }[]; removed: readonly string[]; message: string },
): Promise<string> {
  const folder = await mkdtemp(join(tmpdir(), 'newsletter-index-'));
  try {
    const extra = { GIT_INDEX_FILE: join(folder, 'index') };
    const fail = (what: string, result: GitResult) => usageError(`git could not ${what} in ${repo.root}: ${gitReason(result)}; the checkout is unchanged.`);
    const read = await git(repo, ['read-tree', change.parent], { extra });
    if (read.code !== 0) throw fail('read the base commit', read);
    const zero = '0'.repeat(change.parent.length);
    const lines = [...change.files.map(({ path, oid }) => `100644 ${oid}\t${path}`), ...change.removed.map((path) => `0 ${zero}\t${path}`)];
    const update = await git(repo, ['update-index', '-z', '--index-info'], { extra, input: lines.map((line) => `${line}\0`).join('') });
    if (update.code !== 0) throw fail('place the files', update);
    const tree = await git(repo, ['write-tree'], { extra });
    if (tree.code !== 0) throw fail('write the tree', tree);
    const commit = await git(repo, ['commit-tree', tree.stdout.trim(), '-p', change.parent, '-F', '-'], { input: change.message });
    if (commit.code !== 0) throw fail('commit', commit);
    return commit.stdout.trim();
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}

/** Points the branch at `commit`, only if it still is where it was read (`previous`; none: it must not exist yet). */
export async function moveBranch(repo: SiteRepository, name: string, commit: string, previous: string | undefined, reason: string): Promise<void> {
  const moved = await git(repo, ['update-ref', '-m', reason, `refs/heads/${name}`, commit, previous ?? '']);
  if (moved.code !== 0) throw usageError(`git could not move the branch ${name}: ${gitReason(moved)}; it changed while publishing? Run publish again.`);
}

/**
 * Where the branch is pushed: its own upstream's remote (an earlier push set it), else
 * remote.pushDefault, else origin, else the only remote there is.
 */
export async function readPushRemote(repo: SiteRepository, branch: string): Promise<string | undefined> {
  for (const key of [`branch.${branch}.remote`, 'remote.pushDefault']) {
    const value = await git(repo, ['config', '--get', key]);
    if (value.code === 0 && value.stdout.trim() !== '' && value.stdout.trim() !== '.') return value.stdout.trim();
  }
  const remotes = (await git(repo, ['remote'])).stdout.split('\n').filter((name) => name !== '');
  return remotes.includes('origin') ? 'origin' : remotes.length === 1 ? remotes[0] : undefined;
}

/**
 * The commits of the checkout's branch that its remote's copy lacks (its upstream, else
 * REMOTE/BRANCH as the last fetch or push left it), and that copy's name; undefined when
 * there is no copy to compare with. They would ride along into the pull request.
 */
export async function readUnpushed(repo: SiteRepository, remote: string | undefined): Promise<{ count: number; upstream: string } | undefined> {
  const upstream = await git(repo, ['rev-parse', '--symbolic-full-name', '@{upstream}']);
  const ref = upstream.code === 0 && upstream.stdout.trim() !== '' ? upstream.stdout.trim() : remote ? `refs/remotes/${remote}/${repo.branch}` : undefined;
  if (ref === undefined || (await git(repo, ['rev-parse', '--verify', '--quiet', ref])).code !== 0) return undefined;
  const count = await git(repo, ['rev-list', '--count', `${ref}..${repo.head}`]);
  if (count.code !== 0) return undefined;
  return { count: Number(count.stdout.trim()), upstream: ref.replace(/^refs\/(?:remotes|heads)\//, '') };
}

/** The remote's address as its config writes it (url.*.insteadOf not applied: it is what names the repository). */
export async function readRemoteUrl(repo: SiteRepository, remote: string): Promise<string | undefined> {
  const url = await git(repo, ['config', '--get', `remote.${remote}.url`]);
  return url.code === 0 ? url.stdout.trim() : undefined;
}

/**
 * Pushes the branch to the remote under the same name, setting it as the branch's upstream, and
 * never forcing: a remote branch with commits of others is git's refusal to report. Without a
 * person to answer (`interactive` false), git does not wait for a password. Returns git's reason
 * when it failed.
 */
export async function pushBranch(repo: SiteRepository, remote: string, branch: string, interactive: boolean): Promise<string | undefined> {
  const extra: Record<string, string> = interactive ? {} : { GIT_TERMINAL_PROMPT: '0', GIT_SSH_COMMAND: repo.env.GIT_SSH_COMMAND ?? 'ssh -o BatchMode=yes' };
  const pushed = await git(repo, ['push', '--set-upstream', '--', remote, `refs/heads/${branch}:refs/heads/${branch}`], { extra });
  if (pushed.code === 0) return undefined;
  // git's own line for a refused ref (" ! [rejected] a -> a (fetch first)") says the most.
  const rejected = pushed.stderr.split('\n').find((line) => line.trimStart().startsWith('! '));
  return rejected ? withoutCredentials(rejected.trim().replace(/\s+/g, ' ')) : gitReason(pushed);
}

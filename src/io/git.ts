import { execFile } from 'node:child_process';
import { usageError } from '../errors.js';

/*
 * Running git (runGit, shared with io/site-branch.ts, which commits for publish --branch), and
 * what `lint --since` asks of it: the files of a workspace that differ between a ref and the
 * working tree. git itself answers (no library re-implements its diff); lint's calls are plain
 * reads that take no lock, so that they can run beside an editor or another git.
 */

export interface GitResult<Output = string> {
  code: number;
  stdout: Output;
  /** What git said on stderr: its reason, when it failed. */
  stderr: string;
  /** Set when git could not be run at all (not installed). */
  missing?: boolean;
}

export interface GitOptions {
  /** What git reads on stdin. */
  input?: string | Buffer;
  /** Variables on top of the environment given (a temporary index). */
  extra?: Record<string, string>;
}

/** Runs git in `cwd` with `env` (identity, dates, HOME), in English (LC_ALL=C) so that a reason can be read. */
export function runGit(cwd: string, env: Record<string, string | undefined>, args: string[], options: GitOptions = {}): Promise<GitResult> {
  return run(cwd, env, args, options).then((result) => ({ ...result, stdout: result.stdout.toString('utf8') }));
}

/** runGit for output that is not text: a blob's bytes. */
export function runGitForBytes(cwd: string, env: Record<string, string | undefined>, args: string[], options: GitOptions = {}): Promise<GitResult<Buffer>> {
  return run(cwd, env, args, options);
}

function run(cwd: string, env: Record<string, string | undefined>, args: string[], options: GitOptions): Promise<GitResult<Buffer>> {
  return new Promise((resolve) => {
    const child = execFile(
      'git',
      args,
      { cwd, encoding: 'buffer', maxBuffer: 64 * 1024 * 1024, env: { ...env, GIT_OPTIONAL_LOCKS: '0', LC_ALL: 'C', ...options.extra } },
      (error, stdout, stderr) => {
        if (error && (error as NodeJS.ErrnoException).code === 'ENOENT') resolve({ code: -1, stdout: Buffer.alloc(0), stderr: '', missing: true });
        else resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr: stderr.toString('utf8') });
      },
    );
    // git may stop reading before the end (a bad argument): the broken pipe is its answer, not an error of ours.
    child.stdin?.on('error', () => undefined);
    child.stdin?.end(options.input ?? '');
  });
}

function git(cwd: string, env: Record<string, string | undefined>, args: string[]): Promise<GitResult> {
  return runGit(cwd, env, args);
}

/**
 * The files under `root` (paths relative to it, with forward slashes) that a change since `ref`
 * touched: committed since the point where the current branch left `ref` (as a pull request
 * shows it), staged, unstaged, or new and not ignored. Deleted files are listed too.
 */
export async function filesChangedSince(root: string, ref: string, env: Record<string, string | undefined>): Promise<string[]> {
  if (ref.startsWith('-') || ref.trim() === '') throw usageError(`--since expects a git ref, such as origin/main, not "${ref}".`);
  const top = await git(root, env, ['rev-parse', '--show-toplevel']);
  if (top.missing) throw usageError('--since needs git, which is not installed or not on PATH.');
  if (top.code !== 0)
    throw usageError(
      `--since needs a git repository, and ${root} is not inside one.`,
      'Run it in a clone of the repository, or lint issues by name or with --all.',
    );
  const commit = await git(root, env, ['rev-parse', '--verify', '--quiet', '--end-of-options', `${ref}^{commit}`]);
  if (commit.code !== 0) {
    throw usageError(`--since: git knows no commit "${ref}".`, 'Fetch it first (git fetch origin main); in GitHub Actions, check out with fetch-depth: 0.');
  }
  // Compare with where this branch left the ref, so that what landed there since is not taken for this change.
  const base = await git(root, env, ['merge-base', commit.stdout.trim(), 'HEAD']);
  const from = base.code === 0 ? base.stdout.trim() : commit.stdout.trim();
  const [diff, untracked] = await Promise.all([
    git(root, env, ['-c', 'core.quotePath=false', 'diff', '--name-only', '--no-renames', '--relative', '-z', from, '--', '.']),
    git(root, env, ['ls-files', '--others', '--exclude-standard', '-z', '--', '.']),
  ]);
  if (diff.code !== 0 || untracked.code !== 0) throw usageError(`--since: git could not compare the working tree with "${ref}".`);
  const files = [...diff.stdout.split('\0'), ...untracked.stdout.split('\0')].filter((file) => file !== '');
  return [...new Set(files)].sort();
}

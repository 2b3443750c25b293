import { execFile } from 'node:child_process';
import { usageError } from '../errors.js';

/*
 * What `lint --since` asks of git: the files of a workspace that differ between a ref and the
 * working tree. git itself answers (no library re-implements its diff); every call is a plain
 * read that takes no lock, so that it can run beside an editor or another git.
 */

interface GitResult {
  code: number;
  stdout: string;
  /** Set when git could not be run at all (not installed). */
  missing?: boolean;
}

function git(cwd: string, env: Record<string, string | undefined>, args: string[]): Promise<GitResult> {
  return new Promise((resolve) => {
    execFile('git', args, { cwd, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, env: { ...env, GIT_OPTIONAL_LOCKS: '0', LC_ALL: 'C' } }, (error, stdout) => {
      if (error && (error as NodeJS.ErrnoException).code === 'ENOENT') resolve({ code: -1, stdout: '', missing: true });
      else resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout });
    });
  });
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

import { execFileSync } from 'node:child_process';

/** git in `cwd`, as a person would run it, with an identity and no global config of the machine's. */
export function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, {
    cwd,
    encoding: 'utf8',
    env: {
      PATH: process.env.PATH,
      HOME: cwd,
      GIT_CONFIG_NOSYSTEM: '1',
      GIT_AUTHOR_NAME: 'Editor',
      GIT_AUTHOR_EMAIL: 'editor@example.org',
      GIT_COMMITTER_NAME: 'Editor',
      GIT_COMMITTER_EMAIL: 'editor@example.org',
    },
  });
}

/** A new repository in `cwd` on branch main, with everything in it committed. */
export function initRepository(cwd: string): void {
  git(cwd, 'init', '--quiet', '--initial-branch=main');
  commitAll(cwd, 'the archive');
}

export function commitAll(cwd: string, message: string): void {
  git(cwd, 'add', '--all');
  git(cwd, 'commit', '--quiet', '--allow-empty', '-m', message);
}

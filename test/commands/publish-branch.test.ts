import { existsSync } from 'node:fs';
import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { timeFor } from '../helpers/budget.js';
import { commitAll, git, initRepository } from '../helpers/git.js';
import { png } from '../helpers/images.js';
import { readyMayIssue, runMain, snapshotTree, tempDir, writeFiles } from '../helpers/workspace.js';

/*
 * publish --branch [--push] on real repositories in temp folders: a site checkout on main whose
 * origin is a bare repository in another temp folder. origin's url is GitHub's address (what
 * the pull request's page is made from) and its pushurl the bare repository's path, so that
 * every push stays on this machine and no name is ever looked up.
 */

const POST = 'src/pages/blog/inside-open-infrastructure-may-2025.md';
const INVITE = 'static/invites/openinfra-summit-europe-2025-10-17.ics';
const BRANCH = 'newsletter-may-2025';
const GITHUB = 'https://github.com/OpenStackweb/osf-website.git';
const PULL_REQUEST = `https://github.com/OpenStackweb/osf-website/compare/main...${BRANCH}?expand=1`;

/** A ready May issue with a photo of its own and an event (so an invite). */
const MAY = {
  ...readyMayIssue(),
  'sections/may-2025/spotlight.md': '---\ntitle: A lead story\n---\nThe story, told well.\n\n![The Kata team at the PTG](img/team.png)\n',
  'sections/may-2025/img/team.png': png(1200, 800),
  'sections/may-2025/events.md':
    '---\nevents:\n  - name: OpenInfra Summit Europe\n    url: https://summit2025.openinfra.org/\n    start: 2025-10-17\n    end: 2025-10-19\n    location: Paris-Saclay, France\n---\nMore on [the calendar](https://openinfra.org/community/events/).\n',
};

/** Fixed dates: the same sources give the same commit. */
const DATES = { GIT_AUTHOR_DATE: '2025-05-20T10:00:00Z', GIT_COMMITTER_DATE: '2025-05-20T10:00:00Z' };

interface Site {
  site: string;
  origin: string;
  /** The environment publish runs git with: an empty home, no system config, fixed dates. */
  env: Record<string, string>;
}

/** A checkout of the site on main, one commit, its identity in its own config, origin a bare repository. */
async function siteRepository(options: { origin?: 'github' | 'path' | 'none' } = {}): Promise<Site> {
  const site = await tempDir();
  const origin = await tempDir();
  const home = await tempDir();
  await writeFiles(site, { 'src/pages/blog/an-older-post.md': '---\ntitle: Older\n---\n', 'static/img/summit.png': png(10, 10), 'README.md': 'The site.\n' });
  initRepository(site);
  git(site, 'config', 'user.name', 'Jane Editor');
  git(site, 'config', 'user.email', 'jane@example.org');
  git(origin, 'init', '--quiet', '--bare', '--initial-branch=main');
  if (options.origin !== 'none') {
    git(site, 'remote', 'add', 'origin', options.origin === 'path' ? origin : GITHUB);
    if (options.origin !== 'path') git(site, 'config', 'remote.origin.pushurl', origin);
    git(site, 'push', '--quiet', 'origin', 'main');
  }
  return { site, origin, env: { PATH: process.env.PATH ?? '', HOME: home, GIT_CONFIG_NOSYSTEM: '1', ...DATES } };
}

async function workspace(files: Record<string, string | Buffer> = {}): Promise<string> {
  const cwd = await tempDir();
  await writeFiles(cwd, { ...MAY, ...files });
  return cwd;
}

/** Everything a publish could change in a checkout: its refs, HEAD, index, working tree and git's view of it. */
async function state(site: string): Promise<unknown> {
  const files = await snapshotTree(site);
  for (const path of Object.keys(files)) if (path.startsWith('.git/')) delete files[path];
  return {
    refs: git(site, 'for-each-ref', '--format=%(refname) %(objectname)'),
    head: await readFile(join(site, '.git/HEAD'), 'utf8'),
    index: git(site, 'ls-files', '--stage'),
    status: git(site, 'status', '--porcelain', '--untracked-files=all'),
    files,
  };
}

/** The first line publish printed on stderr and the hint under it. */
function refusal(stderr: string): string[] {
  return stderr.split('\n').slice(0, 2);
}

describe('publish --branch', () => {
  it(
    'commits the post, images and invites on newsletter-<issue> from main, leaves the checkout as it was, and with --push prints the pull request page',
    async () => {
      const cwd = await workspace();
      const { site, origin, env } = await siteRepository();
      // An editor's unrelated work in progress: publish --branch commits beside it, and leaves it.
      await writeFiles(site, { 'README.md': 'The site, being edited.\n', 'notes.txt': 'mine\n' });
      const before = await state(site);

      const result = await runMain(['publish', '--site', site, '--branch', '--push'], { cwd, env });
      expect(result.code, result.stderr).toBe(0);
      const image = /static\/img\/newsletter\/may-2025\/team-[0-9a-f]{8}\.png/.exec(result.stdout)?.[0];
      const commit = git(site, 'rev-parse', BRANCH).trim();
      expect(result.stdout).toBe(
        [
          `Committed may-2025 to a new branch ${BRANCH} of ${site}, from main:`,
          `  wrote        ${POST}`,
          `  wrote        ${image}`,
          `  wrote        ${INVITE}`,
          `  commit       ${commit.slice(0, 7)}`,
          'The checkout is still on main, its files as they were.',
          `Pushed ${BRANCH} to origin.`,
          `Open its pull request: ${PULL_REQUEST}`,
          '',
        ].join('\n'),
      );
      expect(result.stderr).toBe('Issue: may-2025 (the latest)\n');

      // One commit on main, holding exactly these files, by git's configured user, at the dates given.
      expect(git(site, 'rev-list', `main..${BRANCH}`).trim()).toBe(commit);
      expect(git(site, 'rev-parse', `${BRANCH}^`)).toBe(git(site, 'rev-parse', 'main'));
      expect(git(site, 'diff', '--no-renames', '--name-status', 'main', BRANCH).trim().split('\n').sort()).toEqual(
        [`A\t${INVITE}`, `A\t${POST}`, `A\t${image}`].sort(),
      );
      expect(git(site, 'log', '-1', '--format=%an <%ae>|%cn <%ce>|%aI', BRANCH).trim()).toBe(
        'Jane Editor <jane@example.org>|Jane Editor <jane@example.org>|2025-05-20T10:00:00+00:00',
      );
      expect(git(site, 'log', '-1', '--format=%B', BRANCH)).toBe(
        `Inside Open Infrastructure: May 2025\n\nPublished with newsletter publish --branch:\n- ${POST}\n- ${image}\n- ${INVITE}\n\nNewsletter-Issue: may-2025\n\n`,
      );
      // The files are the build's, byte for byte.
      await runMain(['build', '--blog'], { cwd, env });
      expect(git(site, 'show', `${BRANCH}:${POST}`)).toBe(await readFile(join(cwd, 'dist/may-2025/inside-open-infrastructure-may-2025.md'), 'utf8'));
      expect(Buffer.from(git(site, 'cat-file', 'blob', `${BRANCH}:${image}`), 'latin1').length).toBe(MAY['sections/may-2025/img/team.png'].length);

      // The checkout: on main, its files, index and work in progress untouched; the branch is new, and tracks origin's.
      const after = (await state(site)) as { refs: string };
      expect({ ...after, refs: '' }).toEqual({ ...(before as object), refs: '' });
      expect(existsSync(join(site, POST))).toBe(false);
      expect(git(origin, 'rev-parse', `refs/heads/${BRANCH}`).trim()).toBe(commit);
      expect(git(site, 'config', `branch.${BRANCH}.remote`).trim()).toBe('origin');
    },
    timeFor({ builds: 4 }),
  );

  it(
    "warns when the checkout's branch has commits its remote lacks: they ride along into the pull request",
    async () => {
      const cwd = await workspace();
      const { site, env } = await siteRepository();
      await writeFiles(site, { 'experiment.txt': 'not for the site\n' });
      commitAll(site, 'a local experiment');
      const result = await runMain(['publish', '--site', site, '--branch', '--push'], { cwd, env });
      expect(result.code, result.stderr).toBe(0);
      expect(result.stderr).toContain(
        `warning main has 1 commit that origin/main has not; it is on ${BRANCH} too, and in its pull request (git -C ${site} log origin/main..main).\n`,
      );
      expect(git(site, 'log', '--format=%s', `origin/main..${BRANCH}`).trim().split('\n')).toEqual([
        'Inside Open Infrastructure: May 2025',
        'a local experiment',
      ]);
      // Once main is pushed, nothing to warn of.
      git(site, 'push', '--quiet', 'origin', 'main');
      await writeFiles(cwd, { 'sections/may-2025/foundation.md': '* News of the foundation, told again.\n' });
      const again = await runMain(['publish', '--site', site, '--branch', '--push'], { cwd, env });
      expect(again.code).toBe(0);
      expect(again.stderr).not.toContain('warning');
    },
    timeFor({ builds: 4 }),
  );

  it(
    'after an edit, adds one commit to its own branch (removing the image the post dropped), pushed as a fast-forward; with nothing new, commits nothing',
    async () => {
      const cwd = await workspace();
      const { site, origin, env } = await siteRepository();
      expect((await runMain(['publish', '--site', site, '--branch', '--push'], { cwd, env })).code).toBe(0);
      const first = git(site, 'rev-parse', BRANCH).trim();
      const oldImage = git(site, 'ls-tree', '-r', '--name-only', BRANCH, '--', 'static/img/newsletter/may-2025/').trim();

      // A new photo (so a new name) and a word changed.
      await writeFiles(cwd, {
        'sections/may-2025/img/team.png': png(1200, 801),
        'sections/may-2025/spotlight.md': '---\ntitle: A lead story\n---\nThe story, told better.\n\n![The Kata team at the PTG](img/team.png)\n',
      });
      const again = await runMain(['publish', '--site', site, '--branch', '--push'], { cwd, env });
      expect(again.code, again.stderr).toBe(0);
      const second = git(site, 'rev-parse', BRANCH).trim();
      const newImage = git(site, 'ls-tree', '-r', '--name-only', BRANCH, '--', 'static/img/newsletter/may-2025/').trim();
      expect(again.stdout).toBe(
        [
          `Committed may-2025 to the branch ${BRANCH} of ${site}, on its ${first.slice(0, 7)}:`,
          `  wrote        ${POST}`,
          `  wrote        ${newImage}`,
          `  unchanged    ${INVITE}`,
          `  removed      ${oldImage}`,
          `  commit       ${second.slice(0, 7)}`,
          'The checkout is still on main, its files as they were.',
          `Pushed ${BRANCH} to origin.`,
          `Open its pull request: ${PULL_REQUEST}`,
          '',
        ].join('\n'),
      );
      expect(git(site, 'rev-list', `main..${BRANCH}`).trim().split('\n')).toEqual([second, first]);
      expect(git(site, 'diff', '--no-renames', '--name-status', first, second).trim().split('\n').sort()).toEqual(
        [`A\t${newImage}`, `D\t${oldImage}`, `M\t${POST}`].sort(),
      );
      expect(git(origin, 'rev-parse', `refs/heads/${BRANCH}`).trim()).toBe(second);

      const before = await state(site);
      const same = await runMain(['publish', '--site', site, '--branch'], { cwd, env });
      expect(same.code).toBe(0);
      expect(same.stdout).toBe(
        `✔ may-2025 is already on the branch ${BRANCH} of ${site} (${second.slice(0, 7)}); nothing to commit.\n\nNext: push it for the site's pull request: git -C ${site} push -u origin ${BRANCH} (or publish again with --push)\n`,
      );
      expect(await state(site)).toEqual(before);
    },
    timeFor({ builds: 6 }),
  );

  it(
    "compares with what the checkout's branch has published: the same post is no branch at all, another one is refused unless --force",
    async () => {
      const cwd = await workspace();
      const { site, env } = await siteRepository();
      // Published already (a plain publish, committed on main), then edited on the site by hand.
      expect((await runMain(['publish', '--site', site], { cwd, env })).code).toBe(0);
      commitAll(site, 'the May issue');
      const same = await runMain(['publish', '--site', site, '--branch'], { cwd, env });
      expect(same.stdout).toBe(`✔ may-2025 is already published in ${site} (on main); no branch needed.\n`);
      expect(git(site, 'branch', '--list', BRANCH)).toBe('');

      await writeFiles(site, { [POST]: `${await readFile(join(site, POST), 'utf8')}An editor's fix.\n` });
      commitAll(site, "an editor's fix");
      const before = await state(site);
      const refused = await runMain(['publish', '--site', site, '--branch'], { cwd, env });
      expect(refused.code).toBe(1);
      expect(refused.stderr.split('\n')[0]).toBe(
        `error ${POST} is already published and differs from this build (from line 34: 0 lines new, 1 line gone); nothing was written.`,
      );
      expect(await state(site)).toEqual(before);

      const forced = await runMain(['publish', '--site', site, '--branch', '--force'], { cwd, env });
      expect(forced.code, forced.stderr).toBe(0);
      expect(forced.stderr.split('\n')[0]).toBe(`warning replaced ${POST}, which differed from this build (from line 34: 0 lines new, 1 line gone) (--force).`);
      expect(git(site, 'diff', '--name-only', 'main', BRANCH).trim()).toBe(POST);
    },
    timeFor({ builds: 4 }),
  );

  it(
    'takes a branch of that name that main already holds (made by hand, or merged), and commits on main',
    async () => {
      const cwd = await workspace();
      const { site, env } = await siteRepository();
      git(site, 'branch', BRANCH);
      await writeFiles(site, { 'README.md': 'Moved on.\n' });
      commitAll(site, 'main moves on');
      const result = await runMain(['publish', '--site', site, '--branch'], { cwd, env });
      expect(result.code, result.stderr).toBe(0);
      expect(result.stdout.split('\n')[0]).toBe(`Committed may-2025 to the branch ${BRANCH} of ${site}, from main:`);
      expect(git(site, 'rev-parse', `${BRANCH}^`)).toBe(git(site, 'rev-parse', 'main'));
    },
    timeFor({ builds: 1 }),
  );

  it(
    'makes the same tree from the same sources, and takes a name: --branch NAME, --branch=NAME',
    async () => {
      const cwd = await workspace();
      const { site, env } = await siteRepository();
      expect((await runMain(['publish', 'may-2025', '--site', site, '--branch', 'site/may'], { cwd, env })).code).toBe(0);
      expect((await runMain(['publish', '--site', site, '--branch=site/may-again'], { cwd, env })).code).toBe(0);
      expect(git(site, 'rev-parse', 'site/may^{tree}')).toBe(git(site, 'rev-parse', 'site/may-again^{tree}'));
      // Same tree, same parent, same identity and dates: the same commit.
      expect(git(site, 'rev-parse', 'site/may')).toBe(git(site, 'rev-parse', 'site/may-again'));
    },
    timeFor({ builds: 3 }),
  );

  it(
    'with --dry-run, --json and a remote that is not on GitHub: says what it would commit, then pushes and prints no page',
    async () => {
      const cwd = await workspace();
      const { site, env } = await siteRepository({ origin: 'path' });
      const before = await state(site);
      const dry = await runMain(['publish', '--site', site, '--branch', '--push', '--dry-run'], { cwd, env });
      expect(dry.code).toBe(0);
      expect(dry.stdout).toMatch(
        new RegExp(
          `^Would commit may-2025 to a new branch ${BRANCH} of ${site}, from main:\\n  would write  ${POST}\\n(?:  would write  .*\\n){2}Nothing was written \\(--dry-run\\)\\.\\n$`,
        ),
      );
      expect(await state(site)).toEqual(before);

      const json = await runMain(['publish', '--site', site, '--branch', '--push', '--json'], { cwd, env });
      expect(json.code, json.stderr).toBe(0);
      const manifest = JSON.parse(json.stdout);
      expect(manifest.branch).toEqual({
        name: BRANCH,
        base: 'main',
        created: true,
        committed: true,
        commit: git(site, 'rev-parse', BRANCH).trim(),
        previous: null,
        remote: 'origin',
        pushed: true,
        url: null,
        pushError: null,
        unpushed: null,
      });
      expect(manifest.written).toHaveLength(3);

      const again = await runMain(['publish', '--site', site, '--branch', '--push'], { cwd, env });
      expect(again.stdout).toMatch(/nothing to commit\.\nPushed newsletter-may-2025 to origin\.\nOpen its pull request into main where origin is hosted\.\n$/);
    },
    timeFor({ builds: 4 }),
  );

  it(
    "keeps the branch when the push fails, and says why in one line with git's reason and exit 2; a token in the remote's address is never shown",
    async () => {
      const cwd = await workspace();
      const { site, origin, env } = await siteRepository();
      // Somebody else pushed a branch of that name: git refuses, and publish never forces.
      const other = await tempDir();
      git(other, 'clone', '--quiet', origin, '.');
      git(other, 'switch', '--quiet', '-c', BRANCH);
      await writeFiles(other, { 'theirs.txt': 'theirs\n' });
      commitAll(other, 'their work');
      git(other, 'push', '--quiet', 'origin', BRANCH);
      const rejected = await runMain(['publish', '--site', site, '--branch', '--push'], { cwd, env });
      expect(rejected.code).toBe(2);
      const commit = git(site, 'rev-parse', BRANCH).trim();
      expect(rejected.stdout).toContain(`  commit       ${commit.slice(0, 7)}\n`);
      expect(refusal(rejected.stderr)).toEqual([
        `error could not push ${BRANCH} to origin: ! [rejected] ${BRANCH} -> ${BRANCH} (fetch first)`,
        `  The branch is committed and stays; once the cause is fixed: git -C ${site} push -u origin ${BRANCH}`,
      ]);
      expect(git(origin, 'log', '-1', '--format=%s', BRANCH).trim()).toBe('their work');

      // A token in the address: the push goes where git is told (no network here), and no message shows it.
      git(site, 'config', 'remote.origin.url', 'https://x-access-token:ghp_s3cret@github.com/OpenStackweb/osf-website.git');
      git(site, 'config', 'remote.origin.pushurl', 'https://x-access-token:ghp_s3cret@github.com/OpenStackweb/osf-website.git');
      git(site, 'config', `url.${join(site, 'missing.git')}.insteadOf`, 'https://x-access-token:ghp_s3cret@github.com/OpenStackweb/osf-website.git');
      const failed = await runMain(['publish', '--site', site, '--branch', 'other', '--push'], { cwd, env });
      expect(failed.code).toBe(2);
      expect(refusal(failed.stderr)[0]).toMatch(/^error could not push other to origin: fatal: '.*missing\.git' does not appear to be a git repository$/);
      git(site, 'config', '--unset', 'remote.origin.pushurl');
      git(site, 'config', '--remove-section', `url.${join(site, 'missing.git')}`);
      git(site, 'config', `url.${origin}.insteadOf`, 'https://x-access-token:ghp_s3cret@github.com/OpenStackweb/osf-website.git');
      const pushed = await runMain(['publish', '--site', site, '--branch', 'other', '--push', '--json'], { cwd, env });
      expect(pushed.code, pushed.stderr).toBe(0);
      expect(JSON.parse(pushed.stdout).branch.url).toBe('https://github.com/OpenStackweb/osf-website/compare/main...other?expand=1');
      for (const run of [rejected, failed, pushed]) expect(run.stdout + run.stderr).not.toContain('s3cret');
    },
    timeFor({ builds: 4 }),
  );
});

describe('publish --branch refuses, in one line, changing nothing', () => {
  /** Runs publish --branch --push in the site as `prepare` left it, and checks nothing changed. */
  async function refused(prepare: (site: Site) => Promise<void> | void, args: string[] = ['--branch', '--push']): Promise<{ code: number; lines: string[] }> {
    const cwd = await workspace();
    const repository = await siteRepository();
    await prepare(repository);
    const before = existsSync(join(repository.site, '.git')) ? await state(repository.site) : await snapshotTree(repository.site);
    const result = await runMain(['publish', '--site', repository.site, ...args], { cwd, env: repository.env });
    expect(result.stdout).toBe('');
    expect(existsSync(join(repository.site, '.git')) ? await state(repository.site) : await snapshotTree(repository.site)).toEqual(before);
    expect(git(repository.origin, 'for-each-ref', '--format=%(refname)').trim()).toBe('refs/heads/main');
    return { code: result.code, lines: refusal(result.stderr) };
  }

  it(
    'uncommitted changes to a file it would write (changes elsewhere are left alone: see the first test)',
    async () => {
      let site = '';
      const result = await refused(async (repository) => {
        site = repository.site;
        await writeFiles(site, { [POST]: 'an edit in progress\n' });
      });
      expect(result.code).toBe(2);
      expect(result.lines).toEqual([
        `error ${site} has uncommitted changes to ${POST}, which publish --branch would write; nothing was changed.`,
        `  Commit or stash them first (git -C ${site} stash --include-untracked), or publish without --branch.`,
      ]);
    },
    timeFor({ builds: 1 }),
  );

  it.each([
    ['a merge', 'merge'],
    ['a rebase', 'rebase'],
    ['a cherry-pick', 'cherry-pick'],
    ['a revert', 'revert'],
  ])(
    'in the middle of %s',
    async (what, command) => {
      let site = '';
      const result = await refused(async (repository) => {
        site = repository.site;
        // A real conflict: main and a topic branch change the same line.
        git(site, 'switch', '--quiet', '-c', 'topic');
        await writeFiles(site, { 'README.md': 'The topic.\n' });
        commitAll(site, 'topic');
        git(site, 'switch', '--quiet', 'main');
        await writeFiles(site, { 'README.md': 'The main line.\n' });
        commitAll(site, 'main line');
        if (command === 'rebase') git(site, 'switch', '--quiet', 'topic');
        const target = command === 'rebase' ? 'main' : command === 'revert' ? 'HEAD' : 'topic';
        if (command === 'revert') {
          await writeFiles(site, { 'README.md': 'Again.\n' });
          commitAll(site, 'again');
          expect(() => git(site, 'revert', '--no-edit', 'HEAD~1')).toThrow();
        } else expect(() => git(site, command, target)).toThrow();
      });
      expect(result.code).toBe(2);
      expect(result.lines).toEqual([
        `error ${site} is in the middle of ${what}; publish --branch changed nothing.`,
        `  Finish it or abort it first (git -C ${site} status says how).`,
      ]);
    },
    timeFor({ builds: 1 }),
  );

  it('a branch of that name with commits publish did not make', async () => {
    let site = '';
    const result = await refused(async (repository) => {
      site = repository.site;
      git(site, 'switch', '--quiet', '-c', BRANCH);
      await writeFiles(site, { 'theirs.txt': 'theirs\n' });
      commitAll(site, 'their work');
      git(site, 'switch', '--quiet', 'main');
    });
    expect(result.code).toBe(2);
    expect(result.lines[0]).toMatch(
      new RegExp(`^error the branch ${BRANCH} already exists with 1 commit publish did not make \\([0-9a-f]{7} "their work"\\); nothing was changed\\.$`),
    );
    expect(result.lines[1]).toBe(`  Give another name (--branch NAME), or delete it if it is yours to drop (git -C ${site} branch -D ${BRANCH}).`);
  });

  it(
    'a detached HEAD, no commit, no repository, a name git refuses or the current branch, an issue read as the name, --push alone, no identity',
    async () => {
      let site = '';
      const detached = await refused(({ site: at }) => {
        site = at;
        git(at, 'switch', '--quiet', '--detach');
      });
      expect(detached).toEqual({
        code: 2,
        lines: [
          expect.stringMatching(
            new RegExp(`^error ${site} is on no branch \\(a detached HEAD at [0-9a-f]{7}\\), so there is no branch for the pull request to go into\\.$`),
          ),
          `  Switch to the branch the post goes into first (git -C ${site} switch main).`,
        ],
      });

      const unborn = await refused(async ({ site: at }) => {
        site = at;
        await rm(join(at, '.git'), { recursive: true });
        git(at, 'init', '--quiet', '--initial-branch=main');
      });
      expect(unborn.lines[0]).toBe(`error ${site} has no commit yet, so there is nothing for a branch to start from.`);

      const plain = await refused(async ({ site: at }) => {
        site = at;
        await rm(join(at, '.git'), { recursive: true });
      });
      expect(plain).toEqual({
        code: 2,
        lines: [
          `error ${site} is not a git repository, so publish --branch has nowhere to commit.`,
          '  Give --site a clone of the site (git clone https://github.com/OpenStackweb/osf-website), or publish without --branch.',
        ],
      });

      const badName = await refused(() => undefined, ['--branch=bad..name']);
      expect(badName.lines[0]).toBe('error --branch "bad..name" is not a name git takes for a branch.');
      expect((await refused(() => undefined, ['--branch=HEAD'])).lines[0]).toBe('error --branch "HEAD" is not a name git takes for a branch.');
      const current = await refused(
        ({ site: at }) => {
          site = at;
        },
        ['--branch=main'],
      );
      expect(current.lines[0]).toBe(`error --branch main is the branch ${site} is on; publish --branch commits beside it, for a pull request into it.`);

      const issueAsName = await refused(() => undefined, ['--branch', 'may-2025']);
      expect(issueAsName.lines).toEqual([
        'error --branch took "may-2025", an issue\'s name, as the branch\'s name.',
        '  Name the issue before it (newsletter publish may-2025 --branch), or give the branch another name (--branch=newsletter-may-2025).',
      ]);

      const pushAlone = await refused(() => undefined, ['--push']);
      expect(pushAlone.lines[0]).toBe('error --push pushes the branch that --branch makes: add --branch.');

      const nobody = await refused(({ site: at }) => {
        site = at;
        git(at, 'config', '--unset', 'user.name');
        git(at, 'config', '--unset', 'user.email');
        git(at, 'config', 'user.useConfigOnly', 'true');
      });
      expect(nobody.code).toBe(2);
      expect(nobody.lines[0]).toMatch(new RegExp(`^error git cannot commit in ${site}: fatal: no (?:name|email) was given and auto-detection is disabled$`));
    },
    timeFor({ builds: 11 }),
  );

  it("a site folder inside another repository (the workspace's, say): that one is not the site's", async () => {
    const cwd = await workspace();
    const { env } = await siteRepository();
    const outer = await tempDir();
    await writeFiles(outer, { 'site/src/pages/blog/an-older-post.md': '---\ntitle: Older\n---\n' });
    initRepository(outer);
    const site = join(outer, 'site');
    const result = await runMain(['publish', '--site', site, '--branch'], { cwd, env });
    expect(result.code).toBe(2);
    expect(refusal(result.stderr)[0]).toBe(
      `error ${site} is a folder inside the git repository ${outer}, not the site's own clone; publish --branch would commit to that one.`,
    );
    expect(git(outer, 'for-each-ref', '--format=%(refname)').trim()).toBe('refs/heads/main');
  });
});

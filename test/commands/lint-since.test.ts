import { cp, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { commitAll, git, initRepository } from '../helpers/git.js';
import { REPO, runMain, tempDir, writeFiles } from '../helpers/workspace.js';

const CLEAN_MAY = {
  'newsletter.config.yaml': 'email: { platform: mailchimp }\n', // a mail platform: the footer's unsubscribe link
  'sections/may-2025/issue.md': '---\ntitle: "Inside Open Infrastructure: May 2025"\ndate: 2025-05-20\n---\n![The Summit crowd in Paris](/img/hero.png)\n',
  'sections/may-2025/spotlight.md': '---\ntitle: A lead story\n---\nThe story, told well.\n',
  'sections/may-2025/foundation.md': '* News of the foundation, see [its site](https://openinfra.org/).\n',
  'sections/may-2025/events.md': '* 17-19 October 2025 | Paris-Saclay, FR\n',
};

/** A repository holding the sample (published, with its defects) and a clean May issue, all committed on main. */
async function archiveRepository(under = ''): Promise<{ repo: string; cwd: string }> {
  const repo = await tempDir();
  const cwd = join(repo, under);
  await cp(join(REPO, 'sections', 'april-2025'), join(cwd, 'sections', 'april-2025'), { recursive: true });
  await writeFiles(cwd, CLEAN_MAY);
  initRepository(repo);
  return { repo, cwd };
}

/** The files lint reported on (ESLint JSON), relative to the workspace. */
function linted(stdout: string, cwd: string): string[] {
  return (JSON.parse(stdout) as { filePath: string }[]).map((r) => r.filePath.slice(cwd.length + 1));
}

describe('newsletter lint --since', () => {
  it('lints nothing, and exits 0, when no issue changed', async () => {
    const { cwd } = await archiveRepository();
    await writeFiles(cwd, { 'README.md': 'notes that are not an issue\n' });
    const result = await runMain(['lint', '--since', 'main'], { cwd });
    expect(result).toMatchObject({ code: 0, stdout: '✔ no issue changed since main; nothing to lint.\n', stderr: '' });
    expect((await runMain(['lint', '--since', 'main', '--format', 'json'], { cwd })).stdout).toBe('[]\n');
  });

  it('lints an issue changed in the working tree, not committed, and only it', async () => {
    const { cwd } = await archiveRepository();
    await writeFiles(cwd, { 'sections/may-2025/foundation.md': '* News of the foundation. TODO: link\n' });
    const result = await runMain(['lint', '--since', 'main', '--format', 'json'], { cwd });
    expect(result.code).toBe(1);
    expect(linted(result.stdout, cwd)).toEqual(['sections/may-2025/foundation.md']);
  });

  it("judges a change on the files it touched: the issue's other sections are counted, not reported, and fail nothing", async () => {
    const { cwd } = await archiveRepository();
    // On main, two of May's sections are still to write: a placeholder, and an empty link.
    await writeFiles(cwd, {
      'sections/may-2025/spotlight.md': '---\ntitle: A lead story\n---\nInsert Spotlight\n',
      'sections/may-2025/events.md': '* [](https://openinfra.org/summit) 17-19 October 2025 | Paris-Saclay, FR\n',
    });
    commitAll(cwd, 'May, as its editor opened it');
    // The change: the foundation's section, written clean.
    await writeFiles(cwd, { 'sections/may-2025/foundation.md': '* News of the foundation, and [its report](https://openinfra.org/report).\n' });
    const clean = await runMain(['lint', '--since', 'main', '--format', 'github'], { cwd });
    expect(clean).toMatchObject({
      code: 0,
      stdout: '',
      stderr: '2 errors and 1 warning in 2 files this change did not touch, not reported here (newsletter lint may-2025 shows them).\n',
    });
    // The same issue linted by name reports them, and fails.
    const whole = await runMain(['lint', 'may-2025', '--format', 'json'], { cwd });
    expect(whole.code).toBe(1);
    const reported = (JSON.parse(whole.stdout) as { filePath: string; errorCount: number }[]).filter((r) => r.errorCount > 0);
    expect(reported.map((r) => r.filePath.slice(cwd.length + 1))).toEqual(['sections/may-2025/events.md', 'sections/may-2025/spotlight.md']);
    // A change to one of them answers for it: its errors are reported, and fail the check.
    await writeFiles(cwd, { 'sections/may-2025/events.md': '* [](https://openinfra.org/summit) 17-19 October 2025 | Paris-Saclay, France\n' });
    const events = await runMain(['lint', '--since', 'main', '--format', 'github'], { cwd });
    expect(events.code).toBe(1);
    expect(events.stdout).toMatch(/^::error file=sections\/may-2025\/events\.md,line=1,/);
    expect(events.stderr).toBe('1 error and 1 warning in 1 file this change did not touch, not reported here (newsletter lint may-2025 shows them).\n');
  });

  it('counts staged changes and new files git does not ignore, and leaves out ignored ones', async () => {
    const { cwd } = await archiveRepository();
    await writeFiles(cwd, {
      '.gitignore': 'sections/scratch-2025/\n',
      'sections/june-2025/issue.md': '---\ntitle: "Inside Open Infrastructure: June 2025"\n---\n',
    });
    commitAll(cwd, 'ignore scratch');
    await writeFiles(cwd, {
      'sections/june-2025/kata.md': '* Kata news\n',
      'sections/july-2025/issue.md': '---\ntitle: "Inside Open Infrastructure: July 2025"\n---\n',
    });
    git(cwd, 'add', 'sections/june-2025/kata.md');
    const result = await runMain(['lint', '--since', 'HEAD', '--format', 'json'], { cwd });
    const files = linted(result.stdout, cwd);
    expect(files.some((f) => f.startsWith('sections/june-2025/'))).toBe(true);
    expect(files.some((f) => f.startsWith('sections/july-2025/'))).toBe(true);
    expect(files.some((f) => f.startsWith('sections/may-2025/') || f.startsWith('sections/april-2025/'))).toBe(false);
  });

  it('judges a branch on its own commits: what landed on main since it left does not count', async () => {
    const { cwd } = await archiveRepository();
    git(cwd, 'switch', '--quiet', '-c', 'may-news');
    await writeFiles(cwd, { 'sections/may-2025/kata.md': '* Kata 3.15 is out.\n' });
    commitAll(cwd, 'Kata news for May');
    git(cwd, 'switch', '--quiet', 'main');
    await writeFiles(cwd, { 'sections/april-2025/kata.md': '* Kata 3.14 is out, again.\n' });
    commitAll(cwd, 'a fix to April on main');
    git(cwd, 'switch', '--quiet', 'may-news');
    const result = await runMain(['lint', '--since', 'main', '--format', 'json'], { cwd });
    expect(result.code).toBe(0);
    expect(new Set(linted(result.stdout, cwd).map((f) => f.split('/')[1]))).toEqual(new Set(['may-2025']));
  });

  it('lints every issue when the config or a template changed, and says why', async () => {
    const { cwd } = await archiveRepository();
    await writeFiles(cwd, { 'newsletter.config.yaml': 'author: The Editors\n' });
    const config = await runMain(['lint', '--since', 'main', '--format', 'json'], { cwd });
    expect(new Set(linted(config.stdout, cwd).map((f) => f.split('/')[1]))).toEqual(new Set(['april-2025', 'may-2025']));
    expect(config.stderr).toBe('every issue linted: newsletter.config.yaml changed since main.\n');
    expect(config.code).toBe(1);
    commitAll(cwd, 'config');
    await writeFiles(cwd, { 'templates/email.txt.hbs': '{{{body}}}\n' });
    const template = await runMain(['lint', '--since', 'main', '--format', 'json'], { cwd });
    expect(template.stderr).toBe('every issue linted: templates/email.txt.hbs changed since main.\n');
  });

  it('passes over an issue that was deleted', async () => {
    const { cwd } = await archiveRepository();
    await rm(join(cwd, 'sections', 'april-2025'), { recursive: true });
    const result = await runMain(['lint', '--since', 'main'], { cwd });
    expect(result.stdout).toBe('✔ no issue changed since main; nothing to lint.\n');
    expect(result.code).toBe(0);
  });

  it("works in a workspace below the repository's top folder, annotating paths from the top in Actions", async () => {
    const { repo, cwd } = await archiveRepository('newsletter');
    await writeFiles(cwd, { 'sections/may-2025/foundation.md': '* TODO\n' });
    await writeFiles(repo, { 'other/sections/june-2025/issue.md': 'not this workspace\n' });
    const result = await runMain(['lint', '--since', 'main', '--format', 'github'], { cwd, env: { GITHUB_WORKSPACE: repo } });
    expect(result.code).toBe(1);
    const annotations = result.stdout.trimEnd().split('\n');
    expect(annotations.length).toBeGreaterThan(0);
    for (const line of annotations) expect(line).toMatch(/^::(error|warning) file=newsletter\/sections\/may-2025\/foundation\.md,/);
  });

  it('appends a Markdown summary to $GITHUB_STEP_SUMMARY with --format github', async () => {
    const { cwd } = await archiveRepository();
    const summary = join(await tempDir(), 'summary.md');
    await writeFiles(cwd, { 'sections/may-2025/foundation.md': '* News | TODO\n' });
    await writeFiles(join(summary, '..'), { 'summary.md': '## Earlier step\n' });
    const result = await runMain(['lint', '--since', 'main', '--format', 'github'], { cwd, env: { GITHUB_STEP_SUMMARY: summary } });
    expect(result.code).toBe(1);
    const text = await readFile(summary, 'utf8');
    expect(text.startsWith('## Earlier step\n### newsletter lint: 1 error, 0 warnings\n\nLinted: may-2025 (changed since main).\n\n')).toBe(true);
    expect(text).toContain(
      '| error | sections/may-2025/foundation.md:1 | placeholder | placeholder "TODO" left in the text; write the real content or remove it. |\n',
    );
  });

  it('escapes every value of the summary, file names included: nothing breaks out of the table', async () => {
    const cwd = await tempDir();
    await writeFiles(cwd, { ...CLEAN_MAY, 'sections/may-2025/x\n\n## Injected [link](#top) <img src=x> @octocat\n.md': '* TODO here.\n' });
    const summary = join(await tempDir(), 'summary.md');
    await runMain(['lint', '--format', 'github'], { cwd, env: { GITHUB_STEP_SUMMARY: summary } });
    const text = await readFile(summary, 'utf8');
    expect(text).toContain('Injected');
    const table = text.split('\n').filter((line) => line.startsWith('|'));
    expect(table.length).toBeGreaterThan(2);
    // Every line after the heading and the scope is a table row or blank: no heading, image, link or mention of its own.
    for (const line of text.split('\n').slice(4)) expect(line === '' || line.startsWith('|'), line).toBe(true);
    // Escaped, each of them shows as the text it is.
    expect(text).not.toMatch(/^#+ Injected|(?<!\\)<img|(?<!\\)\]\(#top|@octocat/m);
  });

  it('is a one-line usage error outside a repository, with a ref git does not know, or with issues named', async () => {
    const outside = await tempDir();
    await writeFiles(outside, CLEAN_MAY);
    const noRepo = await runMain(['lint', '--since', 'main'], { cwd: outside });
    expect(noRepo.code).toBe(2);
    expect(noRepo.stderr.split('\n')[0]).toBe(`error --since needs a git repository, and ${outside} is not inside one.`);

    const { cwd } = await archiveRepository();
    const unknown = await runMain(['lint', '--since', 'origin/nope'], { cwd });
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toBe(
      'error --since: git knows no commit "origin/nope".\n  Fetch it first (git fetch origin main); in GitHub Actions, check out with fetch-depth: 0.\n',
    );
    const option = await runMain(['lint', '--since', '--output=/tmp/x'], { cwd });
    expect(option.code).toBe(2);
    expect(option.stderr.split('\n')[0]).toBe('error --since expects a git ref, such as origin/main, not "--output=/tmp/x".');
    const both = await runMain(['lint', '--since', 'main', 'may-2025'], { cwd });
    expect(both.code).toBe(2);
    expect(both.stderr.split('\n')[0]).toBe('error give --since alone: it chooses the issues, as issues named or --all would.');
  });
});

import { cp, mkdir, readdir, readFile, symlink } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { commitAll, git, initRepository } from '../helpers/git.js';
import { BIN } from '../helpers/bin.js';
import { browserMissing, CHROMIUM } from '../helpers/browser.js';
import { timeFor } from '../helpers/budget.js';
import { readWorkflow, runSteps, theJob, type PullRequest, type StepResult, type WorkflowStep } from '../helpers/workflow.js';
import { REPO, tempDir, writeFiles } from '../helpers/workspace.js';

/*
 * .github/workflows/newsletter.yml, the workflow content repositories use as it is, run in a
 * pull request: its `run:` steps, in a real git repository whose origin holds the base branch.
 * The runner's part is played here: checkout is the repository, `npm ci` is this checkout's bin,
 * the upload is the folder it names, Google Chrome is Debian's Chromium.
 */

const WORKFLOW = readWorkflow();
const STEPS = theJob(WORKFLOW).steps;
const INSTALL = STEPS.findIndex((step) => step.run?.startsWith('npm ci'));
/** The steps after the install, which all run the CLI or git. */
const RUN_STEPS = STEPS.slice(INSTALL + 1).filter((step): step is WorkflowStep & { run: string } => step.run !== undefined);
const step = (fragment: string) => RUN_STEPS.find((s) => s.run.includes(fragment))!;
const UPLOAD = STEPS.find((s) => s.uses?.startsWith('actions/upload-artifact'))!;

const JUNE = {
  'sections/june-2025/issue.md':
    '---\ntitle: "Inside Open Infrastructure: June 2025"\ndate: 2025-06-17\nhidePost: false\nseo:\n  description: Kata 3.16, StarlingX 11 and the Summit in Paris\n---\n![The Summit crowd in Paris](/img/hero.png)\n',
  'sections/june-2025/spotlight.md': '---\ntitle: A lead story\nowner: "@aprice"\nstatus: ready\n---\nThe story, told well.\n',
  'sections/june-2025/foundation.md': '---\nstatus: ready\n---\n* News of the foundation, see [its site](https://openinfra.org/).\n',
  'sections/june-2025/events.md': '---\nstatus: ready\n---\n* 17-19 October 2025 | Paris-Saclay, FR\n',
};

/** A content repository (the archive, with the defects it went out with) pushed to origin/main, on a new branch for the pull request. */
async function contentRepository(): Promise<string> {
  const origin = await tempDir();
  git(origin, 'init', '--quiet', '--bare', '--initial-branch=main');
  const cwd = await tempDir();
  await cp(join(REPO, 'sections', 'april-2025'), join(cwd, 'sections', 'april-2025'), { recursive: true });
  await writeFiles(cwd, { 'newsletter.config.yaml': 'email: { platform: mailchimp }\n', '.gitignore': 'node_modules/\ndist/\n' });
  initRepository(cwd);
  git(cwd, 'remote', 'add', 'origin', origin);
  git(cwd, 'push', '--quiet', 'origin', 'main');
  git(cwd, 'switch', '--quiet', '-c', 'pull-request');
  return cwd;
}

async function pullRequest(cwd: string, env?: Record<string, string>): Promise<PullRequest> {
  return { cwd, base: 'main', summary: join(await tempDir(), 'summary.md'), ...(env ? { env } : {}) };
}

const codes = (results: StepResult[]) => results.map((r) => [r.step.name, r.code, r.code === 0 ? '' : r.stderr || r.stdout]);

describe('.github/workflows/newsletter.yml, in a pull request', () => {
  it(
    'passes when the new issue is clean, fails with annotations on its lines only when it is not, and gives reviewers the preview either way',
    async () => {
      expect(STEPS[INSTALL]?.run).toBe('npm ci --no-audit --no-fund');
      const cwd = await contentRepository();
      // The content repository has playwright-core among its devDependencies, and the runner a Chrome.
      const noBrowser = browserMissing();
      if (noBrowser) console.warn(`${noBrowser} The screenshot step is run without playwright-core, and only says so.`);
      else {
        await mkdir(join(cwd, 'node_modules'));
        await symlink(join(REPO, 'node_modules', 'playwright-core'), join(cwd, 'node_modules', 'playwright-core'), 'dir');
      }
      const env = { CHROME_PATH: CHROMIUM };
      const work = { cliRuns: 1, browserStarts: 1, pages: 4 };

      // The pull request: the June issue, clean.
      await writeFiles(cwd, JUNE);
      commitAll(cwd, 'The June issue');
      const clean = await runSteps(WORKFLOW, RUN_STEPS, await pullRequest(cwd, env), BIN, work);
      expect(codes(clean)).toEqual(RUN_STEPS.map((s) => [s.name, 0, '']));
      // What the upload step takes: June's outputs, its static preview and its screenshots, and no other issue's.
      const artifact = join(cwd, String(UPLOAD.with?.path));
      expect(await readdir(artifact)).toEqual(['june-2025']);
      const june = await readdir(join(artifact, 'june-2025'));
      expect(june).toEqual(expect.arrayContaining(['email.html', 'email.mjml', 'email.txt', 'inside-open-infrastructure-june-2025.md', 'preview']));
      expect((await readdir(join(artifact, 'june-2025', 'preview'))).length).toBeGreaterThan(0);
      if (!noBrowser) expect((await readdir(join(artifact, 'june-2025', 'screenshots'))).filter((f) => f.endsWith('.png'))).toHaveLength(4);

      // A defect in the June issue: the lint step fails, with annotations on June's lines and nowhere else.
      await writeFiles(cwd, { 'sections/june-2025/foundation.md': '---\nstatus: ready\n---\n* News of the foundation. TODO: the link\n' });
      commitAll(cwd, 'June, with a placeholder');
      const pr = await pullRequest(cwd, env);
      const flawed = await runSteps(WORKFLOW, RUN_STEPS, pr, BIN, work);
      const lint = flawed.find((r) => r.step === step('newsletter lint'))!;
      expect(lint.code).toBe(1);
      const annotations = lint.stdout.trimEnd().split('\n');
      expect(annotations, lint.stdout).toContain(
        '::error file=sections/june-2025/foundation.md,line=4,col=27,endLine=4,endColumn=31,title=placeholder::placeholder "TODO" left in the text; write the real content or remove it.',
      );
      for (const line of annotations) expect(line).toMatch(/^::(error|warning) file=sections\/june-2025\//);
      // Every other step ran and passed: the reviewers get the summary and the preview of what they are asked to judge.
      expect(codes(flawed.filter((r) => r !== lint))).toEqual(RUN_STEPS.filter((s) => s !== lint.step).map((s) => [s.name, 0, '']));
      // The run's page says what failed, and who owes what in the issue the pull request changed.
      const page = await readFile(pr.summary, 'utf8');
      expect(page).toContain('### newsletter lint: 1 error, 0 warnings\n');
      expect(page).toContain('### june-2025: not ready\n');
      expect(page).toContain('| A lead story (`spotlight`) | @aprice | ready | 4 | 0 | 0 |\n');
      expect(page).not.toContain('### april-2025');
    },
    // Each of the two runs: which issues, lint, status, build, the static preview, and the screenshots (a browser, four pages).
    timeFor({ cliRuns: 2 * 6, browserStarts: 2, pages: 2 * 4 }),
  );

  it(
    'takes the issue a pull request touched, each of two, or the latest when it touched none; without playwright-core it warns and takes no screenshot',
    async () => {
      const cwd = await contentRepository();
      const chosen = async (): Promise<string> => {
        const [which, said] = await runSteps(WORKFLOW, [step('completion --issues'), { run: 'printf %s "$NEWSLETTER_ISSUES"' }], await pullRequest(cwd), BIN, {
          cliRuns: 1,
        });
        expect(which?.code).toBe(0);
        return said!.stdout;
      };

      // None touched (the config): the latest, as every command takes it.
      await writeFiles(cwd, { 'newsletter.config.yaml': 'email: { platform: mailchimp }\n# the platform the list is on\n' });
      commitAll(cwd, 'The config');
      expect(await chosen()).toBe('april-2025');
      // One touched, as a pull request that starts an issue: that one.
      await writeFiles(cwd, JUNE);
      commitAll(cwd, 'The June issue');
      expect(await chosen()).toBe('june-2025');
      // Two touched (last month's typo fixed beside this month's news): both, oldest first.
      await writeFiles(cwd, { 'sections/april-2025/kata.md': 'Kata, corrected.\n' });
      commitAll(cwd, 'April corrected');
      expect(await chosen()).toBe('april-2025 june-2025');
      // An issue the pull request deletes is not one to build.
      git(cwd, 'rm', '--quiet', '-r', 'sections/april-2025');
      commitAll(cwd, 'April dropped');
      expect(await chosen()).toBe('june-2025');

      // The workspace has no playwright-core: a warning on the run's page, and the job goes on.
      const [shots] = await runSteps(WORKFLOW, [step('newsletter screenshot')], await pullRequest(cwd), BIN, { cliRuns: 1 });
      expect(shots?.code).toBe(0);
      expect(shots?.stdout).toMatch(/^::warning title=No screenshots::screenshot needs playwright-core: npm install --save-dev playwright-core/);
    },
    timeFor({ cliRuns: 4 }),
  );
});

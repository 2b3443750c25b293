import { execFile } from 'node:child_process';
import { cp, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { commitAll, git, initRepository } from '../helpers/git.js';
import { BIN } from '../helpers/bin.js';
import { timeFor } from '../helpers/budget.js';
import { CACHE_HOME, REPO, tempDir, writeFiles } from '../helpers/workspace.js';

/** The `run:` steps of docs/ci.md's workflow that call the CLI, in order, as it writes them. */
async function recipeSteps(): Promise<string[]> {
  const readme = await readFile(join(REPO, 'docs', 'ci.md'), 'utf8');
  const block = /```yaml\n(# \.github\/workflows\/newsletter\.yml\n[\s\S]*?)```/.exec(readme)?.[1];
  if (!block) throw new Error('docs/ci.md has no .github/workflows/newsletter.yml block');
  const workflow = parse(block) as {
    on: { pull_request?: unknown };
    jobs: Record<string, { steps: { run?: string; uses?: string; with?: Record<string, unknown> }[] }>;
  };
  expect(workflow.on.pull_request).toBeDefined();
  const steps = Object.values(workflow.jobs).flatMap((job) => job.steps);
  // --since needs the base branch's history: the checkout must fetch it.
  expect(steps.find((step) => step.uses?.startsWith('actions/checkout'))?.with?.['fetch-depth']).toBe(0);
  return steps.map((step) => step.run).filter((run): run is string => run !== undefined && run.includes('newsletter'));
}

interface StepResult {
  run: string;
  code: number;
  stdout: string;
}

/** Runs each step with sh, as a runner does, in a pull request from `branch` into main; `npx newsletter` is this checkout's bin. */
async function runRecipe(cwd: string, summary: string): Promise<StepResult[]> {
  const results: StepResult[] = [];
  for (const run of await recipeSteps()) {
    results.push(
      await new Promise<StepResult>((resolve) => {
        execFile(
          'sh',
          ['-c', run.replaceAll('npx newsletter', `"${BIN}"`)],
          {
            cwd,
            env: {
              PATH: process.env.PATH,
              HOME: cwd,
              CI: 'true',
              GITHUB_ACTIONS: 'true',
              GITHUB_BASE_REF: 'main',
              GITHUB_WORKSPACE: cwd,
              GITHUB_STEP_SUMMARY: summary,
              XDG_CACHE_HOME: CACHE_HOME,
            },
            timeout: timeFor({ cliRuns: 1 }),
          },
          (error, stdout) => resolve({ run, code: error ? (typeof error.code === 'number' ? error.code : -1) : 0, stdout }),
        );
      }),
    );
  }
  return results;
}

const JUNE = {
  'sections/june-2025/issue.md':
    '---\ntitle: "Inside Open Infrastructure: June 2025"\ndate: 2025-06-17\nhidePost: false\nseo:\n  description: Kata 3.16, StarlingX 11 and the Summit in Paris\n---\n![The Summit crowd in Paris](/img/hero.png)\n',
  'sections/june-2025/spotlight.md': '---\ntitle: A lead story\nowner: "@aprice"\nstatus: ready\n---\nThe story, told well.\n',
  'sections/june-2025/foundation.md': '---\nstatus: ready\n---\n* News of the foundation, see [its site](https://openinfra.org/).\n',
  'sections/june-2025/events.md': '---\nstatus: ready\n---\n* 17-19 October 2025 | Paris-Saclay, FR\n',
};

describe("docs/ci.md's workflow, in a pull request", () => {
  it(
    'passes when the new issue is clean, and fails with annotations on its lines only when it is not',
    async () => {
      // An archive of published issues with the defects they went out with, pushed to origin/main.
      const origin = await tempDir();
      git(origin, 'init', '--quiet', '--bare', '--initial-branch=main');
      const cwd = await tempDir();
      await cp(join(REPO, 'sections', 'april-2025'), join(cwd, 'sections', 'april-2025'), { recursive: true });
      await writeFiles(cwd, { 'newsletter.config.yaml': 'email: { platform: mailchimp }\n' });
      initRepository(cwd);
      git(cwd, 'remote', 'add', 'origin', origin);
      git(cwd, 'push', '--quiet', 'origin', 'main');

      // The pull request: the June issue, clean.
      git(cwd, 'switch', '--quiet', '-c', 'june-2025');
      await writeFiles(cwd, JUNE);
      commitAll(cwd, 'The June issue');
      const clean = await runRecipe(cwd, join(await tempDir(), 'summary.md'));
      expect(clean.map((step) => [step.run, step.code])).toEqual(clean.map((step) => [step.run, 0]));
      expect(clean.some((step) => step.run.includes('--since'))).toBe(true);

      // A defect in the June issue: the lint step fails, with annotations on June's lines and nowhere else.
      await writeFiles(cwd, { 'sections/june-2025/foundation.md': '---\nstatus: ready\n---\n* News of the foundation. TODO: the link\n' });
      commitAll(cwd, 'June, with a placeholder');
      const summary = join(await tempDir(), 'summary.md');
      const flawed = await runRecipe(cwd, summary);
      const lint = flawed.find((step) => step.run.includes('lint'))!;
      expect(lint.code).toBe(1);
      const annotations = lint.stdout.trimEnd().split('\n');
      expect(annotations, lint.stdout).toContain(
        '::error file=sections/june-2025/foundation.md,line=4,col=27,endLine=4,endColumn=31,title=placeholder::placeholder "TODO" left in the text; write the real content or remove it.',
      );
      for (const line of annotations) expect(line).toMatch(/^::(error|warning) file=sections\/june-2025\//);
      // The run's page says what failed, and who owes what in the issue.
      const page = await readFile(summary, 'utf8');
      expect(page).toContain('### newsletter lint: 1 error, 0 warnings\n');
      expect(page).toContain('### june-2025: not ready\n');
      expect(page).toContain('| A lead story (`spotlight`) | @aprice | ready | 4 | 0 | 0 |\n');
      // The recipe's two steps (lint, status), run on the clean and on the flawed pull request.
    },
    timeFor({ cliRuns: 2 * 2 }),
  );
});

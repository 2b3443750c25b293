import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse } from 'yaml';
import { timeFor, type Work } from './budget.js';
import { CACHE_HOME, REPO, tempDir } from './workspace.js';

/*
 * The CI workflow a content repository uses as it is (.github/workflows/newsletter.yml, which
 * `init` copies): read, and its `run:` steps run the way GitHub's runner runs them, so that the
 * tests check the file itself and no copy of it.
 */

export const WORKFLOW_FILE = join(REPO, '.github', 'workflows', 'newsletter.yml');

export interface WorkflowStep {
  name?: string;
  id?: string;
  if?: string;
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
  env?: Record<string, string>;
  'timeout-minutes'?: number;
}

export interface WorkflowJob {
  'runs-on': string;
  'timeout-minutes'?: number;
  permissions?: unknown;
  env?: Record<string, string>;
  defaults?: { run?: { shell?: string } };
  steps: WorkflowStep[];
}

export interface Workflow {
  name: string;
  on: Record<string, unknown>;
  permissions?: unknown;
  concurrency?: { group: string; 'cancel-in-progress'?: boolean };
  env?: Record<string, string>;
  jobs: Record<string, WorkflowJob>;
}

export function readWorkflow(text = readFileSync(WORKFLOW_FILE, 'utf8')): Workflow {
  return parse(text) as Workflow;
}

/** The one job of the workflow (a second job would need its own tests). */
export function theJob(workflow: Workflow): WorkflowJob {
  const jobs = Object.values(workflow.jobs);
  if (jobs.length !== 1) throw new Error(`the workflow has ${jobs.length} jobs; the tests know one`);
  return jobs[0]!;
}

export interface StepResult {
  step: WorkflowStep;
  code: number;
  stdout: string;
  stderr: string;
}

export interface PullRequest {
  /** The checkout: a git repository whose origin has the base branch. */
  cwd: string;
  /** The base branch, as GitHub gives it in GITHUB_BASE_REF. */
  base: string;
  /** The job summary's file ($GITHUB_STEP_SUMMARY). */
  summary: string;
  /** Set over the workflow's own (the test's stand-ins for what the runner has, such as a browser). */
  env?: Record<string, string>;
}

/**
 * Runs `steps` (run: steps of the workflow's job) in turn, each as GitHub's runner does with
 * `shell: bash`: a script run by `bash --noprofile --norc -eo pipefail`, in the checkout, with
 * the workflow's, job's and step's env and what earlier steps wrote to $GITHUB_ENV. Every step
 * runs whatever the one before did, as the job's `if: !cancelled()` steps do. `npx newsletter`
 * is this checkout's bin, `bin`.
 */
export async function runSteps(workflow: Workflow, steps: WorkflowStep[], pr: PullRequest, bin: string, work: Work): Promise<StepResult[]> {
  const job = theJob(workflow);
  if (job.defaults?.run?.shell !== 'bash') throw new Error('the job runs its steps with shell: bash, as these tests do');
  const scratch = await tempDir();
  const githubEnv = join(scratch, 'github-env');
  await writeFile(githubEnv, '');
  const results: StepResult[] = [];
  for (const [index, step] of steps.entries()) {
    if (step.run === undefined) throw new Error(`step ${step.name ?? step.uses} has no run:`);
    const script = join(scratch, `step-${index}.sh`);
    await writeFile(script, step.run.replaceAll('npx newsletter', `"${bin}"`));
    const env: Record<string, string | undefined> = {
      PATH: process.env.PATH,
      HOME: pr.cwd,
      CI: 'true',
      GITHUB_ACTIONS: 'true',
      GITHUB_BASE_REF: pr.base,
      GITHUB_WORKSPACE: pr.cwd,
      GITHUB_STEP_SUMMARY: pr.summary,
      GITHUB_ENV: githubEnv,
      XDG_CACHE_HOME: CACHE_HOME,
      // As the runner does: what a step wrote to $GITHUB_ENV does not override a name the workflow sets.
      ...parseGithubEnv(await readFile(githubEnv, 'utf8')),
      ...workflow.env,
      ...job.env,
      ...step.env,
      ...pr.env,
    };
    results.push(
      await new Promise<StepResult>((resolve) => {
        execFile('bash', ['--noprofile', '--norc', '-eo', 'pipefail', script], { cwd: pr.cwd, env, timeout: timeFor(work) }, (error, stdout, stderr) =>
          resolve({ step, code: error ? (typeof error.code === 'number' ? error.code : -1) : 0, stdout, stderr }),
        );
      }),
    );
  }
  return results;
}

/** $GITHUB_ENV as the workflow writes it: NAME=value lines (the multi-line form is not used). */
function parseGithubEnv(text: string): Record<string, string> {
  const env: Record<string, string> = {};
  for (const line of text.split('\n').filter((l) => l !== '')) {
    const at = line.indexOf('=');
    if (at < 1) throw new Error(`$GITHUB_ENV line the tests cannot read: ${line}`);
    env[line.slice(0, at)] = line.slice(at + 1);
  }
  return env;
}

/**
 * The words of each `npx newsletter ...` in a shell script, as the shell splits them: quotes
 * removed, variables left as written (`"$issue"` is one word, `$issue`), up to the end of the
 * simple command (`;`, `&`, `|`, a redirection, `)`, a newline or a comment).
 */
export function newsletterCommands(script: string): string[][] {
  const commands: string[][] = [];
  for (let at = script.indexOf('npx newsletter'); at !== -1; at = script.indexOf('npx newsletter', at + 1)) {
    commands.push(shellWords(script.slice(at + 'npx newsletter'.length)));
  }
  return commands;
}

function shellWords(text: string): string[] {
  const words: string[] = [];
  let word: string | undefined;
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!;
    if (char === "'" || char === '"') {
      const end = text.indexOf(char, i + 1);
      if (end === -1) throw new Error(`unclosed ${char} in: ${text}`);
      word = (word ?? '') + text.slice(i + 1, end);
      i = end;
    } else if (char === '\\' && text[i + 1] === '\n') {
      i++;
    } else if (char === '\\') {
      word = (word ?? '') + (text[i + 1] ?? '');
      i++;
    } else if (char === ' ' || char === '\t') {
      if (word !== undefined) words.push(word);
      word = undefined;
    } else if (';&|<>()\n'.includes(char) || (char === '#' && word === undefined)) {
      break;
    } else {
      word = (word ?? '') + char;
    }
  }
  if (word !== undefined) words.push(word);
  return words;
}

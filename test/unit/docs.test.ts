import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { withRuleTable } from '../../src/lint/docs.js';
import { RULES } from '../../src/lint/index.js';
import { cliParseError } from '../helpers/cli-words.js';
import { newsletterCommands } from '../helpers/workflow.js';
import { REPO } from '../helpers/workspace.js';
import { COMMANDS } from '../../src/command-list.js';
import { withCommandTable, withSynopses } from '../../src/ui/command-docs.js';

it("the README's list of commands is the commands' (npm run docs writes it)", () => {
  const readme = readFileSync(join(REPO, 'README.md'), 'utf8');
  expect(readme).toBe(withCommandTable(readme, COMMANDS));
});

it('docs/commands.md heads each command with the synopsis its flags make (npm run docs writes them)', () => {
  const doc = readFileSync(join(REPO, 'docs', 'commands.md'), 'utf8');
  expect(doc).toBe(withSynopses(doc, COMMANDS));
});

it("docs/rules.md's rule table is the registry's (npm run docs writes it)", () => {
  const doc = readFileSync(join(REPO, 'docs', 'rules.md'), 'utf8');
  expect(doc).toBe(withRuleTable(doc, RULES));
});

it('shows readers only command lines the CLI takes, in the README and docs/ (read by commander from the commands, nothing run)', () => {
  const files = [
    'README.md',
    ...readdirSync(join(REPO, 'docs'))
      .filter((name) => name.endsWith('.md'))
      .map((name) => join('docs', name)),
  ];
  const lines = files.flatMap((file) =>
    [...readFileSync(join(REPO, file), 'utf8').matchAll(/```(?:sh|bash|console)\n([\s\S]*?)```/g)].flatMap((block) =>
      block[1]!
        .split('\n')
        // A comment is prose; a command is `newsletter ...` at a line's start, after `npx`, or in `$(...)`.
        .map((line) => line.replace(/(^|\s)#.*$/, '').replace(/(^|[;&|(]\s*|\$\()newsletter /g, '$1npx newsletter '))
        .flatMap((line) => newsletterCommands(line).map((words) => ({ file, line: line.trim(), words }))),
    ),
  );
  expect(lines.length).toBeGreaterThan(10);
  const refused = lines.map(({ file, line, words }) => [file, line, cliParseError(words)]).filter(([, , error]) => error !== undefined);
  expect(refused).toEqual([]);
});

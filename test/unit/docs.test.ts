import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { withRuleTable } from '../../src/lint/docs.js';
import { RULES } from '../../src/lint/index.js';
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

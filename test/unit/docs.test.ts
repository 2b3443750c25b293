import { withCommandTable } from '../../src/command-table.js';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { withRuleTable } from '../../src/lint/docs.js';
import { RULES } from '../../src/lint/index.js';
import { REPO } from '../helpers/workspace.js';

it('the README\'s list of commands is the command table\'s (npm run docs writes it)', () => {
  const readme = readFileSync(join(REPO, 'README.md'), 'utf8');
  expect(readme).toBe(withCommandTable(readme));
});

it('the README\'s rule table is the registry\'s (npm run docs writes it)', () => {
  const readme = readFileSync(join(REPO, 'README.md'), 'utf8');
  expect(readme).toBe(withRuleTable(readme, RULES));
});

#!/usr/bin/env node
// npm run docs: writes docs/rules.md's rule table again from the rules' own descriptions, options
// and default severities (src/lint/rules/*.ts, compiled to lib/), the README's list of commands
// and docs/commands.md's synopses from the commands' declarations (src/commands/*.ts).
// test/unit/docs.test.ts fails when the docs and the code differ.
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { withRuleTable } from '../lib/lint/docs.js';
import { RULES } from '../lib/lint/index.js';
import { COMMANDS } from '../lib/command-list.js';
import { withCommandTable, withSynopses } from '../lib/ui/command-docs.js';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const readme = join(root, 'README.md');
writeFileSync(readme, withCommandTable(readFileSync(readme, 'utf8'), COMMANDS));
const rulesDoc = join(root, 'docs', 'rules.md');
writeFileSync(rulesDoc, withRuleTable(readFileSync(rulesDoc, 'utf8'), RULES));
const commandsDoc = join(root, 'docs', 'commands.md');
writeFileSync(commandsDoc, withSynopses(readFileSync(commandsDoc, 'utf8'), COMMANDS));

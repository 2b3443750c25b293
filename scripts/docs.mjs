#!/usr/bin/env node
// npm run docs: writes the README's rule table again from the rules' own descriptions, options
// and default severities (src/lint/rules/*.ts, compiled to lib/). test/unit/docs.test.ts fails
// when the README and the rules differ.
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { withRuleTable } from '../lib/lint/docs.js';
import { RULES } from '../lib/lint/index.js';
import { withCommandTable } from '../lib/command-table.js';

const readme = join(dirname(dirname(fileURLToPath(import.meta.url))), 'README.md');
writeFileSync(readme, withCommandTable(withRuleTable(readFileSync(readme, 'utf8'), RULES)));

#!/usr/bin/env node
// Writes src/lint/rules/index.ts, the registry of rules, from the files of src/lint/rules/: a
// rule is added by adding its file (npm run compile runs this first). Each file exports one
// rule, made with defineRule, under its id in camelCase (brand-name.ts: brandName).
// test/unit/lint-rules.test.ts fails when the index and the folder differ.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const RULES_DIR = join(dirname(dirname(fileURLToPath(import.meta.url))), 'src', 'lint', 'rules');
export const INDEX = join(RULES_DIR, 'index.ts');

/** The index's text for the rule files of `dir`, in the order of their ids. */
export function ruleIndex(dir = RULES_DIR) {
  const ids = readdirSync(dir)
    .filter((name) => /^[a-z0-9-]+\.ts$/.test(name) && name !== 'index.ts')
    .map((name) => name.slice(0, -3))
    .sort();
  const names = ids.map((id) => id.replace(/-([a-z0-9])/g, (_, c) => c.toUpperCase()));
  return [
    '// Made by scripts/rule-index.mjs from the files of this folder (npm run compile): do not edit.',
    ...ids.map((id, i) => `import { ${names[i]} } from './${id}.js';`),
    "import type { Rule } from '../rule.js';",
    '',
    '/** Every rule, by the id that configs and inline comments name, in the order of their ids. */',
    `export const RULES: readonly Rule[] = [${names.join(', ')}];`,
    '',
  ].join('\n');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const text = ruleIndex();
  let before = '';
  try {
    before = readFileSync(INDEX, 'utf8');
  } catch {
    // Not written yet.
  }
  if (text !== before) writeFileSync(INDEX, text);
}

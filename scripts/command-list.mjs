#!/usr/bin/env node
// Writes src/command-list.ts, the list of the CLI's commands: every module of src/commands/
// that declares one (`export default defineCommand(`), each with its printer,
// src/ui/print-<name>.ts. So adding a command is writing its module and its printer; this list
// follows (`npm run compile` writes it first; test/unit/command-list.test.ts fails when it lags).
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const src = join(dirname(dirname(fileURLToPath(import.meta.url))), 'src');

/** The text of src/command-list.ts for the modules of `src` (a folder holding commands/ and ui/). */
export function commandListSource(src) {
  const modules = readdirSync(join(src, 'commands'))
    .filter((file) => file.endsWith('.ts'))
    .filter((file) => readFileSync(join(src, 'commands', file), 'utf8').includes('\nexport default defineCommand('))
    .map((file) => file.slice(0, -3))
    .sort();
  const printers = new Set(readdirSync(join(src, 'ui')));
  const missing = modules.filter((name) => !printers.has(`print-${name}.ts`));
  if (missing.length > 0) throw new Error(`a command without its printer: ${missing.map((name) => `src/ui/print-${name}.ts`).join(', ')}`);
  const id = (name) => `${name.replace(/-([a-z])/g, (_, c) => c.toUpperCase())}Command`;
  return `// Made by scripts/command-list.mjs (npm run compile) from src/commands/ and src/ui/: do not edit.
/*
 * Every command of the CLI, each with its printer, in the order --help lists them: cli.ts makes
 * commander's commands from it, and the bin's sh, the snapshot's build, completion and the docs
 * read it. A command's module is small (its declaration); its work and its printer load when it runs.
 */
${modules.map((name) => `import ${id(name)} from './commands/${name}.js';`).join('\n')}
import { listed, type ListedCommand } from './commands/spec.js';

export const COMMAND_LIST: readonly ListedCommand[] = [
${modules.map((name) => `  listed(${id(name)}, () => import('./ui/print-${name}.js')),`).join('\n')}
].sort((a, b) => a.command.order - b.command.order);

export const COMMANDS = COMMAND_LIST.map((entry) => entry.command);
`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const file = join(src, 'command-list.ts');
  const wanted = commandListSource(src);
  let text = '';
  try {
    text = readFileSync(file, 'utf8');
  } catch {}
  if (text !== wanted) writeFileSync(file, wanted);
}

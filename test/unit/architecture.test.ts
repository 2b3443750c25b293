import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO } from '../helpers/workspace.js';

/*
 * The layers docs/development.md's picture of the code shows, held by the imports themselves:
 *
 *   bin.ts -> cli.ts -> commands/ -> pipeline.ts -> lint/ -> core/
 *                   \-> ui/                      \-> io/  -> core/
 *
 * core/ is pure (no disk, no process, no colour); io/ is the only code that touches the disk or
 * MJML and knows nothing of lint or ui; exit codes live at the edge (bin.ts, cli.ts) alone.
 */
const SRC = join(REPO, 'src');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory() ? sourceFiles(path) : entry.name.endsWith('.ts') ? [path] : [];
  });
}

const files = sourceFiles(SRC).map((path) => relative(SRC, path).split('\\').join('/'));
const imports = new Map(
  files.map((file) => {
    const text = readFileSync(join(SRC, file), 'utf8');
    const specifiers = [...text.matchAll(/(?:from|import\()\s*'([^']+)'/g)].map((m) => m[1]!);
    const local = specifiers.filter((s) => s.startsWith('.')).map((s) => join(dirname(file), s).split('\\').join('/').replace(/\.js$/, '.ts'));
    return [file, { local, external: specifiers.filter((s) => !s.startsWith('.')), text }];
  }),
);

const layerOf = (file: string): string => (file.includes('/') ? file.split('/')[0]! : file.replace(/\.ts$/, ''));

/** What each layer may import (besides itself): every file of src/ is in one of them. */
const ALLOWED: Record<string, string[]> = {
  errors: [],
  context: [],
  paths: [],
  'exit-codes': ['errors'],
  core: ['errors'],
  lint: ['core', 'errors'],
  io: ['core', 'errors', 'paths'],
  // The pipeline says which issue it took to the context's Writer (a type: context.ts imports nothing).
  pipeline: ['core', 'io', 'lint', 'errors', 'context'],
  // Each command's work: reads through io/, computes with core/ and the pipeline, returns data.
  actions: ['core', 'io', 'lint', 'pipeline', 'errors', 'context'],
  // Each command's declaration and run, which loads its work from actions/ on first use.
  commands: ['actions', 'core', 'io', 'errors', 'context'],
  ui: ['core', 'lint', 'actions', 'commands', 'errors', 'context'],
  // The list of the commands, each with its printer (made by scripts/command-list.mjs).
  'command-list': ['commands', 'ui'],
  cli: ['command-list', 'commands', 'ui', 'context', 'errors', 'exit-codes', 'paths'],
  bin: ['cli', 'command-list', 'ui', 'exit-codes'],
  // The startup snapshot's entry: warms the pipeline up, then runs the bin.
  snapshot: ['bin', 'core', 'paths', 'pipeline'],
};

describe('the layers', () => {
  it('place every file of src/ in a layer', () => {
    expect(files.filter((file) => !(layerOf(file) in ALLOWED))).toEqual([]);
  });

  it.each(Object.entries(ALLOWED))('%s imports only what is below it', (layer, allowed) => {
    const wrong = [...imports]
      .filter(([file]) => layerOf(file) === layer)
      .flatMap(([file, { local }]) =>
        local.filter((target) => layerOf(target) !== layer && !allowed.includes(layerOf(target))).map((target) => `${file} -> ${target}`),
      );
    expect(wrong).toEqual([]);
  });

  it("keeps a command's module light: its work (actions/) loads when it runs, so a command costs the others' start nothing", () => {
    const heavy = [...imports]
      .filter(([file]) => layerOf(file) === 'commands')
      .flatMap(([file, { text }]) =>
        [...text.matchAll(/^import (?!type )[^;]*?from '([^']+)'/gm)]
          .map((m) => m[1]!)
          .filter((s) => !/^(?:\.\/[a-z-]+|\.\.\/actions\/formats|\.\.\/errors|commander)\.js$|^commander$/.test(s))
          .map((s) => `${file} -> ${s}`),
      );
    expect(heavy).toEqual([]);
  });

  it('keeps core pure: no disk, no process, no colour', () => {
    const impure = [...imports]
      .filter(([file]) => layerOf(file) === 'core')
      .filter(
        ([, { external, text }]) => external.some((s) => /^node:(fs|child_process|os)|^chalk$/.test(s)) || /\bprocess\.(?!env\b)|\bprocess\.env\b/.test(text),
      )
      .map(([file]) => file);
    expect(impure).toEqual([]);
  });

  it('leaves the disk to io/: no command, lint rule or pipeline reads or writes a file itself', () => {
    const touching = [...imports]
      .filter(([file]) => ['commands', 'lint', 'pipeline', 'core'].includes(layerOf(file)))
      .filter(([, { external }]) => external.some((s) => /^node:fs/.test(s)))
      .map(([file]) => file);
    expect(touching).toEqual([]);
  });

  it('decides exit codes at the edge only', () => {
    const users = [...imports]
      .filter(([, { local }]) => local.includes('exit-codes.ts'))
      .map(([file]) => file)
      .sort();
    expect(users).toEqual(['bin.ts', 'cli.ts']);
  });

  it('has no import cycle, not even through types', () => {
    const cycles: string[] = [];
    const state = new Map<string, 'open' | 'done'>();
    const walk = (file: string, path: string[]): void => {
      if (state.get(file) === 'done') return;
      if (state.get(file) === 'open') {
        cycles.push([...path.slice(path.indexOf(file)), file].join(' -> '));
        return;
      }
      state.set(file, 'open');
      for (const target of imports.get(file)?.local ?? []) walk(target, [...path, file]);
      state.set(file, 'done');
    };
    for (const file of files) walk(file, []);
    expect(cycles).toEqual([]);
  });
});

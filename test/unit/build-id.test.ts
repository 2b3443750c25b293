import { mkdirSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { computeBuildId, currentBuildId } from '../../src/io/build-id.js';
import { tempDir } from '../helpers/workspace.js';

it("is lib/build-id as compile wrote it, until a module of lib/ changes after it: then that code's own", async () => {
  const root = await tempDir();
  mkdirSync(join(root, 'lib', 'core'), { recursive: true });
  writeFileSync(join(root, 'package.json'), '{"name":"newsletter"}');
  writeFileSync(join(root, 'lib', 'core', 'a.js'), 'export const a = 1;\n');
  const compiled = computeBuildId(root);
  writeFileSync(join(root, 'lib', 'build-id'), `${compiled}\n`);
  const past = new Date('2020-01-01T00:00:00Z');
  utimesSync(join(root, 'lib', 'core', 'a.js'), past, past);
  expect(currentBuildId(root)).toBe(compiled);
  // tsc writes the module again, with other code: lint's cache must not serve the old build's results.
  writeFileSync(join(root, 'lib', 'core', 'a.js'), 'export const a = 2;\n');
  expect(currentBuildId(root)).toBe(computeBuildId(root));
  expect(currentBuildId(root)).not.toBe(compiled);
  expect(currentBuildId(join(root, 'nowhere'))).toBeUndefined();
});

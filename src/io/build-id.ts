import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

/*
 * The CLI's build: a hash of its compiled code (lib/**\/*.js) and of the packages installed
 * beside it. `npm run compile` writes it to lib/build-id (scripts/build-id.mjs calls this), the
 * startup snapshot's stamp carries it, and lint's cache keys on it, so that results or a
 * snapshot made by one build are never used by another.
 */

/** The compiled modules of `lib`, sorted. */
function compiledModules(lib: string): string[] {
  return readdirSync(lib, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.js'))
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
}

/** The build id of the package at `root` (its lib/ and installed packages), computed from the files. */
export function computeBuildId(root: string): string {
  const lib = join(root, 'lib');
  const hash = createHash('sha256');
  for (const file of compiledModules(lib))
    hash
      .update(`${relative(lib, file)}\0`)
      .update(readFileSync(file))
      .update('\0');
  // What npm installed, versions included; the lock file when npm's own record is missing.
  const installed = [join(root, 'node_modules', '.package-lock.json'), join(root, 'package-lock.json')].find((file) => existsSync(file));
  hash.update(readFileSync(join(root, 'package.json')));
  if (installed) hash.update(readFileSync(installed));
  return hash.digest('hex');
}

/**
 * The build id of the code that runs: lib/build-id as compile wrote it, unless a module of lib/
 * changed after it (a `tsc` or `tsc --watch` without `npm run compile`): then it is computed
 * afresh, so that nothing the old code kept is served for the new. Undefined when unknown.
 */
export function currentBuildId(root: string): string | undefined {
  const file = join(root, 'lib', 'build-id');
  try {
    const written = statSync(file).mtimeMs;
    const stale = compiledModules(join(root, 'lib')).some((module) => statSync(module).mtimeMs > written);
    return stale ? computeBuildId(root) : readFileSync(file, 'utf8').trim() || undefined;
  } catch {
    return undefined;
  }
}

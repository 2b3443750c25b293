import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO = fileURLToPath(new URL('../../', import.meta.url));

/** The newest modification time of the files under a folder. */
function newest(dir: string): { file: string; mtimeMs: number } {
  let found = { file: dir, mtimeMs: 0 };
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const file = join(entry.parentPath, entry.name);
    const { mtimeMs } = statSync(file);
    if (mtimeMs > found.mtimeMs) found = { file, mtimeMs };
  }
  return found;
}

/**
 * Throws when lib/ was never compiled, or is older than src/. A test file that runs lib/ (the bin,
 * the startup snapshot, a compiled module) tests src/ only while lib/ is src/ compiled: after an edit
 * of src/ it stops here, rather than test the old code through the bin and the new in-process.
 * Tests that import src/ alone never call it, so they run before any `npm run compile`.
 */
export function assertCompiled(): void {
  let compiled: number;
  try {
    compiled = statSync(join(REPO, 'lib', 'build-id')).mtimeMs;
  } catch {
    throw new Error('lib/ has not been compiled: run npm run compile (npm test does it first).');
  }
  const source = newest(join(REPO, 'src'));
  if (source.mtimeMs > compiled) {
    throw new Error(`lib/ is older than ${source.file.slice(REPO.length)}: run npm run compile (npm test does it first), then the tests again.`);
  }
}

import { lstatSync } from 'node:fs';
import { join } from 'node:path';
import { createTwoFilesPatch, FILE_HEADERS_ONLY } from 'diff';
import type { Diagnostic } from '../core/diagnostic.js';
import { applyFixes, type Fix } from '../core/fixes.js';
import { readFileBytes, resolveWithin, writeFilesAtomically } from './files.js';

/** What `--fix` changed, or `--fix-dry-run` would: how many problems, in which files, as a unified diff. */
export interface FixReport {
  files: { file: string; fixed: number }[];
  fixed: number;
  /** The change as a patch (`git apply` takes it), the workspace's paths prefixed a/ and b/. */
  diff: string;
  written: boolean;
}

/**
 * Applies the fixes to their files, one write per file, all files together or none (or, for a
 * dry run, only computes the change). A file is read afresh: a fix whose text is no longer where
 * its rule saw it is left out, so an edit made meanwhile is never overwritten. A file that has
 * become a link out of the workspace (or into a hidden place) since lint read it is refused, and
 * the write goes to the very file that was read, keeping its mode, with its folder checked again
 * as it is written (see writeFilesAtomically's `within`).
 */
export async function fixFiles(root: string, diagnostics: Diagnostic[], write: boolean): Promise<FixReport> {
  const byFile = new Map<string, Fix[]>();
  for (const d of diagnostics) byFile.set(d.file, [...(byFile.get(d.file) ?? []), d.fix!]);
  const changed: { file: string; path: string; mode: number; before: string; after: string; fixed: number }[] = [];
  for (const [file, fixes] of [...byFile].sort(([a], [b]) => (a < b ? -1 : 1))) {
    let path: string;
    try {
      path = resolveWithin(root, join(root, file), file);
    } catch (error) {
      // Gone (or moved) since lint read it: nothing of it to fix. A link out is refused, as lint refuses one.
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') continue;
      throw error;
    }
    const { mode } = lstatSync(path);
    // Read through the resolved path, never following a link swapped in since (O_NOFOLLOW).
    const before = readFileBytes(path, file, { within: root }).toString('utf8');
    const { text, applied } = applyFixes(before, fixes);
    if (applied.length > 0 && text !== before) changed.push({ file, path, mode, before, after: text, fixed: applied.length });
  }
  const diff = changed
    .map(({ file, before, after }) => createTwoFilesPatch(`a/${file}`, `b/${file}`, before, after, undefined, undefined, { headerOptions: FILE_HEADERS_ONLY }))
    .join('');
  if (write && changed.length > 0)
    await writeFilesAtomically(
      changed.map(({ path, mode, after }) => ({ path, content: after, mode })),
      { within: root },
    );
  return {
    files: changed.map(({ file, fixed }) => ({ file, fixed })),
    fixed: changed.reduce((n, c) => n + c.fixed, 0),
    diff,
    written: write && changed.length > 0,
  };
}

import { lstatSync, readdirSync, rmdirSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { CliError, usageError } from '../errors.js';
import { readFileIfThere, removeFile, writeFilesAtomically } from './files.js';

/*
 * The folder a static export goes to (preview --export): written only when it is new, empty or
 * a previous export, and then only the export's own files are replaced, all together or none.
 */

/** The list of what an export wrote, in its folder: how the next export knows the folder is one, and what of it is its own. */
export const EXPORT_MANIFEST = '.newsletter-export';
const MANIFEST_HEAD = '# newsletter preview --export: the files below are the export of this folder; the next export replaces them.\n';

/** A file of an export: its path inside the folder, with `/`, and its content. */
export interface ExportFile {
  path: string;
  content: string | Uint8Array;
}

/**
 * What a folder holds of a previous export (its files, by relative path), or an empty list for a
 * folder that is not there or is empty. Anything else is refused, exit 2, before anything is
 * written: a folder of someone's work is never written into.
 */
export function readExportFolder(folder: string, shown: string): string[] {
  let entries: string[];
  try {
    if (!lstatSync(folder).isDirectory()) throw usageError(`${shown} is not a folder: nothing was written.`);
    entries = readdirSync(folder);
  } catch (error) {
    if (error instanceof CliError) throw error;
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw usageError(`${shown} cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'}): nothing was written.`);
  }
  if (entries.length === 0) return [];
  const manifest = readFileIfThere(join(folder, EXPORT_MANIFEST))?.toString('utf8');
  if (manifest === undefined || !manifest.startsWith(MANIFEST_HEAD)) {
    // One line, no hint: what to do is in it (a new or empty folder; a previous export is replaced).
    throw usageError(`${shown} is not empty and holds no previous preview export: nothing was written.`);
  }
  // Only names inside the folder count: a manifest edited to name ../something removes nothing outside.
  return manifest
    .slice(MANIFEST_HEAD.length)
    .split('\n')
    .filter((path) => path !== '' && isInside(path));
}

/**
 * Writes an export's files into its folder all together or not at all (a failure leaves the
 * previous export as it was), its manifest with them, then removes what the previous export
 * wrote and this one does not. A file of the folder the previous export did not write is never
 * replaced: that is refused first.
 */
export async function writeExportFolder(folder: string, shown: string, files: ExportFile[], previous: readonly string[]): Promise<void> {
  const own = new Set(previous);
  // The folder may come from a checkout (dist/ of a pull request): a subfolder that is a link
  // would take the export's writes and removals outside it.
  for (const path of [...files.map((file) => file.path), ...previous]) {
    const link = linkedFolder(folder, path);
    if (link) throw usageError(`${shown}/${link} is a link, so the export would write outside ${shown}: nothing was written.`);
  }
  for (const file of files) {
    if (!own.has(file.path) && readFileIfThere(join(folder, file.path)) !== undefined) {
      throw usageError(`${shown}/${file.path} is not a file the previous export wrote: nothing was written.`);
    }
  }
  const paths = [...files.map((file) => file.path), EXPORT_MANIFEST].sort();
  const manifest = `${MANIFEST_HEAD}${paths.filter((path) => path !== EXPORT_MANIFEST).join('\n')}\n`;
  await writeFilesAtomically(
    [...files, { path: EXPORT_MANIFEST, content: manifest }].map((file) => ({ path: join(folder, file.path), content: file.content })),
  );
  const written = new Set(paths);
  for (const stale of previous.filter((path) => !written.has(path))) {
    removeFile(join(folder, stale));
    removeEmptyFolders(folder, dirname(join(folder, stale)));
  }
}

/** The first folder on `path`'s way, below `folder`, that is a symbolic link (relative, with /), if any. */
function linkedFolder(folder: string, path: string): string | undefined {
  const parts = path.split('/').slice(0, -1);
  for (let i = 1; i <= parts.length; i++) {
    const at = parts.slice(0, i).join('/');
    try {
      if (lstatSync(join(folder, at)).isSymbolicLink()) return at;
    } catch {
      return undefined; // not there yet: nothing below it is either
    }
  }
  return undefined;
}

/** A relative path that stays inside its folder. */
function isInside(path: string): boolean {
  return !path.startsWith('/') && !path.includes('\\') && path.split('/').every((part) => part !== '' && part !== '.' && part !== '..');
}

/** The folders from `at` up to (not including) `folder` that a stale file left empty. */
function removeEmptyFolders(folder: string, at: string): void {
  for (let dir = at; relative(folder, dir) !== '' && !relative(folder, dir).startsWith(`..${sep}`); dir = dirname(dir)) {
    try {
      rmdirSync(dir);
    } catch {
      return;
    }
  }
}

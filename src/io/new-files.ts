import { lstatSync, mkdirSync, rmdirSync, unlinkSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { CliError, usageError } from '../errors.js';
import { describeFsError, isDirectory } from './files.js';

/**
 * Writes files that must not exist yet, all of them or none: any that stands there already (a
 * file, a folder or a link of that name) refuses the whole set before anything is written, and
 * a write that fails takes back what was written and the folders made for it. `files`: paths
 * relative to `dir`, with `/`; `dir` is made when missing. `shown`: dir as the user named it.
 * `keptIfThere`: files that, when one stands there already, are left as they are, neither
 * replaced nor refused. Returns the paths written.
 */
export function writeNewFiles(
  dir: string,
  shown: string,
  files: Map<string, string>,
  alsoRefused: readonly string[] = [],
  keptIfThere: ReadonlySet<string> = new Set(),
): string[] {
  const target = resolve(dir);
  if (isTaken(target) && !isDirectory(target))
    throw usageError(`${shown} is a file, not a folder.`, 'Give init a folder: a new one, or one without these files.');
  const kept = new Set([...keptIfThere].filter((path) => files.has(path) && isTaken(join(target, path))));
  const taken = [...alsoRefused, ...files.keys()].filter((path) => !kept.has(path) && isTaken(join(target, path)));
  if (taken.length > 0) {
    const named = taken.map((path) => join(shown, path).split(sep).join('/'));
    throw new CliError(`${named.join(', ')} already ${taken.length === 1 ? 'exists' : 'exist'}; nothing was written.`, {
      hint: 'init never replaces a file: move those away, or give init a new folder.',
    });
  }
  const madeFolders: string[] = [];
  const written: string[] = [];
  try {
    makeFolders(target, madeFolders);
    for (const [path, content] of files) {
      if (kept.has(path)) continue;
      const file = join(target, path);
      makeFolders(dirname(file), madeFolders);
      // wx: a file that appeared since the check above is refused, never replaced.
      writeFileSync(file, content, { flag: 'wx' });
      written.push(file);
    }
  } catch (error) {
    for (const file of written.reverse()) unlinkSync(file);
    for (const folder of madeFolders.reverse()) rmdirSync(folder);
    const at = (error as NodeJS.ErrnoException).path;
    const where = at ? join(shown, relative(target, at)).split(sep).join('/') : shown;
    throw new CliError(`cannot write ${where}: ${describeFsError(error)}; nothing was written.`, {
      kind: 'usage',
      hint: 'Give init a folder you can write to.',
    });
  }
  return [...files.keys()].filter((path) => !kept.has(path));
}

/** Whether a name is in use: by a file, a folder or a link (even one that leads nowhere), or a file stands where a folder of its path would go. */
function isTaken(path: string): boolean {
  try {
    lstatSync(path);
    return true;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return false;
    if (code === 'ENOTDIR') return true;
    throw error;
  }
}

/** mkdir -p that records each folder it made, so that they can be taken back; at most as deep as the path. */
function makeFolders(folder: string, made: string[]): void {
  const missing: string[] = [];
  for (let at = folder; !isTaken(at); at = dirname(at)) {
    if (dirname(at) === at || missing.length > 256) break;
    missing.unshift(at);
  }
  for (const at of missing) {
    mkdirSync(at);
    made.push(at);
  }
}

import { appendFile } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import {
  chmodSync,
  closeSync,
  constants,
  fstatSync,
  linkSync,
  lstatSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  readSync,
  realpathSync,
  renameSync,
  rmSync,
  statSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, sep } from 'node:path';
import { CliError } from '../errors.js';
import { LIMITS } from '../core/limits.js';
import { firstInvalidUtf8 } from '../core/utf8.js';

export interface ReadOptions {
  /** Refuse a file larger than this many bytes, before reading it. */
  maxBytes?: number;
  /**
   * The workspace the file belongs to: a path that resolves (through symbolic links) outside
   * it is refused, so that a link in a pull request never makes the CLI read another file.
   */
  within?: string;
}

/**
 * The bytes of a regular file, with readTextFile's refusals (a link out of the workspace, a
 * folder, a device or pipe, a file over the size limit, checked before reading).
 */
export function readFileBytes(absolute: string, shown: string, options: ReadOptions = {}): Buffer {
  return readBytes(absolute, shown, options, false).bytes;
}

/**
 * The first `maxBytes` bytes of a regular file, with readFileBytes' refusals but for the size: a
 * file longer than that is read no further (`truncated`), for a reader that needs only its start
 * (the front matter of a site's post whose body holds an inlined image).
 */
export function readFileHead(absolute: string, shown: string, options: ReadOptions = {}): { bytes: Buffer; truncated: boolean } {
  return readBytes(absolute, shown, options, true);
}

function readBytes(absolute: string, shown: string, options: ReadOptions, headOnly: boolean): { bytes: Buffer; truncated: boolean } {
  const maxBytes = options.maxBytes ?? LIMITS.fragmentBytes;
  let fd: number;
  try {
    const path = options.within ? resolveWithin(options.within, absolute, shown) : absolute;
    // O_NONBLOCK: opening a FIFO must not wait for a writer; O_NOFOLLOW: the path was resolved above.
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK | (options.within ? constants.O_NOFOLLOW : 0));
  } catch (error) {
    throw readError(error, shown);
  }
  let bytes: Buffer;
  let truncated = false;
  try {
    const info = fstatSync(fd);
    if (info.isDirectory()) throw new CliError('cannot be read: it is a folder.', { file: shown, hint: 'Rename the folder, or remove it.' });
    if (!info.isFile()) {
      throw new CliError('this is not a regular file (a device, pipe or socket); only regular files are read.', {
        file: shown,
        hint: 'Replace it with a plain text file, or remove it.',
      });
    }
    if (info.size > maxBytes && !headOnly) throw tooLarge(info.size, maxBytes, shown);
    truncated = info.size > maxBytes;
    bytes = Buffer.alloc(Math.min(info.size, maxBytes));
    let filled = 0;
    while (filled < bytes.length) {
      const read = readSync(fd, bytes, filled, bytes.length - filled, filled);
      if (read === 0) break;
      filled += read;
    }
    bytes = bytes.subarray(0, filled);
  } finally {
    closeSync(fd);
  }
  return { bytes, truncated };
}

/**
 * Reads a text file a person wrote. Refuses, each with one line naming the file: a link out of
 * the workspace, anything that is not a regular file (a FIFO would block, /dev/zero never ends),
 * a file over the size limit (checked before reading), binary content and invalid UTF-8 (with
 * the line of the first bad byte). Returns the text with LF line ends and no byte order mark.
 */
export async function readTextFile(absolute: string, shown: string, options: ReadOptions = {}): Promise<string> {
  const bytes = readFileBytes(absolute, shown, options);
  if (bytes.includes(0)) {
    throw new CliError('this is a binary file, not Markdown.', { file: shown, hint: 'Save it as UTF-8 text, or move it out of the sections folder.' });
  }
  const bad = firstInvalidUtf8(bytes);
  if (bad !== -1) {
    throw new CliError('this file is not valid UTF-8 text.', { file: shown, line: lineAt(bytes, bad), hint: 'Save it again as UTF-8 in your editor.' });
  }
  // Editors on Windows write a byte order mark and CRLF; the parsers want neither.
  return bytes
    .toString('utf8')
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?/g, '\n');
}

/** A file that is not there stays an ENOENT (callers decide what missing means); the rest are CliErrors. */
function readError(error: unknown, shown: string): unknown {
  const code = (error as NodeJS.ErrnoException).code;
  if (error instanceof CliError || code === 'ENOENT') return error;
  const reason = code === 'EISDIR' ? 'it is a folder' : code === 'ELOOP' ? 'it is a link that loops or cannot be followed' : describeFsError(error);
  return new CliError(`cannot be read: ${reason}.`, { file: shown, hint: 'Make it a plain text file you can read, or remove it.' });
}

function tooLarge(size: number, max: number, shown: string): CliError {
  return new CliError(`this file is ${(size / 1024).toFixed(0)} KB; a newsletter file is a few KB, and at most ${(max / 1024).toFixed(0)} KB is read.`, {
    file: shown,
    hint: 'Check what was pasted into it, and move data or logs out of the sections folder.',
  });
}

function lineAt(bytes: Buffer, offset: number): number {
  let line = 1;
  for (let i = bytes.indexOf(0x0a); i !== -1 && i < offset; i = bytes.indexOf(0x0a, i + 1)) line++;
  return line;
}

/**
 * The real path of `absolute`, refused when it leaves `root` or leads into a hidden file or
 * folder inside it. Symbolic links are followed only while they stay inside the workspace and
 * out of hidden places: one rule for fragments, issue folders, images, templates and config alike.
 */
export function resolveWithin(root: string, absolute: string, shown: string): string {
  const realRoot = realpathSync(root);
  const real = realpathSync(absolute);
  const rel = relative(realRoot, real);
  if (rel === '..' || rel.startsWith(`..${sep}`) || rel === real) {
    throw new CliError('this is a link that leads outside the workspace; links are followed only within it.', {
      file: shown,
      hint: 'Copy what it links to into the workspace instead.',
    });
  }
  // Hidden files and folders (.env, .git/config, .npmrc) hold secrets and tools' state: no path leads into one.
  if (rel.split(sep).some((part) => part.startsWith('.'))) {
    throw new CliError('this leads into a hidden file or folder, where secrets are kept; nothing is read from one.', {
      file: shown,
      hint: 'Copy what it should hold into a file of its own in the workspace, not hidden.',
    });
  }
  return real;
}

/**
 * Where writing `path` would really put a file: the real path of its deepest part that exists
 * (every link on the way followed), then the rest as named. Refused, with exit 2 and before
 * anything is written, when that is not inside the real `root`: a folder of the site checkout
 * that is a link to elsewhere is never written through. `what` names the setting for the message.
 */
export function realPathForWriting(root: string, path: string, what: string): string {
  const realRoot = realpathSync(root);
  const rest: string[] = [];
  let existing = path;
  for (;;) {
    try {
      existing = realpathSync(existing);
      break;
    } catch {
      const parent = dirname(existing);
      if (parent === existing) break;
      rest.unshift(basename(existing));
      existing = parent;
    }
  }
  const real = join(existing, ...rest);
  const rel = relative(realRoot, real);
  if (rel === '' || rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel)) {
    throw new CliError(`${what} leads outside the site checkout ${root}, to ${real}; nothing was written.`, {
      kind: 'usage',
      hint: 'Make it a folder inside the checkout (not a link to another place), or fix siteLayout in the config.',
    });
  }
  return real;
}

/** The bytes of a file, or undefined when there is none to read (a published post not there yet). */
export function readFileIfThere(path: string): Buffer | undefined {
  try {
    return readFileSync(path);
  } catch {
    return undefined;
  }
}

/**
 * mkdir -p that always ends: Node's recursive mkdir loops forever on some paths (under /proc,
 * or through a dangling link). Walks up at most as far as the path is deep.
 */
export function makeDirectory(path: string, depth = 0): void {
  try {
    mkdirSync(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') {
      if (isDirectory(path)) return;
      throw Object.assign(new Error(`${path} is not a folder`), { code: 'ENOTDIR', path });
    }
    const parent = dirname(path);
    if (code !== 'ENOENT' || parent === path || depth > 256) throw error;
    makeDirectory(parent, depth + 1);
    mkdirSync(path);
  }
}

export function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

export interface OutputFile {
  path: string;
  /** Text (written as UTF-8) or bytes (an image). */
  content: string | Uint8Array;
  /** The file's mode, when it replaces one whose mode it keeps (lint --fix); else the umask's. */
  mode?: number;
}

/** Our own temporary files: `.newsletter-<pid>-<random>.tmp` (new content) or `.bak` (old). */
const OWN_TEMP = /^\.newsletter-(\d+)-[0-9a-f]{12}\.(?:tmp|bak)$/;

/**
 * Replaces a set of files all together or not at all. Each file is written to a temporary
 * sibling; each file it replaces is kept by a hard link until every rename has succeeded, and
 * put back if one fails. Temporary files that a killed run left behind are removed first.
 * `within`: each path is a real path inside this workspace (lint --fix), checked again just
 * before it is written and replaced, so that a folder swapped for a link meanwhile is refused.
 */
export async function writeFilesAtomically(files: OutputFile[], options: { within?: string } = {}): Promise<void> {
  const stillWithin = (folder: string, file: string) => {
    if (options.within) assertRealWithin(options.within, folder, file);
  };
  const staged: { temp: string; path: string; backup: string | undefined; renamed: boolean }[] = [];
  try {
    for (const file of files) stillWithin(dirname(file.path), file.path);
    for (const folder of new Set(files.map((file) => dirname(file.path)))) {
      makeDirectory(folder);
      removeStaleTemporaries(folder);
    }
    for (const file of files) {
      const entry = { temp: tempName(file.path, 'tmp'), path: file.path, backup: undefined as string | undefined, renamed: false };
      staged.push(entry);
      writeFileSync(entry.temp, file.content, { encoding: 'utf8', flag: 'wx' });
      // The umask applies to a mode given at creation; chmod sets it exactly (600 stays 600, 755 stays 755).
      if (file.mode !== undefined) chmodSync(entry.temp, file.mode & 0o7777);
    }
    for (const entry of staged) {
      // A folder where an output goes cannot be replaced (nor linked): say so before anything changes.
      if (isDirectory(entry.path)) throw Object.assign(new Error(`${entry.path} is a folder`), { code: 'EISDIR', path: entry.path });
      const backup = tempName(entry.path, 'bak');
      try {
        linkSync(entry.path, backup);
        entry.backup = backup;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      }
    }
    for (const entry of staged) {
      stillWithin(dirname(entry.path), entry.path);
      renameSync(entry.temp, entry.path);
      entry.renamed = true;
    }
  } catch (error) {
    for (const entry of staged) {
      if (entry.renamed) {
        if (entry.backup) renameSync(entry.backup, entry.path);
        else rmSync(entry.path, { force: true });
      }
      rmSync(entry.temp, { force: true });
      if (entry.backup) rmSync(entry.backup, { force: true });
    }
    throw error instanceof CliError ? error : writeError(error);
  }
  for (const entry of staged) if (entry.backup) removeFile(entry.backup);
}

/**
 * Refuses a file whose folder is no longer what it was resolved to (a real path inside `root`,
 * reached through no link), or that has itself become a link.
 */
function assertRealWithin(root: string, folder: string, file: string): void {
  const realRoot = realpathSync(root);
  const rel = relative(realRoot, folder);
  const real = (() => {
    try {
      return realpathSync(folder);
    } catch {
      return undefined;
    }
  })();
  const link = (() => {
    try {
      return lstatSync(file).isSymbolicLink();
    } catch {
      return false;
    }
  })();
  if (rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel) || real !== folder || link) {
    throw new CliError('this is now a link, or in a folder that is a link, to another place than lint read; nothing was written.', {
      file: relative(realRoot, file).split(sep).join('/'),
      hint: 'Copy what it links to into the workspace instead, and run lint --fix again.',
    });
  }
}

/** unlink, for a file that may be gone already (rmSync would lstat it first). */
export function removeFile(path: string): void {
  try {
    unlinkSync(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
}

function tempName(path: string, kind: 'tmp' | 'bak'): string {
  return join(dirname(path), `.newsletter-${process.pid}-${randomBytes(6).toString('hex')}.${kind}`);
}

/** Temporary files of runs that are no longer running (killed mid-write). */
function removeStaleTemporaries(folder: string): void {
  let names: string[];
  try {
    names = readdirSync(folder);
  } catch {
    return;
  }
  for (const name of names) {
    const pid = OWN_TEMP.exec(name)?.[1];
    if (pid && !isRunning(Number(pid))) rmSync(join(folder, name), { force: true });
  }
}

function isRunning(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** What went wrong with the disk, in words for the person at the keyboard. */
export function describeFsError(error: unknown): string {
  const e = error as NodeJS.ErrnoException;
  switch (e.code) {
    case 'EACCES':
    case 'EPERM':
    case 'EROFS':
      return 'permission denied';
    case 'ENOSPC':
      return 'the disk is full';
    case 'ENOTDIR':
    case 'EEXIST':
      return 'a file stands where a folder must go';
    case 'EISDIR':
      return 'a folder stands where a file must go';
    case 'ENOENT':
      return 'that folder cannot be created';
    default:
      return e.message;
  }
}

function writeError(error: unknown): CliError {
  const path = (error as NodeJS.ErrnoException).path ?? '';
  const reason = describeFsError(error);
  return new CliError(`cannot write the output: ${reason}.`, {
    file: path ? (basename(path).startsWith('.newsletter-') ? dirname(path) : path) : undefined,
    hint: 'Choose another folder with --out, or fix the permissions; nothing was changed.',
  });
}

/**
 * Adds text at the end of a file that another program owns (GitHub's job summary file): never
 * replaces what is there, and says why when it cannot, instead of throwing.
 */
export async function appendText(path: string, text: string): Promise<string | undefined> {
  try {
    await appendFile(path, text, 'utf8');
    return undefined;
  } catch (error) {
    return describeFsError(error);
  }
}

import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { CliError, EXIT_CONTENT } from '../errors.js';

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * A section is a few kilobytes; hundreds of kilobytes are a paste gone wrong (a log, a data dump), and
 * rendering it would take the better part of a minute. Refuse it early and say why.
 */
export const MAX_SOURCE_BYTES = 256 * 1024;

/**
 * Refuses files no writer meant as text: binary, not UTF-8. Reads synchronously: the files
 * are small and few, and a thread-pool round trip per file costs more than the read.
 */
export async function readTextFile(absolute: string, shown: string): Promise<string> {
  const bytes = readFileSync(absolute);
  if (bytes.length > MAX_SOURCE_BYTES) {
    throw new CliError(`this file is ${(bytes.length / 1024).toFixed(0)} KB; a newsletter file is a few KB, and at most 256 KB is read.`, {
      file: shown,
      hint: 'Check what was pasted into it, and move data or logs out of the sections folder.',
    });
  }
  if (bytes.includes(0)) {
    throw new CliError('this is a binary file, not Markdown.', { file: shown, hint: 'Save it as UTF-8 text, or move it out of the sections folder.' });
  }
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    const line = lineOfInvalidByte(bytes);
    throw new CliError('this file is not valid UTF-8 text.', { file: shown, line, hint: 'Save it again as UTF-8 in your editor.' });
  }
  // Editors on Windows write a byte order mark and CRLF; the parsers want neither.
  return text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
}

function lineOfInvalidByte(bytes: Buffer): number {
  let line = 1;
  for (let end = 1; end <= bytes.length; end++) {
    try {
      utf8.decode(bytes.subarray(0, end), { stream: true });
    } catch {
      return line;
    }
    if (bytes[end - 1] === 0x0a) line++;
  }
  return line;
}

export interface OutputFile {
  path: string;
  content: string;
}

/**
 * Writes each file through a temporary sibling and a rename, so a reader (or a crash) never
 * sees half a file. Everything is rendered before this is called: a failed build writes nothing.
 */
export async function writeFilesAtomically(files: OutputFile[]): Promise<void> {
  const staged: { temp: string; path: string }[] = [];
  try {
    for (const file of files) {
      mkdirSync(dirname(file.path), { recursive: true });
      const temp = join(dirname(file.path), `.${randomBytes(6).toString('hex')}.tmp`);
      staged.push({ temp, path: file.path });
      writeFileSync(temp, file.content, 'utf8');
    }
    for (const { temp, path } of staged) renameSync(temp, path);
  } catch (error) {
    for (const { temp } of staged) rmSync(temp, { force: true });
    throw writeError(error);
  }
}

/** What went wrong with the disk, in words for the person at the keyboard. */
export function describeFsError(error: unknown): string {
  const e = error as NodeJS.ErrnoException;
  switch (e.code) {
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'ENOSPC':
      return 'the disk is full';
    case 'ENOTDIR':
    case 'EEXIST':
      return 'a file stands where a folder must go';
    default:
      return e.message;
  }
}

function writeError(error: unknown): CliError {
  const path = (error as NodeJS.ErrnoException).path ?? '';
  const reason = describeFsError(error);
  return new CliError(`cannot write the output: ${reason}.`, {
    file: path || undefined,
    exitCode: EXIT_CONTENT,
    hint: 'Choose another folder with --out, or fix the permissions; the previous output was left as it was.',
  });
}

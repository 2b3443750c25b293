import { closeSync, lstatSync, openSync, readdirSync, readSync } from 'node:fs';
import { join } from 'node:path';
import { INVITE_HEAD } from '../core/events/events.js';

/**
 * The invites an earlier build wrote into `folder` that this build does not: regular `.ics`
 * files (not links, not hidden) that begin as eventIcs begins every invite, with this tool's
 * PRODID. Anything else in the folder (another calendar's invite, an editor's note) is never
 * listed, even when --out points the build at a folder others write to. `keep`: the names
 * this build writes.
 */
export function staleBuiltInvites(folder: string, keep: ReadonlySet<string>): string[] {
  try {
    // A folder that is a link leads somewhere the build did not choose: nothing there is removed.
    if (!lstatSync(folder).isDirectory()) return [];
  } catch {
    return [];
  }
  const head = Buffer.from(INVITE_HEAD, 'utf8');
  const stale: string[] = [];
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    if (!entry.isFile() || entry.name.startsWith('.') || !entry.name.endsWith('.ics') || keep.has(entry.name)) continue;
    const path = join(folder, entry.name);
    if (startsWith(path, head)) stale.push(path);
  }
  return stale.sort();
}

/** Whether a file's first bytes are `head`: only those are read, whatever the file's size. */
function startsWith(path: string, head: Buffer): boolean {
  const bytes = Buffer.alloc(head.length);
  let fd: number | undefined;
  try {
    fd = openSync(path, 'r');
    return readSync(fd, bytes, 0, head.length, 0) === head.length && bytes.equals(head);
  } catch {
    return false;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

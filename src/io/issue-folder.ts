import { mkdir, readdir, rename, rm, rmdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { CliError } from '../errors.js';
import type { IssueId } from '../core/issue/slug.js';
import { describeFsError } from './files.js';
import { issueDir, relativeTo, SECTIONS_DIR } from './workspace.js';

/** Refuses an issue folder that exists with anything in it: new issues never overwrite. */
export async function refuseExistingIssue(root: string, id: IssueId): Promise<void> {
  const shown = relativeTo(root, issueDir(root, id));
  const entries = await readdir(issueDir(root, id)).catch(() => undefined);
  if (entries && entries.length > 0) {
    throw new CliError(`${shown} already exists; nothing was changed.`, {
      hint: 'Edit the fragments that are there, or choose another issue name.',
    });
  }
}

/**
 * Writes a whole issue folder or nothing: the files go into a hidden sibling first, which is
 * renamed into place only when complete, so a failure never leaves half an issue behind.
 */
export async function writeIssueFolder(root: string, id: IssueId, files: Map<string, string>): Promise<string[]> {
  const target = issueDir(root, id);
  const shown = relativeTo(root, target);
  await refuseExistingIssue(root, id);
  const staging = join(root, SECTIONS_DIR, `.${id.slug}.partial-${process.pid}`);
  try {
    await mkdir(staging, { recursive: true });
    for (const [name, content] of files) await writeFile(join(staging, name), content, { flag: 'wx' });
    await refuseExistingIssue(root, id);
    // An empty folder of that name may stand there; rename cannot replace it on every system.
    await rmdir(target).catch(() => undefined);
    await rename(staging, target);
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    if (error instanceof CliError) throw error;
    throw new CliError(`cannot create ${shown}: ${describeFsError(error)}.`, { file: shown });
  }
  return [...files.keys()].map((name) => `${shown}/${name}`);
}

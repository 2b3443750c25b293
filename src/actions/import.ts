import { basename, resolve } from 'node:path';
import type { Context } from '../context.js';
import { CliError, usageError } from '../errors.js';
import { importPost } from '../core/issue/import-post.js';
import { parseIssueSlug } from '../core/issue/slug.js';
import { readTextFile } from '../io/files.js';
import { LIMITS } from '../core/limits.js';
import { writeIssueFolder } from '../io/issue-folder.js';
import { openWorkspace } from '../io/workspace.js';

export interface ImportOptions {
  posts: string[];
  issue?: string;
}

export interface ImportedPost {
  post: string;
  issue?: string;
  sections?: string[];
  unrecognised?: string[];
  /** Why the post was not imported: a CliError, or (a bug) anything else. */
  error?: unknown;
}

/**
 * Turns published posts into issues, each written whole or not at all. A post that cannot be
 * imported does not stop the others; the caller reports it and exits 1.
 */
export async function importPosts(ctx: Pick<Context, 'cwd'>, options: ImportOptions): Promise<ImportedPost[]> {
  if (options.posts.length === 0) throw usageError('name the post to import.', 'newsletter import path/to/inside-open-infrastructure-june-2025.md');
  if (options.issue && options.posts.length > 1)
    throw usageError('--issue names one issue, but several posts were given.', 'Import them one at a time, or leave --issue out to name each from its title.');
  const slug = options.issue ? parseIssueSlug(options.issue) : undefined;
  const { root, config } = await openWorkspace(ctx.cwd);
  const imported: ImportedPost[] = [];
  for (const post of options.posts) {
    const path = resolve(ctx.cwd, post);
    try {
      const text = await readPost(path, post);
      const issue = importPost(text, post, config, slug);
      await writeIssueFolder(root, issue.id, issue.files);
      imported.push({ post: basename(post), issue: issue.id.slug, sections: issue.sections, unrecognised: issue.unrecognised });
    } catch (error) {
      // One post that cannot be imported, even through a bug, never stops the others.
      imported.push({ post: basename(post), error });
    }
  }
  return imported;
}

async function readPost(path: string, shown: string): Promise<string> {
  try {
    return await readTextFile(path, shown, { maxBytes: LIMITS.postBytes });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new CliError('no such file.', { file: shown, hint: 'Check the path of the post to import.' });
    throw error;
  }
}

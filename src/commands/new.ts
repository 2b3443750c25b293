import { mkdir, readdir, rename, rm, rmdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Context } from '../context.js';
import { CliError, usageError } from '../errors.js';
import type { Config } from '../core/config.js';
import { parseIsoDate } from '../core/front-matter.js';
import { fillPattern } from '../core/config.js';
import { closest } from '../core/suggest.js';
import { scaffoldIssue, type NewIssueAnswers } from '../core/scaffold.js';
import { monthName, parseIssueSlug, type IssueId } from '../core/slug.js';
import { issueDir, openWorkspace, relativeTo, SECTIONS_DIR } from '../io/workspace.js';

export interface NewOptions {
  issue: string;
  yes?: boolean;
  title?: string;
  author?: string;
  date?: string;
  description?: string;
  /** Comma-separated section ids. */
  sections?: string;
}

export interface NewResult {
  issue: string;
  dir: string;
  files: string[];
}

/**
 * Scaffolds an issue folder. Asks on a terminal; with --yes, CI or no TTY it takes flags and
 * defaults. Never overwrites: the folder is made whole beside its place and renamed into it.
 */
export async function newIssue(ctx: Pick<Context, 'cwd' | 'interactive' | 'now' | 'prompt'>, options: NewOptions): Promise<NewResult> {
  const id = parseIssueSlug(options.issue);
  const { root, config } = await openWorkspace(ctx.cwd);
  const target = issueDir(root, id);
  const shown = relativeTo(root, target);
  await refuseExisting(target, shown);

  const answers = await gatherAnswers(ctx, options, id, config);
  const files = scaffoldIssue(id, answers, config);

  const staging = join(root, SECTIONS_DIR, `.${id.slug}.new-${process.pid}`);
  try {
    await mkdir(staging, { recursive: true });
    for (const [name, content] of files) await writeFile(join(staging, name), content, { flag: 'wx' });
    await refuseExisting(target, shown);
    await rmdir(target).catch(() => undefined);
    await rename(staging, target);
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    if (error instanceof CliError) throw error;
    const e = error as NodeJS.ErrnoException;
    throw new CliError(`cannot create ${shown}: ${e.code === 'EACCES' ? 'permission denied' : e.message}.`, { file: shown });
  }
  return { issue: id.slug, dir: shown, files: [...files.keys()].map((name) => `${shown}/${name}`) };
}

async function refuseExisting(target: string, shown: string): Promise<void> {
  const entries = await readdir(target).catch(() => undefined);
  if (entries && entries.length > 0) {
    throw new CliError(`${shown} already exists; nothing was changed.`, {
      hint: 'Edit the fragments that are there, or choose another issue name.',
    });
  }
}

async function gatherAnswers(ctx: Pick<Context, 'interactive' | 'now' | 'prompt'>, options: NewOptions, id: IssueId, config: Config): Promise<NewIssueAnswers> {
  const sectionIds = config.sections.map((s) => s.id);
  const defaults: NewIssueAnswers = {
    title: options.title ?? fillPattern(config.title, id, monthName(id.month)),
    author: options.author ?? config.author,
    date: options.date ?? defaultPublishDate(id, ctx.now()),
    description: options.description ?? config.description,
    sections: options.sections !== undefined ? parseSectionList(options.sections, sectionIds) : config.sections.filter((s) => s.inNewIssue).map((s) => s.id),
  };
  if (options.date !== undefined && !parseIsoDate(options.date)) {
    throw usageError(`--date "${options.date}" is not a date.`, 'Give the publish date as YYYY-MM-DD, such as 2025-04-21.');
  }
  if (options.yes || !ctx.interactive) return defaults;

  const ask = async (name: keyof NewIssueAnswers, message: string, validate?: (v: string) => true | string): Promise<string> =>
    String(await ctx.prompt({ name, message, default: defaults[name] as string, validate })).trim() || (defaults[name] as string);
  const title = options.title ?? (await ask('title', 'Title'));
  const author = options.author ?? (await ask('author', 'Author'));
  const date = options.date ?? (await ask('date', 'Publish date (YYYY-MM-DD)', (v) => (parseIsoDate(v.trim()) ? true : 'Use YYYY-MM-DD, such as 2025-04-21')));
  const description = options.description ?? (await ask('description', 'Description (SEO and email preheader)'));
  const sections = options.sections !== undefined
    ? defaults.sections
    : ((await ctx.prompt({
        name: 'sections',
        message: 'Sections',
        choices: config.sections.map((s) => ({ value: s.id, name: s.heading, checked: defaults.sections.includes(s.id) })),
      })) as string[]);
  return { title, author, date, description, sections };
}

function parseSectionList(list: string, known: string[]): string[] {
  const ids = list.split(',').map((s) => s.trim()).filter(Boolean);
  for (const id of ids) {
    if (!known.includes(id)) {
      const near = closest(id, known);
      throw usageError(`--sections names "${id}", which is not a section.`, `${near ? `Did you mean ${near}? ` : ''}Sections: ${known.join(', ')}.`);
    }
  }
  if (ids.length === 0) throw usageError('--sections names no section.', `Sections: ${known.join(', ')}.`);
  return [...new Set(ids)];
}

/** Today when today falls in the issue's month; otherwise the first of that month. */
function defaultPublishDate(id: IssueId, now: Date): string {
  if (now.getUTCFullYear() === id.year && now.getUTCMonth() + 1 === id.month) return now.toISOString().slice(0, 10);
  return `${id.year}-${String(id.month).padStart(2, '0')}-01`;
}

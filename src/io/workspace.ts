import { readdir, stat } from 'node:fs/promises';
import { join, relative, resolve, sep } from 'node:path';
import { YAMLParseError } from 'yaml';
import { CliError, EXIT_USAGE, usageError } from '../errors.js';
import { parseYamlData } from '../core/front-matter.js';
import { CONFIG_FILE, validateConfig, type Config } from '../core/config.js';
import { ISSUE_FILE, type IssueSources, type SourceFile } from '../core/issue.js';
import { compareIssueIds, tryParseIssueSlug, type IssueId } from '../core/slug.js';
import { TEMPLATE_NAMES, type TemplateName, type TemplateSource } from '../core/templates.js';
import { readTextFile } from './files.js';
import { packagePath } from '../paths.js';

export const SECTIONS_DIR = 'sections';
/** Bounds the work any issue can ask for (see MAX_SOURCE_BYTES for one file). */
const MAX_ISSUE_CHARS = 1024 * 1024;
export const BUILTIN_TEMPLATES_DIR = packagePath('templates');

/** A workspace folder and its config; paths in messages are relative to `root`. */
export interface Workspace {
  root: string;
  config: Config;
}

export async function openWorkspace(cwd: string): Promise<Workspace> {
  const root = resolve(cwd);
  const info = await stat(root).catch(() => undefined);
  if (!info?.isDirectory()) throw usageError(`the folder ${cwd} does not exist.`, 'Pass an existing folder to --cwd.');
  return { root, config: await readConfig(root) };
}

export async function readConfig(root: string): Promise<Config> {
  const path = join(root, CONFIG_FILE);
  let text: string;
  try {
    text = await readTextFile(path, CONFIG_FILE);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return validateConfig(undefined, undefined);
    if (code === 'EISDIR' || code === 'EACCES') {
      throw new CliError(`cannot be read: ${code === 'EISDIR' ? 'it is a folder' : 'permission denied'}.`, { file: CONFIG_FILE, exitCode: EXIT_USAGE, hint: 'Make it a YAML file, or remove it to use the defaults.' });
    }
    if (error instanceof CliError) throw new CliError(error.message, { file: error.file, line: error.line, hint: error.hint, exitCode: EXIT_USAGE });
    throw error;
  }
  let raw: unknown;
  try {
    raw = parseYamlData(text);
  } catch (error) {
    const where = error instanceof YAMLParseError ? error.linePos?.[0] : undefined;
    const reason = (error as Error).message.split('\n')[0]?.replace(/ at line \d+, column \d+:?$/, '');
    throw new CliError(`config is not valid YAML: ${reason}.`, {
      file: CONFIG_FILE, line: where?.line, column: where?.col, exitCode: EXIT_USAGE,
      hint: 'Check the quotes, colons and indentation of that line.',
    });
  }
  return validateConfig(raw, CONFIG_FILE);
}

/** The issues in sections/, oldest first. Folders that are not issue names are ignored. */
export async function listIssues(root: string): Promise<IssueId[]> {
  const entries = await readdir(join(root, SECTIONS_DIR), { withFileTypes: true }).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT' || error.code === 'ENOTDIR') return [];
    throw error;
  });
  return entries
    .filter((entry) => entry.isDirectory())
    .map((entry) => ({ name: entry.name, id: tryParseIssueSlug(entry.name) }))
    // Only folders named as `new` names them (april-2025) are issues; 2025-04 is for typing.
    .filter((entry): entry is { name: string; id: IssueId } => entry.id?.slug === entry.name)
    .map((entry) => entry.id)
    .sort(compareIssueIds);
}

export function issueDir(root: string, id: IssueId): string {
  return join(root, SECTIONS_DIR, id.slug);
}

/** The issue named, or the latest one when none is; refuses issues that are not there. */
export async function resolveIssue(root: string, requested: IssueId | undefined): Promise<IssueId> {
  const issues = await listIssues(root);
  if (!requested) {
    const latest = issues.at(-1);
    if (!latest) {
      throw usageError(`there is no issue in ${join(relativeTo(root, root), SECTIONS_DIR)}/ yet.`, 'Start one with: newsletter new <month-year>, such as newsletter new april-2025.');
    }
    return latest;
  }
  if (!issues.some((id) => id.slug === requested.slug)) {
    const known = issues.map((id) => id.slug).join(', ');
    throw usageError(`there is no issue ${requested.slug} in ${SECTIONS_DIR}/.`, known ? `Issues here: ${known}.` : `Start it with: newsletter new ${requested.slug}`);
  }
  return requested;
}

export async function readIssueSources(root: string, id: IssueId): Promise<IssueSources> {
  const dir = issueDir(root, id);
  const names = (await readdir(dir, { withFileTypes: true }))
    .filter((entry) => entry.isFile() && entry.name.endsWith('.md'))
    .map((entry) => entry.name)
    .sort();
  const read = async (name: string): Promise<SourceFile> => {
    const path = relativeTo(root, join(dir, name));
    return { path, text: await readTextFile(join(dir, name), path) };
  };
  const issueFile = names.includes(ISSUE_FILE) ? await read(ISSUE_FILE) : undefined;
  const fragments = await Promise.all(names.filter((name) => name !== ISSUE_FILE).map(read));
  const total = [issueFile, ...fragments].reduce((sum, file) => sum + (file?.text.length ?? 0), 0);
  if (total > MAX_ISSUE_CHARS) {
    throw new CliError(`this issue holds ${(total / 1024).toFixed(0)} KB of text; a whole issue is usually under 20 KB, and at most 1 MB is read.`, {
      file: relativeTo(root, dir),
      hint: 'Look for a fragment that holds pasted data, or split the content over several issues.',
    });
  }
  return { id, issueFile, fragments };
}

/** The workspace's own templates where it has them, the built-in ones otherwise. */
export async function readTemplates(root: string, names: readonly TemplateName[] = TEMPLATE_NAMES): Promise<Map<TemplateName, TemplateSource>> {
  const templates = new Map<TemplateName, TemplateSource>();
  for (const name of names) {
    const own = join(root, 'templates', name);
    const useOwn = own !== join(BUILTIN_TEMPLATES_DIR, name) && (await stat(own).catch(() => undefined))?.isFile();
    const path = useOwn ? own : join(BUILTIN_TEMPLATES_DIR, name);
    templates.set(name, { name, path: useOwn ? relativeTo(root, own) : path, text: await readTextFile(path, path) });
  }
  return templates;
}

/** Paths in messages: relative to the workspace, with forward slashes. */
export function relativeTo(root: string, path: string): string {
  const rel = relative(root, path);
  return (rel === '' ? '.' : rel).split(sep).join('/');
}

import { lstat, readdir, stat } from 'node:fs/promises';
import { existsSync, lstatSync, realpathSync, statSync, type Dirent } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { YAMLError } from 'yaml';
import { CliError, usageError } from '../errors.js';
import { parseYamlData } from '../core/issue/front-matter.js';
import { readIssueImages } from './images.js';
import { CONFIG_FILES, validateConfig, type Config } from '../core/config/config.js';
import { ISSUE_FILE, type IssueSources, type SourceFile } from '../core/issue/issue.js';
import { compareIssueIds, parseIssueSlug, printable, tryParseIssueSlug, type IssueId } from '../core/issue/slug.js';
import { TEMPLATE_NAMES, type TemplateName, type TemplateSource } from '../core/templates.js';
import { readTextFile, resolveWithin } from './files.js';
import { LIMITS } from '../core/limits.js';
import { packagePath } from '../paths.js';

export const SECTIONS_DIR = 'sections';

/** Whether a workspace is this CLI's own folder (its repository, whose sample issue is flawed on purpose). */
export function isPackageFolder(root: string): boolean {
  try {
    return realpathSync(root) === realpathSync(packagePath());
  } catch {
    return false;
  }
}
export const BUILTIN_TEMPLATES_DIR = packagePath('templates');

/** A workspace folder and its config; paths in messages are relative to `root`. */
export interface Workspace {
  root: string;
  config: Config;
  /** The config file's name, when the workspace has one. */
  configFile: string | undefined;
}

export async function openWorkspace(cwd: string): Promise<Workspace> {
  const start = resolve(cwd);
  const info = await stat(start).catch(() => undefined);
  if (!info?.isDirectory()) throw usageError(`the folder ${cwd} does not exist.`, 'Pass an existing folder to --cwd.');
  const root = findWorkspaceRoot(start);
  const configFile = configFileOf(root);
  return { root, config: await readConfig(root, configFile), configFile };
}

/**
 * The workspace that holds `start`, found as git finds its repository: the nearest folder, from
 * `start` up, with a config file or a sections/ folder; never past a git repository's top. With
 * none, `start` itself (where `new` starts one).
 */
export function findWorkspaceRoot(start: string): string {
  for (let dir = start, depth = 0; depth < 64; depth++) {
    if (CONFIG_FILES.some((name) => isFile(join(dir, name))) || isFolder(join(dir, SECTIONS_DIR))) return dir;
    const parent = dirname(dir);
    if (parent === dir || existsSync(join(dir, '.git'))) break;
    dir = parent;
  }
  return start;
}

const isFile = (path: string): boolean => statSync(path, { throwIfNoEntry: false })?.isFile() ?? false;
const isFolder = (path: string): boolean => statSync(path, { throwIfNoEntry: false })?.isDirectory() ?? false;

/** The config file's name in this workspace: .yaml or .yml (both is an error), or undefined. */
function configFileOf(root: string): string | undefined {
  const present = CONFIG_FILES.filter((name) => existsSync(join(root, name)) || isLink(join(root, name)));
  if (present.length > 1) {
    throw new CliError(`both ${present.join(' and ')} are here; which one is the config?`, { file: present[1], kind: 'usage', hint: 'Keep one of them.' });
  }
  return present[0];
}

const isLink = (path: string): boolean => lstatSync(path, { throwIfNoEntry: false })?.isSymbolicLink() ?? false;

/** The workspace's config (`name`, found by configFileOf), or the defaults when it has none. */
export async function readConfig(root: string, name = configFileOf(root)): Promise<Config> {
  if (!name) return validateConfig(undefined, undefined);
  let text: string;
  try {
    text = await readTextFile(join(root, name), name, { within: root, maxBytes: LIMITS.configBytes });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    // A dangling link is no config; a link that leaves the workspace is refused below.
    if (code === 'ENOENT') return validateConfig(undefined, undefined);
    if (error instanceof CliError) throw new CliError(error.message, { file: error.file, line: error.line, hint: error.hint, kind: 'usage' });
    throw error;
  }
  let raw: unknown;
  try {
    raw = parseYamlData(text);
  } catch (error) {
    const where = error instanceof YAMLError ? error.linePos?.[0] : undefined;
    const reason = (error as Error).message.split('\n')[0]?.replace(/ at line \d+, column \d+:?$/, '');
    throw new CliError(`config is not valid YAML: ${reason}.`, {
      file: name,
      line: where?.line,
      column: where?.col,
      kind: 'usage',
      hint: 'Check the quotes, colons and indentation of that line.',
    });
  }
  return validateConfig(raw, name);
}

/** The issues in sections/, oldest first. Folders that are not issue names are ignored. */
export async function listIssues(root: string): Promise<IssueId[]> {
  const entries = await readdir(join(root, SECTIONS_DIR), { withFileTypes: true }).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT' || error.code === 'ENOTDIR') return [];
    throw error;
  });
  return (
    entries
      // A link to an issue folder counts; readIssueSources refuses one that leaves the workspace.
      .filter((entry) => entry.isDirectory() || entry.isSymbolicLink())
      .map((entry) => ({ name: entry.name, id: tryParseIssueSlug(entry.name) }))
      // Only folders named as `new` names them (april-2025) are issues; 2025-04 is for typing.
      .filter((entry): entry is { name: string; id: IssueId } => entry.id?.slug === entry.name)
      .map((entry) => entry.id)
      .sort(compareIssueIds)
  );
}

export function issueDir(root: string, id: IssueId): string {
  return join(root, SECTIONS_DIR, id.slug);
}

/** The issue named, or the latest one when none is; refuses issues that are not there. `issues`: listIssues(root), when the caller has it. */
/** How a command came to its issue: named, the folder it was run in, or the latest. */
export type IssueChoice = 'named' | 'here' | 'latest';

/**
 * The issue an argument names, from where the command runs (`cwd`): an issue name (april-2025,
 * 2025-04), a date in its month (2025-04-21), or a path to the issue's folder or one of its files
 * (what tab completion gives). Without one: the issue whose folder `cwd` is in, else the latest.
 */
export async function issueFromHere(root: string, cwd: string, named: string | undefined, issues?: IssueId[]): Promise<{ id: IssueId; chosen: IssueChoice }> {
  issues ??= await listIssues(root);
  if (named === undefined) {
    const here = issueOfPath(root, cwd);
    if (here && issues.some((id) => id.slug === here.slug)) return { id: here, chosen: 'here' };
    return { id: await resolveIssue(root, undefined, issues), chosen: 'latest' };
  }
  const byName = tryParseIssueSlug(named) ?? dayOfIssue(named);
  if (byName) return { id: await resolveIssue(root, byName, issues), chosen: 'named' };
  if (/[\\/]|\.md$/.test(named) || named === '.' || named === '..') {
    const byPath = issueOfPath(root, resolve(cwd, named));
    if (byPath) return { id: await resolveIssue(root, byPath, issues), chosen: 'named' };
    throw usageError(
      `${printable(named)} is not an issue's folder nor a file in one.`,
      `An issue is named month-year (april-2025), or by its folder: ${SECTIONS_DIR}/april-2025.`,
    );
  }
  return { id: await resolveIssue(root, parseIssueSlug(named), issues), chosen: 'named' };
}

/** The issue a path is in: sections/<issue>, or anything under it. */
function issueOfPath(root: string, path: string): IssueId | undefined {
  const parts = relative(join(root, SECTIONS_DIR), resolve(path)).split(sep);
  return parts[0] && parts[0] !== '..' && !isAbsolute(parts[0]) ? tryParseIssueSlug(parts[0]) : undefined;
}

/** The issue of a day written YYYY-MM-DD (a publish date). */
function dayOfIssue(text: string): IssueId | undefined {
  const day = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text.trim());
  return day ? tryParseIssueSlug(`${day[1]}-${day[2]}`) : undefined;
}

export async function resolveIssue(root: string, requested: IssueId | undefined, issues?: IssueId[]): Promise<IssueId> {
  issues ??= await listIssues(root);
  if (!requested) {
    const latest = issues.at(-1);
    if (!latest) {
      // No config and no sections/ from here up: this is not a workspace, and `new` here would start one in the wrong place.
      if (!CONFIG_FILES.some((name) => isFile(join(root, name))) && !isFolder(join(root, SECTIONS_DIR))) {
        throw usageError(
          `no newsletter workspace found from ${root}: no folder from here up holds ${CONFIG_FILES[0]} or ${SECTIONS_DIR}/.`,
          'Run it in your workspace (or with --cwd DIR); to start a new workspace here, run newsletter init (then newsletter new <month-year>, such as newsletter new april-2025).',
        );
      }
      throw usageError(
        `there is no issue in ${join(relativeTo(root, root), SECTIONS_DIR)}/ yet.`,
        'Start one with: newsletter new <month-year>, such as newsletter new april-2025.',
      );
    }
    return latest;
  }
  if (!issues.some((id) => id.slug === requested.slug)) {
    const known = issues.map((id) => id.slug).join(', ');
    throw usageError(
      `there is no issue ${requested.slug} in ${SECTIONS_DIR}/.`,
      known ? `Issues here: ${known}.` : `Start it with: newsletter new ${requested.slug}`,
    );
  }
  return requested;
}

export async function readIssueSources(root: string, id: IssueId): Promise<IssueSources> {
  const shownDir = relativeTo(root, issueDir(root, id));
  let dir: string;
  let entries: Dirent[];
  try {
    dir = resolveWithin(root, issueDir(root, id), shownDir);
    entries = await readdir(dir, { withFileTypes: true });
  } catch (error) {
    throw danglingLink(error, shownDir);
  }
  // Links are listed too, so that one never vanishes silently: reading one refuses it if it leaves the workspace.
  const names = entries
    .filter((entry) => (entry.isFile() || entry.isSymbolicLink()) && entry.name.endsWith('.md'))
    .map((entry) => entry.name)
    .sort();
  if (names.length > LIMITS.fragmentsPerIssue + 1) {
    throw new CliError(
      `this issue folder holds ${names.length} Markdown files; an issue has one per section, and at most ${LIMITS.fragmentsPerIssue} are read.`,
      {
        file: shownDir,
        hint: 'Move notes and drafts out of the issue folder.',
      },
    );
  }
  let total = 0;
  let lines = 0;
  const read = async (name: string): Promise<SourceFile> => {
    const path = `${shownDir}/${name}`;
    const text = await readTextFile(join(dir, name), path, { within: root, maxBytes: LIMITS.fragmentBytes }).catch((error: unknown) => {
      throw danglingLink(error, path);
    });
    total += Buffer.byteLength(text);
    for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) lines++;
    if (lines > LIMITS.issueLines) {
      throw new CliError(`this issue holds over ${LIMITS.issueLines} lines; a whole issue is about 150, and at most ${LIMITS.issueLines} are read.`, {
        file: shownDir,
        hint: 'Look for a fragment that holds pasted data, or split the content over several issues.',
      });
    }
    if (total > LIMITS.issueBytes) {
      throw new CliError(
        `this issue holds over ${(LIMITS.issueBytes / 1024).toFixed(0)} KB of text; a whole issue is usually under 20 KB, and at most ${(LIMITS.issueBytes / 1024).toFixed(0)} KB is read.`,
        {
          file: shownDir,
          hint: 'Look for a fragment that holds pasted data, or split the content over several issues.',
        },
      );
    }
    return { path, text };
  };
  const issueFile = names.includes(ISSUE_FILE) ? await read(ISSUE_FILE) : undefined;
  const fragments: SourceFile[] = [];
  for (const name of names) if (name !== ISSUE_FILE) fragments.push(await read(name));
  const { images, unread } = await readIssueImages(root, dir);
  return { id, issueFile, fragments, images, ...(unread.length > 0 ? { unreadImages: unread } : {}) };
}

/** A file that was listed but cannot be found is a link whose target is gone. */
function danglingLink(error: unknown, shown: string): unknown {
  return (error as NodeJS.ErrnoException).code === 'ENOENT'
    ? new CliError('this is a link to nothing: its target does not exist.', { file: shown, hint: 'Remove the link, or put the file itself there.' })
    : error;
}

/** The workspace's own templates where it has them, the built-in ones otherwise. */
export async function readTemplates(root: string, names: readonly TemplateName[] = TEMPLATE_NAMES): Promise<Map<TemplateName, TemplateSource>> {
  const templates = new Map<TemplateName, TemplateSource>();
  for (const name of names) {
    const own = join(root, 'templates', name);
    const useOwn = own !== join(BUILTIN_TEMPLATES_DIR, name) && (await lstat(own).catch(() => undefined)) !== undefined;
    const path = useOwn ? own : join(BUILTIN_TEMPLATES_DIR, name);
    const shown = useOwn ? relativeTo(root, own) : path;
    const text = await readTextFile(path, shown, { within: useOwn ? root : undefined, maxBytes: LIMITS.fragmentBytes }).catch((error: unknown) => {
      throw danglingLink(error, shown);
    });
    templates.set(name, { name, path: shown, text });
  }
  return templates;
}

/** Paths in messages: relative to the workspace, with forward slashes. */
export function relativeTo(root: string, path: string): string {
  const rel = relative(root, path);
  return (rel === '' ? '.' : rel).split(sep).join('/');
}

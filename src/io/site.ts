import { readdirSync, realpathSync, statSync, type Dirent } from 'node:fs';
import { stat } from 'node:fs/promises';
import { homedir } from 'node:os';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { CliError } from '../errors.js';
import type { SiteLayout } from '../core/config/config-types.js';
import { LIMITS } from '../core/limits.js';
import { buildSiteModel, type SiteModel, type SiteText, type SiteTexts } from '../core/site/site.js';
import { siteFileError, siteFileReason } from '../core/site/site-error.js';
import { describeFsError, readFileBytes, readFileHead } from './files.js';
import { firstInvalidUtf8 } from '../core/utf8.js';
import { siteImagesInHtml, type ImageFile, type SiteCheckout } from '../core/images/images.js';
import type { Config } from '../core/config/config.js';
import { readImageWithBytesIfThere } from './images.js';
import type { Workspace } from './workspace.js';

/*
 * Reads a checkout of the site into its model (core/site/site.ts), bounded as every input is: only
 * Markdown files of the post and author folders (not hidden, not in subfolders), each read
 * within the checkout (a link out of it is refused), each under its size limit, at most so many
 * of them. A model stays in memory for as long as none of its files' stats changes, so that
 * the preview's every relint does not read the site again.
 */

/**
 * The checkout of the site the commands read and publish to: `given` (a --site option,
 * relative to the current folder), else config's siteRepo (relative to the workspace), else none.
 */
export async function siteCheckoutOf(workspace: Pick<Workspace, 'root' | 'config'>, cwd: string, given?: string): Promise<SiteCheckout | undefined> {
  const path =
    given !== undefined ? resolve(cwd, given) : workspace.config.siteRepo !== undefined ? resolve(workspace.root, workspace.config.siteRepo) : undefined;
  if (path === undefined) return undefined;
  if (given === undefined) refuseFarSiteRepo(path, workspace.root, workspace.config.siteRepo!);
  return openSiteCheckout(path, given ?? workspace.config.siteRepo!, workspace.config.siteLayout);
}

/**
 * Config comes in the same pull request as the sections: a siteRepo that names the root folder,
 * the home folder (or one holding it), or a place outside the folder that holds the workspace
 * would make the machine's files the "site" whose images a message carries and the preview
 * serves. Such a checkout is read only when the person running the command names it (--site).
 * Compared by real paths, so a link in the workspace leads nowhere the path itself could not.
 */
function refuseFarSiteRepo(path: string, workspaceRoot: string, shown: string): void {
  const real = realIfThere(path);
  // A checkout that is not there is said by openSiteCheckout, as for --site.
  if (real === undefined) return;
  const home = realIfThere(safeHomedir());
  const parent = dirname(realIfThere(workspaceRoot) ?? workspaceRoot);
  const why =
    real === resolve(real, '/')
      ? 'is the root folder'
      : home !== undefined && isInside(real, home)
        ? real === home
          ? 'is the home folder'
          : 'holds the home folder'
        : !isInside(parent, real)
          ? `is outside ${parent}, the folder that holds the workspace`
          : undefined;
  if (why === undefined) return;
  throw new CliError(`config siteRepo ${shown} ${why}; a checkout there is read only when given on the command line: pass --site ${shown} to read it.`, {
    kind: 'usage',
  });
}

function realIfThere(path: string): string | undefined {
  try {
    return realpathSync(path);
  } catch {
    return undefined;
  }
}

function safeHomedir(): string {
  try {
    return homedir();
  } catch {
    return '';
  }
}

/** Whether `path` is `folder` or inside it. */
function isInside(folder: string, path: string): boolean {
  const rel = relative(folder, path);
  return rel === '' || (rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel));
}

/**
 * The checkout for a command that can do without it (build, status, preview, screenshot): one
 * that cannot be read is said once through `note`, one line, and the command goes on without
 * the site's rules, as it would with no checkout.
 */
export async function optionalSiteCheckoutOf(
  workspace: Pick<Workspace, 'root' | 'config'>,
  cwd: string,
  note: (line: string) => void,
  given?: string,
): Promise<SiteCheckout | undefined> {
  const unread = (error: unknown): undefined => {
    if (!(error instanceof CliError)) throw error;
    note(`${error.location ? `${error.location}: ` : ''}${error.message} The site's checks were left out.`);
    return undefined;
  };
  let site: SiteCheckout | undefined;
  try {
    site = await siteCheckoutOf(workspace, cwd, given);
  } catch (error) {
    return unread(error);
  }
  if (!site) return undefined;
  const { model } = site;
  let said = false;
  return {
    ...site,
    model: () => {
      try {
        return model?.();
      } catch (error) {
        if (said) return undefined;
        said = true;
        return unread(error);
      }
    },
  };
}

/**
 * A checkout of the site at `root` (its own folder, or refused with one line when it is not
 * one): each image looked up is read from it, never from outside it.
 */
export async function openSiteCheckout(root: string, shown: string, layout: SiteLayout): Promise<SiteCheckout> {
  const info = await stat(root).catch(() => undefined);
  if (!info?.isDirectory()) {
    throw new CliError(`the site checkout ${shown} is not a folder.`, {
      kind: 'usage',
      hint: 'Give --site the folder of a clone of the site (git clone https://github.com/OpenStackweb/osf-website), or fix siteRepo in the config.',
    });
  }
  return {
    root,
    image: async (file) => (await readCheckoutImage(root, layout.imageDir, file).catch(() => undefined))?.image ?? null,
    model: () => readSiteModel(root, shown, layout),
  };
}

/**
 * The site images a page shows that the checkout holds, with their bytes (read within the
 * checkout, and only when they are images): what a test message carries inline, and what the
 * preview and the screenshot show, before the site's pull request is deployed.
 */
export async function checkoutImagesIn(
  site: SiteCheckout | undefined,
  html: string,
  config: Config,
): Promise<{ address: string; sitePath: string; name: string; content: Buffer }[]> {
  if (!site) return [];
  const images = [];
  for (const { address, sitePath, file } of siteImagesInHtml(html, config)) {
    // Read once, within the checkout, and only when it is an image; anything else keeps its address on the site.
    const read = await readCheckoutImage(site.root, config.siteLayout.imageDir, file).catch(() => undefined);
    if (read) images.push({ address, sitePath, name: file.slice(file.lastIndexOf('/') + 1), content: read.bytes });
  }
  return images;
}

/**
 * One image of the checkout's image folder, with its bytes; undefined when there is none. It is
 * read only within the image folder's real place (a link in it leads nowhere else), and only
 * when that folder is itself within the checkout: a fragment names a site image, never a file.
 */
async function readCheckoutImage(root: string, imageDir: string, file: string): Promise<{ image: ImageFile; bytes: Buffer } | undefined> {
  const folder = join(root, imageDir);
  const path = join(root, file);
  if (path === folder || !isInside(folder, path)) return undefined;
  const realFolder = realIfThere(folder);
  const realRoot = realIfThere(root);
  if (realFolder === undefined || realRoot === undefined || !isInside(realRoot, realFolder)) return undefined;
  return readImageWithBytesIfThere(root, path, realFolder);
}

interface CachedModel {
  stamp: string;
  model: SiteModel;
}
const cache = new Map<string, CachedModel>();

/**
 * The model of the checkout at `root`; `shown` is how the user named it (--site or siteRepo),
 * which every message's file path starts with.
 */
export function readSiteModel(root: string, shown: string, layout: SiteLayout): SiteModel {
  const files = siteFiles(root, shown, layout);
  const stamp = files.map(({ rel, size, mtimeMs }) => `${rel}\0${size}\0${mtimeMs}`).join('\n');
  const key = `${root}\0${JSON.stringify(layout)}`;
  const cached = cache.get(key);
  if (cached?.stamp === stamp) return cached.model;
  const texts: SiteTexts = { authors: [], posts: [], unread: [] };
  for (const file of files) {
    if (file.kind === 'authors' || file.kind === 'posts') {
      // A post or an author is one of many, and no command needs every one: one that cannot be read is left out and said.
      try {
        texts[file.kind].push(readSiteText(root, shown, file.rel, LIMITS.postBytes, file.kind === 'posts'));
      } catch (error) {
        if (!(error instanceof CliError)) throw error;
        texts.unread.push({ file: file.rel, reason: siteFileReason(error, shownPath(shown, file.rel)) });
      }
    } else {
      texts[file.kind] = readSiteText(root, shown, file.rel, LIMITS.siteConfigBytes);
    }
  }
  const model = buildSiteModel(texts, shownPath(shown, ''));
  cache.set(key, { stamp, model });
  return model;
}

interface SiteFile {
  kind: 'cms' | 'blogConfig' | 'eventsPage' | 'summits' | 'authors' | 'posts';
  rel: string;
  size: number;
  mtimeMs: number;
}

/** The files the model reads, with their stats; a part the checkout lacks is left out. */
function siteFiles(root: string, shown: string, layout: SiteLayout): SiteFile[] {
  const files: SiteFile[] = [];
  for (const [kind, rel] of [
    ['cms', layout.cmsConfig],
    ['blogConfig', layout.blogConfig],
    ['eventsPage', layout.eventsPage],
    ['summits', layout.summits],
  ] as const) {
    const info = statIfThere(join(root, rel));
    if (info) files.push({ kind, rel, size: info.size, mtimeMs: info.mtimeMs });
  }
  for (const [kind, dir] of [
    ['authors', layout.authorDir],
    ['posts', layout.blogDir],
  ] as const) {
    const folder = siteFolder(root, shown, dir);
    if (folder === undefined) continue;
    let entries: Dirent[];
    try {
      entries = readdirSync(folder, { withFileTypes: true });
    } catch (error) {
      throw siteFileError(shownPath(shown, dir), `cannot be read: ${describeFsError(error)}.`);
    }
    const names = entries
      .filter((e) => (e.isFile() || e.isSymbolicLink()) && e.name.endsWith('.md') && !e.name.startsWith('.'))
      .map((e) => e.name)
      .sort();
    if (names.length > LIMITS.sitePosts) {
      throw siteFileError(`${shown}/${dir}`, `holds ${names.length} Markdown files; at most ${LIMITS.sitePosts} are read.`);
    }
    for (const name of names) {
      const rel = `${dir}/${name}`;
      const info = statIfThere(join(root, rel));
      // A link to nothing is read below, and refused there with its name.
      files.push({ kind, rel, size: info?.size ?? -1, mtimeMs: info?.mtimeMs ?? 0 });
    }
  }
  return files;
}

function statIfThere(path: string): { size: number; mtimeMs: number } | undefined {
  try {
    return statSync(path);
  } catch {
    return undefined;
  }
}

/** A path in the checkout as the user names it: the checkout as given (--site or siteRepo), then the path. */
function shownPath(shown: string, rel: string): string {
  return `${shown.replace(/\/+$/, '')}/${rel}`;
}

/**
 * The real path of one of the checkout's folders, or undefined when the checkout has none. A
 * folder that is a link out of the checkout is refused: read through, it would give another
 * place's files (no authors in /etc) as the site's, and a rule would approve what it should not.
 */
function siteFolder(root: string, shown: string, dir: string): string | undefined {
  const named = shownPath(shown, dir);
  let real: string;
  try {
    real = realpathSync(join(root, dir));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw siteFileError(named, `cannot be read: ${describeFsError(error)}.`);
  }
  const rel = relative(realpathSync(root), real);
  if (rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel))
    throw siteFileError(named, `is a link out of the checkout (to ${real}); the site's folders are read only within it.`);
  return real;
}

/**
 * One file of the checkout as text, read within it and under `maxBytes`; with `head`, a longer
 * file is read only that far, to its last whole line (a post's front matter is at its start,
 * and the body may hold an inlined image of hundreds of KB).
 */
function readSiteText(root: string, shown: string, rel: string, maxBytes: number, head = false): SiteText {
  const file = shownPath(shown, rel);
  let bytes: Buffer;
  let truncated = false;
  try {
    ({ bytes, truncated } = head
      ? readFileHead(join(root, rel), file, { within: root, maxBytes })
      : { bytes: readFileBytes(join(root, rel), file, { within: root, maxBytes }), truncated: false });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw siteFileError(file, 'is a link to nothing: its target does not exist.');
    if (!(error instanceof CliError)) throw error;
    throw siteFileError(
      file,
      `cannot be read: ${error.message
        .replace(/^this (?:file )?/, 'it ')
        .replace(/the workspace/g, 'the checkout')
        .replace(/\.$/, '')}.`,
    );
  }
  if (truncated) bytes = bytes.subarray(0, bytes.lastIndexOf(0x0a) + 1);
  if (bytes.includes(0) || firstInvalidUtf8(bytes) !== -1) throw siteFileError(file, 'is not UTF-8 text.');
  return { file: rel, text: bytes.toString('utf8'), ...(truncated ? { readBytes: maxBytes } : {}) };
}

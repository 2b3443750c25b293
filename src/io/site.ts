import { readdirSync, statSync, type Dirent } from 'node:fs';
import { stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { CliError } from '../errors.js';
import type { SiteLayout } from '../core/config-types.js';
import { LIMITS } from '../core/limits.js';
import { buildSiteModel, type SiteModel, type SiteText, type SiteTexts } from '../core/site.js';
import { siteFileError } from '../core/site-error.js';
import { readFileBytes } from './files.js';
import { firstInvalidUtf8 } from '../core/utf8.js';
import { siteImagesInHtml, type SiteCheckout } from '../core/images.js';
import type { Config } from '../core/config.js';
import { readImageIfThere, readImageWithBytesIfThere } from './images.js';
import type { Workspace } from './workspace.js';

/*
 * Reads a checkout of the site into its model (core/site.ts), bounded as every input is: only
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
  const path = given !== undefined ? resolve(cwd, given) : workspace.config.siteRepo !== undefined ? resolve(workspace.root, workspace.config.siteRepo) : undefined;
  if (path === undefined) return undefined;
  return openSiteCheckout(path, given ?? workspace.config.siteRepo!, workspace.config.siteLayout);
}

/**
 * A checkout of the site at `root` (its own folder, or refused with one line when it is not
 * one): each image looked up is read from it, never from outside it.
 */
export async function openSiteCheckout(root: string, shown: string, layout: SiteLayout): Promise<SiteCheckout> {
  const info = await stat(root).catch(() => undefined);
  if (!info?.isDirectory()) {
    throw new CliError(`the site checkout ${shown} is not a folder.`, { kind: 'usage', hint: 'Give --site the folder of a clone of the site (git clone https://github.com/OpenStackweb/osf-website), or fix siteRepo in the config.' });
  }
  return {
    root,
    image: async (file) => (await readImageIfThere(root, join(root, file)).catch(() => undefined)) ?? null,
    model: () => readSiteModel(root, shown, layout),
  };
}

/**
 * The site images a page shows that the checkout holds, with their bytes (read within the
 * checkout, and only when they are images): what a test message carries inline, and what the
 * preview and the screenshot show, before the site's pull request is deployed.
 */
export async function checkoutImagesIn(site: SiteCheckout | undefined, html: string, config: Config): Promise<{ address: string; sitePath: string; name: string; content: Buffer }[]> {
  if (!site) return [];
  const images = [];
  for (const { address, sitePath, file } of siteImagesInHtml(html, config)) {
    // Read once, within the checkout, and only when it is an image; anything else keeps its address on the site.
    const read = await readImageWithBytesIfThere(site.root, join(site.root, file)).catch(() => undefined);
    if (read) images.push({ address, sitePath, name: file.slice(file.lastIndexOf('/') + 1), content: read.bytes });
  }
  return images;
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
  const texts: SiteTexts = { authors: [], posts: [] };
  for (const file of files) {
    const text = readSiteText(root, shown, file.rel, file.kind === 'authors' || file.kind === 'posts' ? LIMITS.postBytes : LIMITS.siteConfigBytes);
    if (file.kind === 'authors' || file.kind === 'posts') texts[file.kind].push(text);
    else texts[file.kind] = text;
  }
  const model = buildSiteModel(texts, `${shown.replace(/\/+$/, '')}/`);
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
  for (const [kind, rel] of [['cms', layout.cmsConfig], ['blogConfig', layout.blogConfig], ['eventsPage', layout.eventsPage], ['summits', layout.summits]] as const) {
    const info = statIfThere(join(root, rel));
    if (info) files.push({ kind, rel, size: info.size, mtimeMs: info.mtimeMs });
  }
  for (const [kind, dir] of [['authors', layout.authorDir], ['posts', layout.blogDir]] as const) {
    let entries: Dirent[];
    try {
      entries = readdirSync(join(root, dir), { withFileTypes: true });
    } catch {
      continue;
    }
    const names = entries.filter((e) => (e.isFile() || e.isSymbolicLink()) && e.name.endsWith('.md') && !e.name.startsWith('.')).map((e) => e.name).sort();
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

function readSiteText(root: string, shown: string, rel: string, maxBytes: number): SiteText {
  const file = `${shown.replace(/\/+$/, '')}/${rel}`;
  let bytes: Buffer;
  try {
    bytes = readFileBytes(join(root, rel), file, { within: root, maxBytes });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw siteFileError(file, 'is a link to nothing: its target does not exist.');
    if (!(error instanceof CliError)) throw error;
    throw siteFileError(file, `cannot be read: ${error.message.replace(/^this (?:file )?/, 'it ').replace(/the workspace/g, 'the checkout').replace(/\.$/, '')}.`);
  }
  if (bytes.includes(0) || firstInvalidUtf8(bytes) !== -1) throw siteFileError(file, 'is not UTF-8 text.');
  return { file: rel, text: bytes.toString('utf8') };
}

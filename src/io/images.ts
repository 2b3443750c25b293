import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync, type Dirent, type Stats } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { CliError } from '../errors.js';
import { hashInPublishedName, IMAGE_EXTENSIONS, type ImageFile } from '../core/images/images.js';
import type { UnreadImage } from '../core/issue/issue.js';
import { IMAGE_HEADER_BYTES, readImageHeader } from '../core/images/image-header.js';
import { LIMITS } from '../core/limits.js';
import { readFileBytes } from './files.js';

const IMAGE_NAME = new RegExp(`\\.(?:${IMAGE_EXTENSIONS.join('|')})$`, 'i');

/**
 * The image files of an issue's folder and its subfolders (img/ by custom), each read once for
 * its hash, format and size in pixels. `dir` is the folder, `root` the workspace. A file that is
 * refused (a link out or into a hidden place, not the image its name says, too large) is listed
 * in `unread` with why, and the others are still read: lint reports each, build stops on them.
 */
export async function readIssueImages(root: string, dir: string): Promise<{ images: ImageFile[]; unread: UnreadImage[] }> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  const paths = entries
    .filter((entry) => (entry.isFile() || entry.isSymbolicLink()) && IMAGE_NAME.test(entry.name))
    .map((entry) => join(entry.parentPath ?? entry.path, entry.name))
    // A hidden file or folder is never the issue's image: it is where secrets and tools' state live.
    .filter(
      (path) =>
        !relative(dir, path)
          .split(sep)
          .some((part) => part.startsWith('.')),
    )
    .sort();
  if (paths.length > LIMITS.imagesPerIssue) {
    throw new CliError(`this issue folder holds ${paths.length} images; at most ${LIMITS.imagesPerIssue} are read.`, {
      file: shownPath(root, dir),
      hint: 'Keep only the images the issue shows in its folder.',
    });
  }
  const images: ImageFile[] = [];
  const unread: UnreadImage[] = [];
  for (const path of paths) {
    try {
      images.push((await readImageAndBytes(root, path)).image);
    } catch (error) {
      const refused =
        (error as NodeJS.ErrnoException).code === 'ENOENT'
          ? new CliError('this image is a link to nothing: its target does not exist.', {
              file: shownPath(root, path),
              hint: 'Remove the link, or put the image itself there.',
            })
          : error;
      if (!(refused instanceof CliError) || refused.kind !== 'content') throw refused;
      unread.push({ path: shownPath(root, path), message: refused.message, ...(refused.hint ? { hint: refused.hint } : {}) });
    }
  }
  return { images, unread };
}

/** The bytes of one of an issue's own images, read afresh from the workspace (never through a link out of it). */
export function readLocalImage(root: string, image: Pick<ImageFile, 'path'>): Buffer {
  return readFileBytes(join(root, image.path), image.path, { within: root, maxBytes: LIMITS.imageBytes });
}

/** One image file, or undefined when there is none at `path` (a site image not in the checkout). */
export async function readImageIfThere(root: string, path: string, within = root): Promise<ImageFile | undefined> {
  return (await readImageWithBytesIfThere(root, path, within))?.image;
}

/** readImageIfThere, with the bytes it read: for a caller that sends or serves the image itself. */
export async function readImageWithBytesIfThere(root: string, path: string, within = root): Promise<{ image: ImageFile; bytes: Buffer } | undefined> {
  const info = await stat(path).catch(() => undefined);
  return info?.isFile() ? readImageAndBytes(root, path, within, info) : undefined;
}

/** `known`: the file's stat, when the caller has it already. */
async function readImageAndBytes(root: string, path: string, within = root, known?: Stats): Promise<{ image: ImageFile; bytes: Buffer }> {
  const shown = shownPath(root, path);
  const info = known ?? (await stat(path).catch(() => undefined));
  if (info && info.size > LIMITS.imageBytes) {
    throw new CliError(
      `this image is ${(info.size / 1048576).toFixed(0)} MB; an email image should weigh under 1 MB, and at most ${LIMITS.imageBytes / 1048576} MB is read.`,
      {
        file: shown,
        hint: 'Export it smaller (1200 px wide is plenty for an email), or move it out of the issue folder.',
      },
    );
  }
  const bytes = readFileBytes(path, shown, { within, maxBytes: LIMITS.imageBytes });
  const extension = normalFormat(path.slice(path.lastIndexOf('.') + 1));
  // The bytes say what the file is, never its name: a secret renamed .png is not read as an image.
  const header = readImageHeader(bytes.subarray(0, IMAGE_HEADER_BYTES));
  if (header.format !== extension) {
    throw new CliError(
      `this is not a ${extension.toUpperCase()} image: its content is ${header.format ? `${header.format.toUpperCase()}` : 'no image format'}; only images are read from an issue folder.`,
      {
        file: shown,
        hint: header.format
          ? `Rename it to .${header.format}, or export it again as ${extension.toUpperCase()}.`
          : 'Put the image itself here, or remove the file.',
      },
    );
  }
  const image: ImageFile = {
    path: shown,
    bytes: bytes.length,
    hash: createHash('sha256').update(bytes).digest('hex'),
    ...(header.width !== undefined ? { width: header.width } : {}),
    ...(header.height !== undefined ? { height: header.height } : {}),
    format: header.format,
  };
  return { image, bytes };
}

function normalFormat(format: string): string {
  const lower = format.toLowerCase();
  return lower === 'jpeg' ? 'jpg' : lower === 'tiff' ? 'tif' : lower === 'heif' ? 'heic' : lower;
}

function shownPath(root: string, path: string): string {
  return relative(root, path).split(sep).join('/');
}

/**
 * The images an earlier publish of this issue wrote into its folder of the site that the post
 * no longer names: files (not links, not hidden) whose name carries the hash of their own
 * content, as publishedImageName makes it. Anything else in the folder is someone else's and is
 * never listed. `keep`: the names the post shows now.
 */
export function stalePublishedImages(folder: string, keep: ReadonlySet<string>): string[] {
  let entries: Dirent[];
  try {
    entries = readdirSync(folder, { withFileTypes: true });
  } catch {
    return [];
  }
  const stale: string[] = [];
  for (const entry of entries) {
    const hash = hashInPublishedName(entry.name);
    if (!entry.isFile() || entry.name.startsWith('.') || keep.has(entry.name) || !hash) continue;
    const path = join(folder, entry.name);
    if (statSync(path).size > LIMITS.imageBytes) continue;
    if (createHash('sha256').update(readFileSync(path)).digest('hex').startsWith(hash)) stale.push(path);
  }
  return stale.sort();
}

import type { Config } from '../config/config.js';
import type { SiteModel } from '../site/site.js';
import { fillPattern } from '../config/config.js';
import { monthName, type IssueId } from '../issue/slug.js';
import { hasScheme, isMergeTag } from '../markdown/urls.js';
import { imageSources } from '../markdown/html-read.js';

/*
 * Images: those an issue keeps in its own folder (sections/<issue>/img/photo.png, written
 * `![...](img/photo.png)` or `./img/photo.png`), which build copies and publish puts on the
 * site, and the site's own (`/img/sponsors.png`), which a checkout of the site holds.
 */

/** An image file as read from the disk: what the lint rules and the published name need. */
export interface ImageFile {
  /** Relative to the workspace, forward slashes. */
  path: string;
  bytes: number;
  /** sha256 of the content, hex; names a published copy. */
  hash: string;
  width?: number;
  height?: number;
  /** What the content is (png, jpg, gif, webp, svg, avif...), or the extension when unreadable. */
  format: string;
}

/** A checkout of the site, as the lint rules ask it: the image a file holds, or null when there is none. */
export interface SiteCheckout {
  /** The checkout's folder, for messages and for publish. */
  root: string;
  image(file: string): Promise<ImageFile | null>;
  /**
   * What the site knows (CMS fields, authors, categories, posts), read once and kept while its
   * files are unchanged. Optional: a checkout held in memory by a test may hold images only.
   */
  model?(): SiteModel | undefined;
}

/**
 * The site images an HTML page shows (`<img src>` at the site's image folder, by site path or
 * absolute URL), each once: the address as the page writes it, its site path, and its file in a
 * checkout of the site.
 */
export function siteImagesInHtml(html: string, config: Config): { address: string; sitePath: string; file: string }[] {
  const found = new Map<string, { address: string; sitePath: string; file: string }>();
  for (const address of imageSources(html)) {
    const file = siteImageFile(config, address);
    if (!file || found.has(address)) continue;
    const sitePath = address.startsWith(`${config.site}/`) ? address.slice(config.site.length) : address;
    if (sitePath.startsWith('/')) found.set(address, { address, sitePath: sitePath.split(/[?#]/)[0]!, file });
  }
  return [...found.values()];
}

/** The Content-Type of an image by its file name, as the preview and the screenshot's browser serve it. */
export function imageContentType(name: string): string {
  return IMAGE_CONTENT_TYPES[name.slice(name.lastIndexOf('.') + 1).toLowerCase()] ?? 'application/octet-stream';
}

const IMAGE_CONTENT_TYPES: Record<string, string> = {
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  webp: 'image/webp',
  svg: 'image/svg+xml',
  avif: 'image/avif',
};

/** The extensions read as images from an issue's folder. */
export const IMAGE_EXTENSIONS = ['png', 'jpg', 'jpeg', 'gif', 'webp', 'svg', 'avif', 'bmp', 'tif', 'tiff', 'heic'];

/**
 * The path, relative to the issue's folder, that an image URL names when it is a relative path
 * (`img/a.png`, `./img/a.png`); undefined for anything else (a site path, a URL, a merge tag).
 * A path that leaves the folder (`../x.png`) gives `outside: true`.
 */
export function localImagePath(url: string): { path: string; outside: boolean } | undefined {
  const trimmed = url.trim();
  if (trimmed === '' || trimmed.startsWith('/') || trimmed.startsWith('#') || trimmed.startsWith('\\') || hasScheme(trimmed) || isMergeTag(trimmed))
    return undefined;
  const withoutQuery = trimmed.split(/[?#]/)[0]!;
  let decoded: string;
  try {
    decoded = decodeURI(withoutQuery);
  } catch {
    decoded = withoutQuery;
  }
  const { parts, outside } = walkedPath(decoded);
  return { path: parts.join('/'), outside };
}

/**
 * The name a local image is published under: its own name, made safe for a URL, and the first
 * eight hex digits of its content's hash, so that the same file always gets the same name and a
 * changed file a new one (no inbox or CDN shows a stale copy).
 */
export function publishedImageName(localPath: string, image: Pick<ImageFile, 'hash'>): string {
  const file = localPath.split('/').pop()!;
  const dot = file.lastIndexOf('.');
  const stem =
    (dot > 0 ? file.slice(0, dot) : file)
      .toLowerCase()
      .normalize('NFKD')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '') || 'image';
  const extension =
    dot > 0
      ? file
          .slice(dot + 1)
          .toLowerCase()
          .replace(/[^a-z0-9]/g, '')
      : '';
  return `${stem}-${image.hash.slice(0, 8)}${extension ? `.${extension === 'jpeg' ? 'jpg' : extension}` : ''}`;
}

/** The eight hex digits of content hash a name publishedImageName made carries, or undefined for any other name. */
export function hashInPublishedName(name: string): string | undefined {
  return /-([0-9a-f]{8})(?:\.[a-z0-9]+)?$/.exec(name)?.[1];
}

/** The site path of an issue's images folder: config's imagePath for this issue. */
export function issueImageFolder(config: Config, id: IssueId): string {
  return fillPattern(config.imagePath, id, monthName(id.month));
}

/**
 * The file a site path names in a checkout of the site (`/img/x.png` -> static/img/x.png),
 * relative to the checkout; undefined when the path is not under the served image folder.
 */
export function siteImageFile(config: Config, url: string): string | undefined {
  const named = siteImagePath(config, url);
  return named && !named.outside ? named.file : undefined;
}

/**
 * The file of the site's image folder a site path names, read as a web server reads it:
 * decoded first (`%2E%2E` is `..`, `%2F` a slash), then its `.` and `..` parts resolved.
 * Undefined when the path is not a site image (a URL elsewhere, a path outside the image URL as
 * written); `outside: true` when it is written under the image URL but resolves out of it, and
 * so names no image of the site, whatever the checkout holds there.
 */
export function siteImagePath(config: Config, url: string): { file: string; outside: boolean } | undefined {
  let path = url.trim();
  if (path.startsWith(`${config.site}/`)) path = path.slice(config.site.length);
  path = path.split(/[?#]/)[0]!;
  const { imageUrl, imageDir } = config.siteLayout;
  if (!path.startsWith(imageUrl)) return undefined;
  let decoded: string;
  try {
    decoded = decodeURIComponent(path);
  } catch {
    return undefined;
  }
  // A backslash is a separator to some servers and file systems, a NUL ends a name to others.
  if (/[\\\0]/.test(decoded)) return { file: imageDir, outside: true };
  const { parts, outside } = walkedPath(decoded);
  const folder = imageUrl.split('/').filter((part) => part !== '');
  if (outside || parts.length <= folder.length || folder.some((part, i) => parts[i] !== part)) return { file: imageDir, outside: true };
  return { file: `${imageDir}/${parts.slice(folder.length).join('/')}`, outside: false };
}

/** A decoded path's parts with `.` and `..` walked, and whether a `..` went above its start. */
function walkedPath(decoded: string): { parts: string[]; outside: boolean } {
  const parts: string[] = [];
  let outside = false;
  for (const part of decoded.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (parts.length === 0) outside = true;
      else parts.pop();
    } else parts.push(part);
  }
  return { parts, outside };
}

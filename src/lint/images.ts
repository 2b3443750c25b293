import { localImagePath, siteImageFile, type ImageFile } from '../core/images/images.js';
import type { LocalImage } from '../core/issue/issue.js';
import { urlsOf } from './source.js';
import type { Capabilities, RuleContext } from './rule.js';

/** An image an issue shows, where the writer wrote it, and what it is: one of the issue's own, a site image, or elsewhere. */
export interface ImageUse {
  file: string;
  range: { line: number; column?: number; endLine?: number; endColumn?: number };
  url: string;
  /** Written as raw HTML (<img src>) rather than Markdown. */
  html: boolean;
  /** A relative path: the issue's own image (undefined when the folder has no such file). */
  local?: { path: string; outside: boolean; image: LocalImage | undefined };
  /** A site path under the served image folder: the file a checkout of the site holds it in. */
  siteFile?: string;
}

/** Found once per lint of an issue (its docs), however many image rules ask. */
const found = new WeakMap<RuleContext['docs'], ImageUse[]>();

/** Every image the issue's Markdown and raw HTML show, in reading order. */
export function imageUsesOf(context: Pick<RuleContext, 'docs' | 'issue' | 'config'>): ImageUse[] {
  const known = found.get(context.docs);
  if (known) return known;
  const uses = findImageUses(context);
  found.set(context.docs, uses);
  return uses;
}

function findImageUses({ docs, issue, config }: Pick<RuleContext, 'docs' | 'issue' | 'config'>): ImageUse[] {
  const uses: ImageUse[] = [];
  for (const { file, doc, at } of docs) {
    if (at) continue; // front matter values hold no images
    for (const { url, use, kind, range } of urlsOf(doc)) {
      if (use !== 'image' || url.trim() === '') continue;
      const local = localImagePath(url);
      uses.push({
        file,
        range,
        url: url.trim(),
        html: kind === 'html',
        ...(local ? { local: { ...local, image: local.outside ? undefined : issue.images.get(local.path) } } : {}),
        ...(!local && siteImageFile(config, url) ? { siteFile: siteImageFile(config, url) } : {}),
      });
    }
  }
  return uses;
}

/** The file behind an image use, when it can be known: the issue's own, or the site checkout's. */
export async function imageFileOf(use: ImageUse, siteImage: Capabilities['siteImage'] | undefined): Promise<ImageFile | undefined> {
  if (use.local) return use.local.image?.file;
  if (use.siteFile && siteImage) return (await siteImage(use.siteFile)) ?? undefined;
  return undefined;
}

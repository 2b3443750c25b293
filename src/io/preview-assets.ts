import { packagePath } from '../paths.js';
import { readTextFile } from './files.js';

/** The preview page's own files (assets/preview/): its script, the live server's, its style, and what an export shows for a remote image. */
const ASSETS = [
  ['page.js', 'text/javascript; charset=utf-8'],
  ['live.js', 'text/javascript; charset=utf-8'],
  ['preview.css', 'text/css; charset=utf-8'],
  ['remote-image.svg', 'image/svg+xml'],
] as const;

export type PreviewAsset = (typeof ASSETS)[number][0];

/** The preview page's own files, by the address the live server serves them at (/_preview/<name>). */
export async function readPreviewAssets(): Promise<Map<string, { type: string; body: string }>> {
  const assets = new Map<string, { type: string; body: string }>();
  for (const [name, type] of ASSETS) {
    assets.set(`/_preview/${name}`, { type, body: await readTextFile(packagePath('assets', 'preview', name), name) });
  }
  return assets;
}

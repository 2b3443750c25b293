import { packagePath } from '../paths.js';
import { readTextFile } from './files.js';

/** The preview page's own script and style (assets/preview/), by the address it serves them at. */
export async function readPreviewAssets(): Promise<Map<string, { type: string; body: string }>> {
  const assets = new Map<string, { type: string; body: string }>();
  for (const [name, type] of [
    ['preview.js', 'text/javascript; charset=utf-8'],
    ['preview.css', 'text/css; charset=utf-8'],
  ] as const) {
    assets.set(`/_preview/${name}`, { type, body: await readTextFile(packagePath('assets', 'preview', name), name) });
  }
  return assets;
}

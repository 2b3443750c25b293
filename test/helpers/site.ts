import { writeFiles } from './workspace.js';
import { png } from './images.js';
import { siteFiles as siteTexts, type SiteOptions } from '../../scripts/site-checkout.mjs';

export { CMS_CONFIG, CATEGORIES } from '../../scripts/site-checkout.mjs';

/** A checkout of the site laid out as osf-website (scripts/site-checkout.mjs), with an image of its own. */
export function siteFiles(options: SiteOptions = {}): Record<string, string | Buffer> {
  return { ...siteTexts(options), 'static/img/sponsors.png': png(600, 200) };
}

export async function writeSite(dir: string, options: SiteOptions = {}): Promise<void> {
  await writeFiles(dir, siteFiles(options));
}

import { openInBrowser } from '../io/open-browser.js';
import type { PreviewServer } from './preview.js';

/*
 * preview --open: the page of the issue shown first, in the default browser. Apart from
 * commands/preview.ts, which serves, so that only --open loads what starts a browser.
 */

/** Opens the preview's page of its first issue; returns why no browser could be opened, or undefined. */
export function openPreview(server: Pick<PreviewServer, 'url' | 'issue'>): Promise<string | undefined> {
  return openInBrowser(`${server.url}${server.issue}/`);
}

// Takes the README's picture of the preview (docs/preview.png): the sample issue, served by
// `newsletter preview` on loopback, in Debian's Chromium, nothing asked of the network.
// node scripts/preview-screenshot.mjs [out.png]
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openPreviewInChromium } from './preview-in-chromium.mjs';

const ROOT = dirname(dirname(fileURLToPath(import.meta.url)));
const out = process.argv[2] ?? join(ROOT, 'docs', 'preview.png');
const preview = await openPreviewInChromium(ROOT, { width: 1600, height: 940 });
try {
  await preview.page.screenshot({ path: out });
  console.log(out);
} finally {
  await preview.close();
}

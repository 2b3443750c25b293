#!/usr/bin/env node
// On Windows, gives bin/newsletter.js a node shebang. npm's shims start a bin with the program
// its shebang names, and the bin's `#!/bin/sh` (the fast path to the startup snapshot, see
// docs/snapshot.md) would need an sh that Windows lacks. Node ignores the first line, so the
// file then runs as the plain ES module it also is. Run by `npm run compile` (and so by
// `npm install`) before npm links the bin; elsewhere it changes nothing.
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const NODE_SHEBANG = '#!/usr/bin/env node';

/** The bin's text as `platform` (a process.platform value) must run it. */
export function binForPlatform(text, platform) {
  if (platform !== 'win32') return text;
  const firstLineEnd = text.indexOf('\n');
  return `${NODE_SHEBANG}${firstLineEnd === -1 ? '' : text.slice(firstLineEnd)}`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const bin = join(dirname(dirname(fileURLToPath(import.meta.url))), 'bin', 'newsletter.js');
  const text = readFileSync(bin, 'utf8');
  const wanted = binForPlatform(text, process.platform);
  if (wanted !== text) writeFileSync(bin, wanted);
}

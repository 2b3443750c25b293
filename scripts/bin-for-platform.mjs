#!/usr/bin/env node
// On Windows, gives bin/newsletter.js a node shebang. npm's shims start a bin with the program
// its shebang names, and the bin's `#!/bin/sh` (the fast path to the startup snapshot, see
// docs/snapshot.md) would need an sh that Windows lacks. Node ignores the first line, so the
// file then runs as the plain ES module it also is. Run by `npm run compile` (and so by
// `npm install`) before npm links the bin; elsewhere it changes nothing.
//
// Everywhere, it also writes the sh `case` that lists the commands started from the startup
// snapshot from the list of commands (lib/command-list.js, just compiled): the one list that says which they are.
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const NODE_SHEBANG = '#!/usr/bin/env node';

/** The bin's text as `platform` (a process.platform value) must run it. */
export function binForPlatform(text, platform) {
  if (platform !== 'win32') return text;
  const firstLineEnd = text.indexOf('\n');
  return `${NODE_SHEBANG}${firstLineEnd === -1 ? '' : text.slice(firstLineEnd)}`;
}

const SNAPSHOT_CASE = /case \$cmd in [a-z|-]+\)/;

/** The bin's text with its sh `case` naming `commands`, those started from the snapshot. */
export function binWithSnapshotCommands(text, commands) {
  if (!SNAPSHOT_CASE.test(text)) throw new Error('bin/newsletter.js has no `case $cmd in ...)` line');
  if (commands.length === 0 || commands.some((name) => !/^[a-z][a-z-]*$/.test(name))) throw new Error(`not command names: ${commands.join(', ')}`);
  return text.replace(SNAPSHOT_CASE, `case $cmd in ${commands.join('|')})`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const bin = join(dirname(dirname(fileURLToPath(import.meta.url))), 'bin', 'newsletter.js');
  const lib = join(dirname(dirname(fileURLToPath(import.meta.url))), 'lib');
  const { COMMANDS } = await import(pathToFileURL(join(lib, 'command-list.js')).href);
  const text = readFileSync(bin, 'utf8');
  const fromSnapshot = COMMANDS.filter((command) => command.fromSnapshot).map((command) => command.name);
  const wanted = binForPlatform(binWithSnapshotCommands(text, fromSnapshot), process.platform);
  if (wanted !== text) writeFileSync(bin, wanted);
}

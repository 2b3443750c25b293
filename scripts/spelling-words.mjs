#!/usr/bin/env node
// Writes lib/spelling/words.txt: every word form of Hunspell's American and British English
// dictionaries (dictionary-en, dictionary-en-gb), expanded through their affix rules by nspell
// and sorted by UTF-16 code unit, one per line. The spelling rule looks words up in it by
// binary search (src/core/spelling.ts): reading it costs a build a few milliseconds, where
// loading the dictionaries through nspell would cost 300 ms and 40 MB. Run by `npm run compile`.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import american from 'dictionary-en';
import british from 'dictionary-en-gb';
import nspell from 'nspell';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const words = new Set();
for (const dictionary of [american, british]) {
  const speller = nspell(dictionary);
  for (const word of Object.keys(speller.data)) if (/\p{L}/u.test(word)) words.add(word);
}
const sorted = [...words].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
mkdirSync(join(root, 'lib', 'spelling'), { recursive: true });
writeFileSync(join(root, 'lib', 'spelling', 'words.txt'), `${sorted.join('\n')}\n`);

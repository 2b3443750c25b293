#!/usr/bin/env node
// Writes the spelling rule's dictionary, lib/spelling/words.txt and words-non-ascii.txt (and
// words-reversed.txt, the first's words backwards): every
// word form of
// - cspell's American and British English (@cspell/dict-en_us, @cspell/dict-en-gb-mit), whose
//   tries cspell-trie-lib expands to their words;
// - Hunspell's American and British English (dictionary-en, dictionary-en-gb), expanded through
//   their affix rules by nspell: it adds a few British forms cspell lacks ("burglarise");
// - cspell's software terms, companies and full-stack development word lists: the trade's words
//   ("backend") and companies' names, which no general dictionary holds;
// sorted by UTF-16 code unit, one per line. The spelling rule looks words up in it by binary
// search (src/core/spelling/spelling.ts): reading it costs a run the read alone, where loading the tries
// or nspell at run time would cost a second and tens of MB. Run by `npm run compile`; the
// cspell packages are devDependencies, as they are needed here only.
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { importTrie, iteratorTrieWords } from 'cspell-trie-lib';
import american from 'dictionary-en';
import british from 'dictionary-en-gb';
import nspell from 'nspell';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const require = createRequire(import.meta.url);
// Each cspell dictionary exports its cspell-ext.json, at its root, and nothing else.
const packageDir = (name) => dirname(require.resolve(`${name}/cspell-ext.json`));
const read = (file) => (file.endsWith('.gz') ? gunzipSync(readFileSync(file)) : readFileSync(file)).toString('utf8');

// Only what src/core/spelling/spelling.ts's proseWords can hand the rule: letters and marks, maybe with
// inner apostrophes and hyphens. This also drops cspell's markers: "~word" (a word's case- and
// accent-folded form, which would make "paris" right), "!word" (forbidden), "*part*" and
// "+part" (pieces of compounds, not words), "typo:fix" and "typo->fix" (suggestions), numbers,
// abbreviations with dots and phrases with spaces.
const PLAIN_WORD = /^\p{L}[\p{L}\p{M}]*(?:['\u2019-][\p{L}\p{M}]+)*$/u;

const words = new Set();
const add = (word) => {
  if (PLAIN_WORD.test(word)) words.add(word);
};
const counts = {};
const from = (source, list) => {
  const before = words.size;
  for (const word of list) add(word);
  counts[source] = words.size - before;
};

// 1. cspell's English tries (the file's own lines; importTrie reads any of its formats).
for (const [name, file] of [
  ['@cspell/dict-en_us', 'en_US.trie.gz'],
  ['@cspell/dict-en-gb-mit', 'en_GB.trie.gz'],
]) {
  from(name, iteratorTrieWords(importTrie(read(join(packageDir(name), file)).split('\n'))));
}

// 2. Hunspell's, every affixed form.
for (const [name, dictionary] of [
  ['dictionary-en', american],
  ['dictionary-en-gb', british],
]) {
  from(name, Object.keys(nspell(dictionary).data));
}

// 3. cspell's plain word lists: one word a line, "#" starting a comment.
const listWords = (file) =>
  read(file)
    .split('\n')
    .map((line) => line.replace(/#.*/, '').trim())
    .filter(Boolean);
const softwareTerms = join(packageDir('@cspell/dict-software-terms'), 'dict');
from('@cspell/dict-software-terms', [
  ...listWords(join(softwareTerms, 'softwareTerms.txt.gz')),
  ...readdirSync(softwareTerms)
    .filter((file) => file.endsWith('.txt'))
    .flatMap((file) => listWords(join(softwareTerms, file))),
]);
from('@cspell/dict-companies', listWords(join(packageDir('@cspell/dict-companies'), 'dict', 'companies.txt')));
from('@cspell/dict-fullstack', listWords(join(packageDir('@cspell/dict-fullstack'), 'dict', 'fullstack.txt')));

// Left out, a quarter of the words: what the speller derives from a word the file holds
// (Hunspell's reading of case, src/core/spelling/spelling.ts), a possessive ("release's") and a
// capitalised form of a lower-case word ("Release").
const derived = (word) => {
  const stem = /^(.+)'s$/.exec(word)?.[1];
  if (stem !== undefined && words.has(stem)) return true;
  const lower = word.toLowerCase();
  return word !== lower && word === lower[0].toUpperCase() + lower.slice(1) && words.has(lower);
};
const sorted = [...words].filter((word) => !derived(word)).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
// The 700 words with a letter outside ASCII ("café", "Māori") go to a file of their own: the
// rest, read apart, is a one-byte string in V8: half the time to read (7 ms against 14).
const ascii = sorted.filter((word) => /^[\x00-\x7f]*$/.test(word));
const other = sorted.filter((word) => !/^[\x00-\x7f]*$/.test(word));
mkdirSync(join(root, 'lib', 'spelling'), { recursive: true });
writeFileSync(join(root, 'lib', 'spelling', 'words.txt'), `${ascii.join('\n')}\n`);
writeFileSync(join(root, 'lib', 'spelling', 'words-non-ascii.txt'), `${other.join('\n')}\n`);
// The ASCII words again, each written backwards, sorted likewise: the speller asks whether a
// word ends as an edit of a made-up word does, and leaves most such edits unmade (#36).
const backwards = ascii.map((word) => [...word].reverse().join('')).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
writeFileSync(join(root, 'lib', 'spelling', 'words-reversed.txt'), `${backwards.join('\n')}\n`);
if (process.argv.includes('--verbose')) console.log(`${sorted.length} words written of ${words.size}; new from each source, in order:`, counts);

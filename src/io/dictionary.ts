import { readFileSync } from 'node:fs';
import { startupSnapshot } from 'node:v8';
import { CliError } from '../errors.js';
import { packagePath } from '../paths.js';
import { asciiSplitWordList, sortedWordList, type WordList } from '../core/spelling/spelling.js';

let english: WordList | undefined;

/**
 * English as cspell's and Hunspell's American and British dictionaries spell it, every form of
 * every word, with cspell's lists of the trade's words and companies (lib/spelling/words.txt
 * and words-non-ascii.txt, which `npm run compile` writes: scripts/spelling-words.mjs). Read
 * once per process, and only when the spelling rule asks.
 */
export function englishWords(): WordList {
  if (english) return english;
  // words-reversed.txt is read only when the speller first asks how a word ends.
  const words = asciiSplitWordList(
    sortedWordList(readWords('words.txt'), () => readWords('words-reversed.txt')),
    sortedWordList(readWords('words-non-ascii.txt')),
  );
  // The startup snapshot's warm-up lints an issue: kept, the list would be 2 MB of every start.
  if (!startupSnapshot.isBuildingSnapshot()) english = words;
  return words;
}

function readWords(name: string): string {
  const file = packagePath('lib', 'spelling', name);
  try {
    return readFileSync(file, 'utf8');
  } catch {
    throw new CliError(`the spelling dictionary ${file} is missing.`, { kind: 'usage', hint: 'Run npm run compile (npm install runs it) to write it.' });
  }
}

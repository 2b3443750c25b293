import { readFileSync } from 'node:fs';
import { startupSnapshot } from 'node:v8';
import { CliError } from '../errors.js';
import { packagePath } from '../paths.js';
import { sortedWordList, type WordList } from '../core/spelling.js';

let english: WordList | undefined;

/**
 * English as Hunspell's American and British dictionaries spell it, every form of every word
 * (lib/spelling/words.txt, which `npm run compile` writes: scripts/spelling-words.mjs). Read
 * once per process, and only when the spelling rule asks.
 */
export function englishWords(): WordList {
  if (english) return english;
  const file = packagePath('lib', 'spelling', 'words.txt');
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    throw new CliError(`the spelling dictionary ${file} is missing.`, { kind: 'usage', hint: 'Run npm run compile (npm install runs it) to write it.' });
  }
  const words = sortedWordList(text);
  // The startup snapshot's warm-up lints an issue: kept, the list would be 1.2 MB of every start.
  if (!startupSnapshot.isBuildingSnapshot()) english = words;
  return words;
}

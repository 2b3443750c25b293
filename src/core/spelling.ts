/**
 * Spelling over prose: which words a text holds, whether a word is known, and the known words
 * nearest to one that is not. Pure: the dictionary's text is read by the caller (io/dictionary.ts).
 */

/** A list of words, each spelt as it must be. */
export interface WordList {
  has(word: string): boolean;
}

/**
 * A word list over text holding one word per line, sorted by UTF-16 code unit, looked up by
 * binary search over the text itself: no split, no Set, so reading 127,000 words costs the
 * read alone.
 */
export function sortedWordList(text: string): WordList {
  return {
    has(word) {
      let low = 0;
      let high = text.length;
      while (low < high) {
        const mid = (low + high) >> 1;
        const start = text.lastIndexOf('\n', mid - 1) + 1;
        const newline = text.indexOf('\n', start);
        const end = newline === -1 ? text.length : newline;
        const line = text.slice(start, end);
        if (line === word) return true;
        if (line < word) low = end + 1;
        else high = start;
      }
      return false;
    },
  };
}

/** A word of prose and where it starts in its text. */
export interface ProseWord {
  word: string;
  index: number;
}

// What is not prose, read token by token (a token ends at a space): URLs, addresses, handles,
// hashtags, and file and host names (a dot or slash between two letters or digits).
const NOT_PROSE = /^(?:[("'\u2018\u201C]*(?:[a-z][a-z0-9+.-]*:\/\/|www\.|mailto:|[@#]))|@|[\p{L}\p{N}][./\\][\p{L}\p{N}]/iu;
// A run of word characters; one with a digit or an underscore is a version or an identifier.
const RUN = /[\p{L}\p{M}\p{N}_'\u2019-]+/gu;
const WORD = /[\p{L}\p{M}]+(?:['\u2019][\p{L}\p{M}]+)*(?:-[\p{L}\p{M}]+(?:['\u2019][\p{L}\p{M}]+)*)*/gu;

/**
 * The words of a text a reader reads, URLs, addresses, handles, file names and numbers left
 * out. Every pattern here reads each character a bounded number of times, whatever the text.
 */
export function proseWords(text: string): ProseWord[] {
  const words: ProseWord[] = [];
  for (const token of text.matchAll(/\S+/g)) {
    if (NOT_PROSE.test(token[0])) continue;
    for (const run of token[0].matchAll(RUN)) {
      if (/[\d_]/.test(run[0])) continue;
      for (const word of run[0].matchAll(WORD)) words.push({ word: word[0], index: (token.index ?? 0) + (run.index ?? 0) + (word.index ?? 0) });
    }
  }
  return words;
}

export type WordCase = 'lower' | 'capital' | 'upper' | 'mixed';

export function caseOf(word: string): WordCase {
  const letters = word.replace(/[^\p{L}]/gu, '');
  if (letters === letters.toLowerCase()) return 'lower';
  if (letters.length > 1 && letters === letters.toUpperCase()) return 'upper';
  if (letters.slice(1) === letters.slice(1).toLowerCase()) return 'capital';
  return 'mixed';
}

export interface Speller {
  /** Whether a word (or each part of a hyphenated one) is known, Hunspell's way with case. */
  knows(word: string): boolean;
  /**
   * Known words one edit away (an own word of six letters or more, two), nearest first, at most
   * three; with `ownOnly`, only the house's and the workspace's words.
   */
  suggest(word: string, ownOnly?: boolean): string[];
}

const LETTERS = 'abcdefghijklmnopqrstuvwxyz';

/**
 * A speller over a dictionary and the words of the house (the community's names) and of the
 * workspace. Case as Hunspell reads it: a word listed in lower case is known capitalised or in
 * capitals too ("release", "Release", "RELEASE"), one listed capitalised in capitals too
 * ("Paris", "PARIS"), anything else only as listed ("OpenStack").
 */
export function makeSpeller(dictionary: WordList, ownWords: readonly string[]): Speller {
  const own = new Set(ownWords);
  const listed = (word: string): boolean => own.has(word) || dictionary.has(word);
  const knownAsIs = (raw: string): boolean => {
    const word = raw.replaceAll('’', "'");
    if (listed(word)) return true;
    const shape = caseOf(word);
    const lower = word.toLowerCase();
    if ((shape === 'capital' || shape === 'upper') && listed(lower)) return true;
    if (shape === 'upper' && listed(lower[0]!.toUpperCase() + lower.slice(1))) return true;
    // A possessive: the community's, Zuul's, the projects'.
    const stem = /^(.+?)(?:'s|')$/i.exec(word)?.[1];
    return stem !== undefined && stem !== word && knownAsIs(stem);
  };
  const knows = (word: string): boolean => knownAsIs(word) || (word.includes('-') && word.split('-').every((part) => part === '' || knownAsIs(part)));
  const ownList = [...own];

  return {
    knows,
    suggest(word, ownOnly = false) {
      const limit = 3;
      const found: string[] = [];
      const add = (candidate: string) => {
        if (!found.includes(candidate) && candidate !== word) found.push(candidate);
      };
      const lower = word.toLowerCase();
      for (const candidate of ownList) {
        const d = editDistance(lower, candidate.toLowerCase());
        if (d === 0 || (word.length >= 4 && d <= (word.length >= 6 ? 2 : 1))) add(candidate);
      }
      if (ownOnly) return found.slice(0, limit);
      const shape = caseOf(word);
      const recase = (candidate: string) => (shape === 'capital' ? candidate[0]!.toUpperCase() + candidate.slice(1) : shape === 'upper' ? candidate.toUpperCase() : candidate);
      for (const candidate of editsOf(lower)) {
        if (knownAsIs(recase(candidate)) && !/^[\p{L}]$/u.test(candidate)) add(recase(candidate));
        if (found.length >= limit * 4) break;
      }
      return found.slice(0, limit);
    },
  };
}

/**
 * Every word one edit from `word`, likeliest typo first: two letters swapped, a letter doubled
 * or undoubled, one letter wrong, one too few, one too many.
 */
function* editsOf(word: string): Generator<string> {
  for (let i = 0; i < word.length - 1; i++) yield word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2);
  for (let i = 0; i < word.length; i++) yield word.slice(0, i + 1) + word.slice(i);
  for (let i = 1; i < word.length; i++) if (word[i] === word[i - 1]) yield word.slice(0, i) + word.slice(i + 1);
  for (let i = 0; i < word.length; i++) for (const c of LETTERS) if (c !== word[i]) yield word.slice(0, i) + c + word.slice(i + 1);
  for (let i = 0; i <= word.length; i++) for (const c of LETTERS) yield word.slice(0, i) + c + word.slice(i);
  for (let i = 0; i < word.length; i++) yield word.slice(0, i) + word.slice(i + 1);
}

/** Damerau-Levenshtein distance (adjacent swaps count one), for short words. */
export function editDistance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 2) return 3;
  const rows: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) rows[0]![j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(rows[i - 1]![j]! + 1, rows[i]![j - 1]! + 1, rows[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, rows[i - 2]![j - 2]! + 1);
      rows[i]![j] = best;
    }
  }
  return rows[a.length]![b.length]!;
}

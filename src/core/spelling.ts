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

/**
 * Two word lists as one: words of ASCII characters alone are looked up in the first, the others
 * in the second. Kept apart, the first's text is a one-byte string in V8, faster to read and
 * to search than one holding "Māori" would make it.
 */
export function asciiSplitWordList(ascii: WordList, other: WordList): WordList {
  return { has: (word) => (/^[\x00-\x7f]*$/.test(word) ? ascii : other).has(word) };
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
  /**
   * Whether a word (or each part of a hyphenated one) is known, Hunspell's way with case, with
   * its possessive, and its plural (s, or es after x, z, ch, sh) when its singular is known.
   */
  knows(word: string): boolean;
  /** The house's and the workspace's words one edit from the word (case and accents aside), or equal to it but for case. */
  nearOwn(word: string): string[];
  /**
   * Lower-case (common) words of the dictionary one edit from the word's lower-case form, in
   * the word's case: the likeliest typos (two letters swapped, a letter doubled or undoubled)
   * apart from the rest (one letter wrong, one too many, one too few).
   */
  nearCommon(word: string): { likely: string[]; other: string[] };
}

/** A word without its accents ("Ildikó" is "Ildiko"), for comparing with the house's words. */
export const foldAccents = (word: string): string => word.normalize('NFD').replace(/\p{M}/gu, '');

/**
 * A speller over a dictionary and the words of the house (the community's names) and of the
 * workspace. Case as Hunspell reads it: a word listed in lower case is known capitalised or in
 * capitals too ("release", "Release", "RELEASE"), one listed capitalised in capitals too
 * ("Paris", "PARIS"), anything else only as listed ("OpenStack"). The house's words are also
 * known with accents its list leaves out or holds ("Ildikó", "Bogota").
 */
export function makeSpeller(dictionary: WordList, ownWords: readonly string[]): Speller {
  const own = new Set(ownWords.map(foldAccents));
  const listed = (word: string): boolean => dictionary.has(word) || own.has(foldAccents(word));
  const knownAsIs = (raw: string): boolean => {
    const word = raw.replaceAll('’', "'");
    if (listed(word)) return true;
    const shape = caseOf(word);
    const lower = word.toLowerCase();
    if ((shape === 'capital' || shape === 'upper') && listed(lower)) return true;
    if (shape === 'upper' && listed(lower[0]!.toUpperCase() + lower.slice(1))) return true;
    // A possessive: the community's, Zuul's, the projects'.
    const stem = /^(.+?)(?:'s|')$/i.exec(word)?.[1];
    if (stem !== undefined && stem !== word) return knownAsIs(stem);
    return pluralOf(word);
  };
  // The dictionaries inflect their words, the trade's lists and the house's do not: roadmaps,
  // whitepapers, Hackathons. A singular of four letters at least, so that an "s" typed after a
  // short word ("thes", "ands") stays a typo.
  // After x, z, ch or sh, the plural is "es" (patches, not patchs); after s, "es" is left out,
  // since "propses" would pass as the plural of "props".
  const pluralOf = (word: string): boolean => {
    if (!/s$/i.test(word)) return false;
    const bare = word.slice(0, -1);
    const es = word.slice(0, -2);
    return (bare.length >= 4 && !/(?:[sxz]|[cs]h)$/i.test(bare) && knownAsIs(bare)) || (es.length >= 4 && /(?:[xz]|[cs]h)es$/i.test(word) && knownAsIs(es));
  };
  const knows = (word: string): boolean => knownAsIs(word) || (word.includes('-') && word.split('-').every((part) => part === '' || knownAsIs(part)));
  const ownList = [...new Set(ownWords)];

  return {
    knows,
    nearOwn(word) {
      const lower = foldAccents(word).toLowerCase();
      const near = ownList.filter((candidate) => {
        const d = editDistance(lower, foldAccents(candidate).toLowerCase());
        return candidate !== word && (d === 0 || (word.length >= 4 && d === 1));
      });
      // One spelling of each, the first in the word's case where the list has both ("Deployers",
      // "deployers"; "Devstack", "DevStack").
      const initial = (w: string) => w[0] !== w[0]!.toLowerCase();
      const best = new Map<string, string>();
      for (const candidate of near) {
        const key = candidate.toLowerCase();
        const kept = best.get(key);
        if (kept === undefined || (initial(kept) !== initial(word) && initial(candidate) === initial(word))) best.set(key, candidate);
      }
      return [...best.values()];
    },
    nearCommon(word) {
      const shape = caseOf(word);
      const recase = (candidate: string) => (shape === 'capital' ? candidate[0]!.toUpperCase() + candidate.slice(1) : shape === 'upper' ? candidate.toUpperCase() : candidate);
      const likely = new Set<string>();
      const other = new Set<string>();
      for (const { candidate, usual } of editsOf(word.toLowerCase())) {
        // Common words only, listed in lower case: a name is no fix for a common word, and a
        // name first in its sentence is no typo for being one edit from another ("Johan" is
        // not "Johann").
        if (candidate.length < 2 || !knownAsIs(candidate)) continue;
        const shown = recase(candidate);
        if (usual) likely.add(shown);
        else if (!likely.has(shown)) other.add(shown);
      }
      return { likely: [...likely], other: [...other] };
    },
  };
}

/**
 * null when the word is right or cannot be checked; else the likely fixes, at most two, maybe
 * none. Every month brings names no list holds, so only a lower-case word is taken as a word of
 * the language. A name is a capitalised word (a typo only when one edit from one of the
 * community's names, "Kuberentes", or, first in its sentence where any word is capitalised,
 * from a common word, "Recieve"), a mixed-case one ("CloudFest", "ORock") or a lower-case one
 * with a hyphen ("python-novaclient", "cloud-init"), both typos only when one edit from a
 * community name. Words in another script than Latin (a Korean translation) are not read;
 * acronyms, plural ones too (VMs), and a name only cased otherwise (Opendev: brand-name's) are
 * left alone.
 */
export function misspelling(speller: Speller, word: string, sentenceStart: boolean): string[] | null {
  // No word of any dictionary is this long: a run of letters this long is not prose to spell.
  if (word.length > MAX_WORD || NOT_LATIN.test(word)) return null;
  const shape = caseOf(word);
  if (shape === 'upper' || /^\p{Lu}{2,}s$/u.test(word) || speller.knows(word)) return null;
  const own = speller.nearOwn(word);
  if (shape !== 'lower' && own.some((s) => foldAccents(s).toLowerCase() === foldAccents(word).toLowerCase())) return null;
  if (shape === 'mixed' || (shape === 'lower' && word.includes('-'))) return own.length > 0 ? own.slice(0, 2) : null;
  if (shape === 'capital' && !sentenceStart) return own.length > 0 ? own.slice(0, 2) : null;
  const common = speller.nearCommon(word);
  if (shape === 'capital' && own.length === 0 && common.likely.length + common.other.length === 0) return null;
  // Two words written as one ("datacenter", "subcommunity"), one edit from no word: a trade's compound, not a typo.
  if (shape === 'lower' && own.length === 0 && common.likely.length + common.other.length === 0 && isCompound(speller, word)) return null;
  return [...new Set([...own, ...likelyFixes(word, common)])].slice(0, 2);
}

const MAX_WORD = 40;

// Words too common to be half of a compound: "andthe" and "forthe" are a missing space.
const FUNCTION_WORDS = new Set(['the', 'and', 'for', 'with', 'from', 'that', 'this', 'are', 'was', 'were', 'has', 'have', 'had', 'not', 'but', 'you', 'your', 'our', 'its', 'his', 'her', 'all', 'can', 'will', 'into', 'onto', 'out', 'off', 'per', 'via', 'who', 'how', 'why', 'what', 'when', 'then', 'than', 'them', 'they', 'there', 'their', 'these', 'those', 'been', 'being', 'also', 'any', 'each', 'one', 'two', 'more', 'most', 'some', 'such', 'over', 'just']);

/** Whether a word is two known words written together, each of three letters or more and neither a function word. */
function isCompound(speller: Speller, word: string): boolean {
  for (let i = 3; i <= word.length - 3; i++) {
    const [head, tail] = [word.slice(0, i), word.slice(i)];
    if (!FUNCTION_WORDS.has(head) && !FUNCTION_WORDS.has(tail) && speller.knows(head) && speller.knows(tail)) return true;
  }
  return false;
}
const LETTERS = 'abcdefghijklmnopqrstuvwxyz';
// A letter of another script than Latin's: Hangul, CJK, Cyrillic, Greek, Arabic...
const NOT_LATIN = /(?=\p{L})\P{Script=Latin}/u;

/**
 * The fixes worth showing: the likeliest typos (a swap, a doubled or undoubled letter), else,
 * for a word of five letters or more, the one or two words one edit away. No suggestion rather
 * than a guess among many ("clou": clod, clog, clot, cloud, clout...).
 */
function likelyFixes(word: string, { likely, other }: { likely: string[]; other: string[] }): string[] {
  if (likely.length > 0) return likely;
  return word.length >= 5 && other.length <= 2 ? other : [];
}

/**
 * Every word one edit from `word`, likeliest typo first, `usual` for those: two letters
 * swapped, a letter doubled or undoubled; then one letter wrong, one too few, one too many.
 */
function* editsOf(word: string): Generator<{ candidate: string; usual: boolean }> {
  for (let i = 0; i < word.length - 1; i++) if (word[i] !== word[i + 1]) yield { candidate: word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2), usual: true };
  for (let i = 0; i < word.length; i++) yield { candidate: word.slice(0, i + 1) + word.slice(i), usual: true };
  for (let i = 1; i < word.length; i++) if (word[i] === word[i - 1]) yield { candidate: word.slice(0, i) + word.slice(i + 1), usual: true };
  for (let i = 0; i < word.length; i++) for (const c of LETTERS) if (c !== word[i]) yield { candidate: word.slice(0, i) + c + word.slice(i + 1), usual: false };
  for (let i = 0; i <= word.length; i++) for (const c of LETTERS) yield { candidate: word.slice(0, i) + c + word.slice(i), usual: false };
  for (let i = 0; i < word.length; i++) yield { candidate: word.slice(0, i) + word.slice(i + 1), usual: false };
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

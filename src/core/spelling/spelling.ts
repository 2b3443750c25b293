/**
 * Spelling over prose: which words a text holds, whether a word is known, and the known words
 * nearest to one that is not. Pure: the dictionary's text is read by the caller (io/dictionary.ts).
 */
import { LIMITS } from '../limits.js';

/** A list of words, each spelt as it must be. */
export interface WordList {
  has(word: string): boolean;
  /**
   * Whether some word of the list starts with `prefix`. A list without it is taken to answer
   * yes: the speller then tries every edit of a word, which is slower, never different.
   */
  hasPrefix?(prefix: string): boolean;
  /** Whether some word of the list ends with `suffix`; likewise taken to answer yes when left out. */
  hasSuffix?(suffix: string): boolean;
}

/**
 * A word list over text holding one word per line, sorted by UTF-16 code unit, looked up by
 * binary search over the text itself: no split, no Set, so reading 216,000 words costs the read
 * and one pass to note where each line starts (on the first look-up), and a look-up compares
 * characters in place. How words end is looked up likewise in `reversed`, the same words each
 * written backwards and sorted, read on the first such look-up (made from the text when not
 * given: a sort, for a short list).
 */
export function sortedWordList(text: string, reversed?: () => string): WordList {
  let backwards: WordList | undefined;
  let starts: Uint32Array | undefined;
  // Where each line starts, and one past the end of the last (as if it ended with a newline).
  const lineStarts = (): Uint32Array => {
    if (starts) return starts;
    if (text === '') return (starts = Uint32Array.of(0));
    const found = [0];
    for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) found.push(at + 1);
    // A final newline ends the last word; it starts no empty one.
    if (!text.endsWith('\n')) found.push(text.length + 1);
    return (starts = Uint32Array.from(found));
  };
  // The first line not before `word`: the word itself if listed, else the first that starts with it if any.
  const lowerBound = (word: string): number => {
    const at = lineStarts();
    let low = 0;
    let high = at.length - 1;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (compareLine(text, at[mid]!, at[mid + 1]! - 1, word) < 0) low = mid + 1;
      else high = mid;
    }
    return low;
  };
  const lineAt = (line: number): [number, number] | undefined => {
    const at = lineStarts();
    return line < at.length - 1 ? [at[line]!, at[line + 1]! - 1] : undefined;
  };
  return {
    has(word) {
      const line = lineAt(lowerBound(word));
      return line !== undefined && line[1] - line[0] === word.length && text.startsWith(word, line[0]);
    },
    hasPrefix(prefix) {
      const line = lineAt(lowerBound(prefix));
      return line !== undefined && line[1] - line[0] >= prefix.length && text.startsWith(prefix, line[0]);
    },
    hasSuffix(suffix) {
      backwards ??= sortedWordList(reversed?.() ?? text.split('\n').filter(Boolean).map(backwardsOf).sort().join('\n'));
      return backwards.hasPrefix!(backwardsOf(suffix));
    },
  };
}

/** A word written backwards, code unit by code unit. */
function backwardsOf(word: string): string {
  let out = '';
  for (let i = word.length - 1; i >= 0; i--) out += word[i];
  return out;
}

/** How text[start, end) sorts against `word`, by UTF-16 code unit: negative, zero or positive. */
function compareLine(text: string, start: number, end: number, word: string): number {
  const length = Math.min(end - start, word.length);
  for (let i = 0; i < length; i++) {
    const d = text.charCodeAt(start + i) - word.charCodeAt(i);
    if (d !== 0) return d;
  }
  return end - start - word.length;
}

/**
 * Two word lists as one: words of ASCII characters alone are looked up in the first, the others
 * in the second. Kept apart, the first's text is a one-byte string in V8, faster to read and
 * to search than one holding "Māori" would make it. An ASCII prefix may start a word of either.
 */
export function asciiSplitWordList(ascii: WordList, other: WordList): WordList {
  const prefixIn = (list: WordList, prefix: string) => list.hasPrefix?.(prefix) ?? true;
  const suffixIn = (list: WordList, suffix: string) => list.hasSuffix?.(suffix) ?? true;
  return {
    has: (word) => (isAscii(word) ? ascii : other).has(word),
    hasPrefix: (prefix) => (isAscii(prefix) && prefixIn(ascii, prefix)) || prefixIn(other, prefix),
    hasSuffix: (suffix) => (isAscii(suffix) && suffixIn(ascii, suffix)) || suffixIn(other, suffix),
  };
}

/** Whether a word is ASCII alone: asked on every look-up, so a loop rather than a pattern. */
function isAscii(word: string): boolean {
  for (let i = 0; i < word.length; i++) if (word.charCodeAt(i) > 0x7f) return false;
  return true;
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
  // The speller asks this of every word it looks up: ASCII, the common case, without a pattern.
  if (isAscii(word)) return asciiCaseOf(word);
  const letters = word.replace(/[^\p{L}]/gu, '');
  if (letters === letters.toLowerCase()) return 'lower';
  if (letters.length > 1 && letters === letters.toUpperCase()) return 'upper';
  if (letters.slice(1) === letters.slice(1).toLowerCase()) return 'capital';
  return 'mixed';
}

/** caseOf for an ASCII word: from how many of its letters are capitals, and whether the first is. */
function asciiCaseOf(word: string): WordCase {
  let letters = 0;
  let capitals = 0;
  let firstCapital = false;
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i) | 0x20;
    if (c < 0x61 || c > 0x7a) continue;
    const capital = word.charCodeAt(i) < 0x61;
    if (letters === 0) firstCapital = capital;
    letters++;
    if (capital) capitals++;
  }
  if (capitals === 0) return 'lower';
  if (letters > 1 && capitals === letters) return 'upper';
  return capitals === 1 && firstCapital ? 'capital' : 'mixed';
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
  /** Whether nearCommon finds any word: it stops at the first. */
  nearsCommon(word: string): boolean;
}

/** A word without its accents ("Ildikó" is "Ildiko"), for comparing with the house's words. */
export const foldAccents = (word: string): string => (isAscii(word) ? word : word.normalize('NFD').replace(/\p{M}/gu, ''));

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
  // The answer depends on the word alone, and a speller is kept for every issue of a run (see
  // the spelling rule), whose words are mostly the same few thousand: each is looked up once.
  const known = new Map<string, boolean>();
  const knows = (word: string): boolean => {
    let answer = known.get(word);
    if (answer === undefined) {
      answer = knownAsIs(word) || (word.includes('-') && word.split('-').every((part) => part === '' || knownAsIs(part)));
      known.set(word, answer);
    }
    return answer;
  };
  const ownList = [...new Set(ownWords)];
  // Each house word as nearOwn compares it, and the words that share each key of a deletion
  // index (SymSpell's): a word, and each form of it one letter shorter. Two words one edit
  // apart share a key, so a word is compared with the few house words that share one of its
  // keys, not with every one of thousands of config words. Built on first use.
  let ownKeys: string[] | undefined;
  let ownIndex: Map<string, number[]> | undefined;
  const indexOwn = (): { keys: string[]; index: Map<string, number[]> } => {
    if (ownKeys && ownIndex) return { keys: ownKeys, index: ownIndex };
    const keys = ownList.map((candidate) => foldAccents(candidate).toLowerCase());
    const index = new Map<string, number[]>();
    const add = (key: string, i: number) => {
      const list = index.get(key);
      if (list === undefined) index.set(key, [i]);
      else if (list.at(-1) !== i) list.push(i);
    };
    keys.forEach((key, i) => {
      if (key.length > INDEXED + 1) return;
      add(key, i);
      for (const shorter of deletionsOf(key)) add(shorter, i);
    });
    return { keys: (ownKeys = keys), index: (ownIndex = index) };
  };
  // The house's words start and end like these (folded, as `listed` compares them):
  // nearCommon's candidates that start or end like no listed word are not looked up.
  let ownEnds: { starts: Set<string>; ends: Set<string> } | undefined;
  const ownStartsEnds = () => {
    if (ownEnds) return ownEnds;
    ownEnds = { starts: new Set(), ends: new Set() };
    for (const word of own) {
      for (let i = 1; i <= Math.min(word.length, INDEXED); i++) {
        ownEnds.starts.add(word.slice(0, i));
        ownEnds.ends.add(word.slice(-i));
      }
    }
    return ownEnds;
  };
  const listedPart = (part: string, inDictionary: boolean | undefined, inOwn: (folded: string) => boolean): boolean => {
    if (inDictionary ?? true) return true;
    const folded = foldAccents(part);
    return folded.length > INDEXED || inOwn(folded);
  };
  const startsSome = (prefix: string) => listedPart(prefix, dictionary.hasPrefix?.(prefix), (folded) => ownStartsEnds().starts.has(folded));
  const endsSome = (suffix: string) => listedPart(suffix, dictionary.hasSuffix?.(suffix), (folded) => ownStartsEnds().ends.has(folded));
  // Common words one edit from the word, in its case: every one, or (`first`) the first found.
  const nearCommon = (word: string, first: boolean): { likely: string[]; other: string[] } => {
    const shape = caseOf(word);
    const recase = (candidate: string) =>
      shape === 'capital' ? candidate[0]!.toUpperCase() + candidate.slice(1) : shape === 'upper' ? candidate.toUpperCase() : candidate;
    const likely = new Set<string>();
    const other = new Set<string>();
    const lower = word.toLowerCase();
    for (const { candidate, usual } of editsOf(lower, caseOf(lower) === 'lower' ? editPruner(lower, startsSome, endsSome) : undefined)) {
      // Common words only, listed in lower case: a name is no fix for a common word, and a
      // name first in its sentence is no typo for being one edit from another ("Johan" is
      // not "Johann").
      if (candidate.length < 2 || !knownAsIs(candidate)) continue;
      const shown = recase(candidate);
      if (usual) likely.add(shown);
      else if (!likely.has(shown)) other.add(shown);
      if (first) break;
    }
    return { likely: [...likely], other: [...other] };
  };

  return {
    knows,
    nearOwn(word) {
      const lower = foldAccents(word).toLowerCase();
      const { keys, index } = indexOwn();
      // A word too long for the index (never one misspelling reads) is compared with every house word.
      const sharing =
        lower.length > INDEXED
          ? keys.map((_, i) => i)
          : [...new Set([lower, ...deletionsOf(lower)].flatMap((key) => index.get(key) ?? []))].sort((a, b) => a - b);
      const near = sharing
        .filter((i) => ownList[i] !== word && (keys[i] === lower || (word.length >= 4 && withinOneEdit(lower, keys[i]!))))
        .map((i) => ownList[i]!);
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
    nearCommon: (word) => nearCommon(word, false),
    nearsCommon(word) {
      const found = nearCommon(word, true);
      return found.likely.length + found.other.length > 0;
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
export function misspelling(speller: Speller, word: string, sentenceStart: boolean, budget?: NearBudget): string[] | null {
  const verdict = verdictOf(speller, word, sentenceStart, budget);
  if (verdict === null) return null;
  if (!verdict.common) return verdict.own.slice(0, 2);
  return [...new Set([...verdict.own, ...likelyFixes(word, speller.nearCommon(word))])].slice(0, 2);
}

/** Whether misspelling would report the word, without the work of finding its fixes. */
export function isMisspelt(speller: Speller, word: string, sentenceStart: boolean, budget?: NearBudget): boolean {
  return verdictOf(speller, word, sentenceStart, budget) !== null;
}

/**
 * How many more words of a file may be asked whether a common word is one edit away (to tell a
 * name or a compound from a typo), and how many were not asked for want of it. Each answer tries
 * hundreds of edits of a word whose start and end are common; past LIMITS.spellingNearQuestions
 * such words a file is not prose, and each further one is taken as a name (#36).
 */
export interface NearBudget {
  left: number;
  cut: number;
}

export function nearBudget(): NearBudget {
  return { left: LIMITS.spellingNearQuestions, cut: 0 };
}

/** null for a word misspelling leaves alone; else the house words near it, and whether common words may fix it too. */
function verdictOf(speller: Speller, word: string, sentenceStart: boolean, budget: NearBudget | undefined): { own: string[]; common: boolean } | null {
  // No word of any dictionary is this long: a run of letters this long is not prose to spell.
  if (word.length > MAX_WORD || NOT_LATIN.test(word)) return null;
  const shape = caseOf(word);
  if (shape === 'upper' || /^\p{Lu}{2,}s$/u.test(word) || speller.knows(word)) return null;
  const own = speller.nearOwn(word);
  if (shape !== 'lower' && own.some((s) => foldAccents(s).toLowerCase() === foldAccents(word).toLowerCase())) return null;
  if (shape === 'mixed' || (shape === 'lower' && word.includes('-'))) return own.length > 0 ? { own, common: false } : null;
  if (shape === 'capital' && !sentenceStart) return own.length > 0 ? { own, common: false } : null;
  // A name first in its sentence one edit from no word; two words written as one ("datacenter",
  // "subcommunity") one edit from no word, a trade's compound: neither is a typo.
  if (own.length === 0 && (shape === 'capital' || isCompound(speller, word))) {
    if (budget !== undefined && budget.left <= 0) {
      budget.cut++;
      return null;
    }
    if (budget !== undefined) budget.left--;
    if (!speller.nearsCommon(word)) return null;
  }
  return { own, common: true };
}

const MAX_WORD = 40;
// The longest house word the deletion index holds, and the longest prefix kept of one: past
// MAX_WORD, so that every word misspelling reads is looked up through them.
const INDEXED = 48;

// Words too common to be half of a compound: "andthe" and "forthe" are a missing space.
const FUNCTION_WORDS = new Set([
  'the',
  'and',
  'for',
  'with',
  'from',
  'that',
  'this',
  'are',
  'was',
  'were',
  'has',
  'have',
  'had',
  'not',
  'but',
  'you',
  'your',
  'our',
  'its',
  'his',
  'her',
  'all',
  'can',
  'will',
  'into',
  'onto',
  'out',
  'off',
  'per',
  'via',
  'who',
  'how',
  'why',
  'what',
  'when',
  'then',
  'than',
  'them',
  'they',
  'there',
  'their',
  'these',
  'those',
  'been',
  'being',
  'also',
  'any',
  'each',
  'one',
  'two',
  'more',
  'most',
  'some',
  'such',
  'over',
  'just',
]);

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
 * With a pruner, those no known word can be are left out before they are made.
 */
function* editsOf(word: string, pruner?: EditPruner): Generator<{ candidate: string; usual: boolean }> {
  const ok = pruner?.viable ?? (() => true);
  const endingFrom = pruner?.endingFrom ?? (() => false);
  const n = word.length;
  for (let i = 0; i < n - 1; i++)
    if (word[i] !== word[i + 1] && ok(i, word[i + 1]!, ENDING.test(word[i]!) && endingFrom(i + 2), i + 2))
      yield { candidate: word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2), usual: true };
  for (let i = 0; i < n; i++) if (ok(i + 1, word[i]!, endingFrom(i + 1), i + 1)) yield { candidate: word.slice(0, i + 1) + word.slice(i), usual: true };
  for (let i = 1; i < n; i++)
    if (word[i] === word[i - 1] && (i + 1 === n || ok(i, word[i + 1]!, endingFrom(i + 2), i + 2)))
      yield { candidate: word.slice(0, i) + word.slice(i + 1), usual: true };
  for (let i = 0; i < n; i++)
    if (ok(i, undefined, false, i + 1))
      for (const c of LETTERS)
        if (c !== word[i] && ok(i, c, endingFrom(i + 1), i + 1)) yield { candidate: word.slice(0, i) + c + word.slice(i + 1), usual: false };
  for (let i = 0; i <= n; i++)
    if (ok(i, undefined, false, i))
      for (const c of LETTERS) if (ok(i, c, endingFrom(i), i)) yield { candidate: word.slice(0, i) + c + word.slice(i), usual: false };
  for (let i = 0; i < n; i++)
    if (i + 1 === n || ok(i, word[i + 1]!, endingFrom(i + 2), i + 2)) yield { candidate: word.slice(0, i) + word.slice(i + 1), usual: false };
}

// What a plural or a possessive ends with: the speller knows a word when it is a listed word
// and an ending made of these (roadmaps, patches, the community's, the projects').
const ENDING = /['\u2019sSeE]/;

interface EditPruner {
  /**
   * Whether an edit of the word can be a known word: one that keeps the word's first `at`
   * characters, then has `next`, then a rest made of ENDING characters alone or not, that ends
   * with the word's characters from `rest` on. Without `next`: whether any letter there can.
   */
  viable(at: number, next: string | undefined, endingRest: boolean, rest: number): boolean;
  /** Whether the word's characters from `at` on are ENDING characters alone. */
  endingFrom(at: number): boolean;
}

/**
 * Pruning for the edits of a lower-case word, exact: a known word is a listed word and an
 * ending, so some listed word starts as the edit does, up to where its ending may start, and
 * some listed word ends as the edit does, from past the edited letter to where its ending may
 * start. A made-up word is one whose start and end no listed word shares ("qzx...vbw"): its
 * several hundred edits come to a few look-ups, not one each.
 */
function editPruner(word: string, startsSome: (prefix: string) => boolean, endsSome: (suffix: string) => boolean): EditPruner {
  const w = word.replaceAll('\u2019', "'");
  const n = w.length;
  // The longest start of the word that some listed word starts with.
  let known = 0;
  while (known < n && startsSome(w.slice(0, known + 1))) known++;
  // runStart[j]: where the run of ENDING characters that ends at j starts.
  const runStart = [0];
  for (let j = 1; j <= n; j++) runStart.push(ENDING.test(w[j - 1]!) ? runStart[j - 1]! : j);
  const ending = runStart[n]!;
  // The earliest `from` such that some listed word ends with w[from, end), the end being where
  // the word's ending may start: an edit's rest from before `from` makes no known word.
  let from = n;
  for (let end = ending; end <= n; end++) {
    let start = end;
    while (start > 0 && endsSome(w.slice(start - 1, end))) start--;
    from = Math.min(from, start);
  }
  const seen = new Map<string, boolean>();
  return {
    endingFrom: (at) => at >= ending,
    viable(at, next, endingRest, rest) {
      // A rest that holds more than an ending must end some listed word.
      if (rest < ending && rest < from) return false;
      if (next === undefined) return at <= known || runStart[at]! <= known;
      // The edit ends in an ending that starts inside the kept characters: those before it must start a listed word.
      if (endingRest && ENDING.test(next)) return runStart[at]! <= known;
      if (at > known) return false;
      const prefix = w.slice(0, at) + (next === '\u2019' ? "'" : next);
      let ok = seen.get(prefix);
      if (ok === undefined) seen.set(prefix, (ok = startsSome(prefix)));
      return ok;
    },
  };
}

/** Each form of a word one character shorter. */
function deletionsOf(word: string): string[] {
  return Array.from({ length: word.length }, (_, i) => word.slice(0, i) + word.slice(i + 1));
}

/** Whether editDistance(a, b) <= 1, in time linear in their length. */
function withinOneEdit(a: string, b: string): boolean {
  if (a === b) return true;
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  if (a.length === b.length) return a.slice(i + 1) === b.slice(i + 1) || (a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2));
  const [longer, shorter] = a.length > b.length ? [a, b] : [b, a];
  return longer.slice(i + 1) === shorter.slice(i);
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

import { HOUSE_WORDS } from '../../core/spelling/house-words.js';
import { isMisspelt, makeSpeller, misspelling, nearBudget, proseWords, type NearBudget, type Speller, type WordList } from '../../core/spelling/spelling.js';
import type { Report } from '../types.js';
import { defineRule } from '../rule.js';
import { matchRange, textNodes } from '../source.js';

// Past this many in one file, one report stands for the rest: a file of made-up words is one
// problem, not thousands, and the fixes of the rest are never looked for (#36).
const MAX_PER_FILE = 20;
const MANY = Array.from({ length: MAX_PER_FILE + 2 }, (_, i) => `zqx${'abcdefghijklmnopqrstuvwxyz'[i]}`);

export const spelling = defineRule({
  id: 'spelling',
  defaultSeverity: 'error',
  needs: ['dictionary'],
  description:
    "A word of prose that is in neither the English dictionary (American and British), the community's words (projects, releases, events, places, people of the archive) nor config `words:`. Code, URLs, addresses, handles, numbers and capitals are not read; names are not read as typos: a capitalised word is reported only when it is close to a house word (or, first in its sentence, to a common word), a mixed-case word or a lower-case one with a hyphen (CloudFest, python-novaclient) only near a house word. Plurals of known words, two known words written as one (datacenter) and words of other scripts than Latin are not reported, nor a word the issue writes the same way three times or more (a term of its writer's). Suggestions only where likely, at most two. An error in a title, subject, preheader or heading, a warning in the body.",
  examples: {
    ok: [
      {
        files: {
          'kata.md':
            'Kata Containers 3.14 brings confidential containers to Kubernetes; see https://katacontainers.io or `kata-runtime --version`, and ask @katadev.',
        },
      },
      { files: { 'zuul.md': "The Zuul community's new Vexxhost runner." }, config: { words: ['Vexxhost'] } },
      // Names no list holds (mixed case, lower case with a hyphen, a name first in its
      // sentence), plurals, a house name with its accent, another script: none is a typo.
      {
        files: {
          'news.md':
            'Johan of ORock showed python-novaclient roadmaps at CloudFest, the de facto backend of whitepapers by Ildikó. 오픈인프라 커뮤니티에 오신 것을 환영합니다.',
        },
      },
    ],
    notOk: [
      {
        files: { 'openstack.md': 'Operators recieve the release notes.' },
        messages: ['openstack.md:1:11 "recieve" is not in the dictionary; did you mean "receive"?'],
      },
      {
        files: { 'events.md': '## Upcoming Events\n\nMeet us at the Kuberentes booth.' },
        messages: ['events.md:3:16 "Kuberentes" is not in the dictionary; did you mean "Kubernetes"?'],
      },
      { files: { 'issue.md': '---\ntitle: Our anual report\n---\n' }, messages: ['issue.md:2:12 "anual" is not in the dictionary; did you mean "annual"?'] },
      {
        files: { 'zuul.md': 'Jobs now run on the zuul-launcer and adjancent tools of the public clou.' },
        messages: [
          'zuul.md:1:21 "zuul-launcer" is not in the dictionary; did you mean "zuul-launcher"?',
          'zuul.md:1:38 "adjancent" is not in the dictionary; did you mean "adjacent"?',
          'zuul.md:1:68 "clou" is not in the dictionary; fix it, or add it to words: in the config if it is right.',
        ],
      },
      // Past twenty in a file, one report for the rest.
      {
        files: { 'many.md': MANY.join(' ') },
        messages: [
          ...MANY.slice(0, MAX_PER_FILE).map(
            (word, i) => `many.md:1:${1 + 5 * i} "${word}" is not in the dictionary; fix it, or add it to words: in the config if it is right.`,
          ),
          `many.md:1:${1 + 5 * MAX_PER_FILE} and 2 more words not in the dictionary, from "${MANY[MAX_PER_FILE]}" on (only the first ${MAX_PER_FILE} of a file are reported); fix them, or add them to words: in the config if they are right.`,
        ],
      },
    ],
  },
  check({ docs, config, dictionary, report }) {
    const speller = spellerFor(dictionary(), config.words);
    // Each word is checked once: its fixes while its file is under MAX_PER_FILE, else only whether it is misspelt.
    const verdicts = new Map<string, string[] | null>();
    const misspelt = new Map<string, boolean>();
    // A word the issue writes the same way three times or more is the writer's own (FOSDEM's
    // "devroom"): a typo is made once, not kept. Counted once over every doc, plurals together.
    const uses = new Map<string, number>();
    const stem = (word: string) =>
      word
        .toLowerCase()
        .replace(/['\u2019]s$/, '')
        .replace(/s$/, '');
    // Each doc's text and its words, read once for the count and the check (reading words is most of this rule's time on long text).
    const read = docs.map(({ doc }) => textNodes(doc).map((hit) => ({ ...hit, words: proseWords(hit.value) })));
    for (const hits of read)
      for (const { words } of hits)
        for (const { word } of words) {
          const stemmed = stem(word);
          uses.set(stemmed, (uses.get(stemmed) ?? 0) + 1);
        }
    // Per file: the reports made, and those past MAX_PER_FILE (counted, the first kept, and whether any is an error).
    // Each file has its own budget of the costly questions, so that one file's junk leaves the others spelt.
    const files = new Map<string, { shown: number; more: number; first?: Omit<Report, 'message'> & { word: string }; error: boolean; budget: NearBudget }>();
    // A verdict cut short by a file's budget holds for that file alone: it is not kept.
    const decided = <T>(budget: NearBudget, cache: Map<string, T>, key: string, verdict: () => T): T => {
      if (cache.has(key)) return cache.get(key)!;
      const cut = budget.cut;
      const found = verdict();
      if (budget.cut === cut) cache.set(key, found);
      return found;
    };
    for (const [which, { file, doc, at }] of docs.entries()) {
      const tally = files.get(file) ?? { shown: 0, more: 0, error: false, budget: nearBudget() };
      files.set(file, tally);
      for (const { node, value, parents, words } of read[which]!) {
        // Link text that is the URL itself is an address, not prose.
        const parent = parents.at(-1);
        if (parent?.type === 'link' && (parent.url === value || parent.url.endsWith(value))) continue;
        const inTitle = at !== undefined || parents.some((p) => p.type === 'heading');
        for (const { word, index } of words) {
          if ((uses.get(stem(word)) ?? 0) >= 3) continue;
          const first = startsSentence(value, index);
          const key = `${first ? '.' : ' '}${word}`;
          if (tally.shown >= MAX_PER_FILE) {
            const wrong = verdicts.has(key)
              ? verdicts.get(key) !== null
              : decided(tally.budget, misspelt, key, () => isMisspelt(speller, word, first, tally.budget));
            if (!wrong) continue;
            if (tally.more++ === 0) tally.first = { file, word, ...matchRange(doc, node, index, word) };
            if (inTitle) tally.error = true;
            continue;
          }
          const suggestions = decided(tally.budget, verdicts, key, () => misspelling(speller, word, first, tally.budget));
          if (!suggestions) continue;
          tally.shown++;
          const advice =
            suggestions.length > 0
              ? `did you mean ${suggestions.map((s) => `"${s}"`).join(' or ')}?`
              : 'fix it, or add it to words: in the config if it is right.';
          report({
            file,
            ...matchRange(doc, node, index, word),
            message: `"${word}" is not in the dictionary; ${advice}`,
            ...(inTitle ? {} : { severity: 'warn' as const }),
          });
        }
      }
    }
    for (const { more, first, error } of files.values()) {
      if (more === 0 || first === undefined) continue;
      const { word, ...at } = first;
      const [them, are] = more === 1 ? ['it', 'it is'] : ['them', 'they are'];
      const which = more === 1 ? `1 more word not in the dictionary, "${word}"` : `${more} more words not in the dictionary, from "${word}" on`;
      report({
        ...at,
        message: `and ${which} (only the first ${MAX_PER_FILE} of a file are reported); fix ${them}, or add ${them} to words: in the config if ${are} right.`,
        ...(error ? {} : { severity: 'warn' as const }),
      });
    }
  },
});

/**
 * One speller for every issue a run lints with the same dictionary and config words: it keeps
 * what it has looked up (see makeSpeller). Weakly held by the dictionary, which the startup
 * snapshot's warm-up does not keep.
 */
const spellers = new WeakMap<WordList, { words: readonly string[]; speller: Speller }>();
function spellerFor(dictionary: WordList, words: readonly string[]): Speller {
  const kept = spellers.get(dictionary);
  if (kept && kept.words.length === words.length && kept.words.every((word, i) => word === words[i])) return kept.speller;
  const speller = makeSpeller(dictionary, [...HOUSE_WORDS, ...words]);
  spellers.set(dictionary, { words: [...words], speller });
  return speller;
}

/** Whether the word at `index` starts a sentence: nothing before it in its text, or a full stop. */
function startsSentence(text: string, index: number): boolean {
  const before = text.slice(Math.max(0, index - 40), index).replace(/[\s"'\u201C\u2018(*_-]+$/u, '');
  return (before === '' && index < 40) || /[.!?:]$/.test(before);
}

import { HOUSE_WORDS } from '../../core/house-words.js';
import { caseOf, makeSpeller, proseWords, type Speller } from '../../core/spelling.js';
import type { Rule } from '../types.js';
import { matchRange, textNodes } from '../source.js';

const MAX_WORD = 40;

export const spelling: Rule = {
  id: 'spelling',
  defaultSeverity: 'error',
  description: 'A word of prose that is in neither the English dictionary (American and British), the community\'s words (projects, releases, events, places, people of the archive) nor config `words:`. Code, URLs, addresses, handles, numbers and capitals are not read; a capitalised word is reported only when it is close to a known one, since new names are capitalised. An error in a title, subject, preheader or heading, a warning in the body.',
  examples: {
    ok: [
      { files: { 'kata.md': 'Kata Containers 3.14 brings confidential containers to Kubernetes; see https://katacontainers.io or `kata-runtime --version`, and ask @katadev.' } },
      { files: { 'zuul.md': 'The Zuul community\'s new Vexxhost runner.' }, config: { words: ['Vexxhost'] } },
    ],
    notOk: [
      { files: { 'openstack.md': 'Operators recieve the release notes.' }, messages: ['openstack.md:1:11 "recieve" is not in the dictionary; did you mean "receive" or "relieve"?'] },
      { files: { 'events.md': '## Upcoming Events\n\nMeet us at the Kuberentes booth.' }, messages: ['events.md:3:16 "Kuberentes" is not in the dictionary; did you mean "Kubernetes"?'] },
      { files: { 'issue.md': '---\ntitle: Our anual report\n---\n' }, messages: ['issue.md:2:12 "anual" is not in the dictionary; did you mean "annual" or "manual" or "anal"?'] },
    ],
  },
  check({ docs, config, dictionary, report }) {
    if (!dictionary) return;
    const speller = makeSpeller(dictionary(), [...HOUSE_WORDS, ...config.words]);
    const verdicts = new Map<string, string[] | null>();
    for (const { file, doc, at } of docs) {
      for (const { node, value, parents } of textNodes(doc)) {
        // Link text that is the URL itself is an address, not prose.
        const parent = parents.at(-1);
        if (parent?.type === 'link' && (parent.url === value || parent.url.endsWith(value))) continue;
        const inTitle = at !== undefined || parents.some((p) => p.type === 'heading');
        for (const { word, index } of proseWords(value)) {
          const first = startsSentence(value, index);
          const key = `${first ? '.' : ' '}${word}`;
          if (!verdicts.has(key)) verdicts.set(key, misspelt(speller, word, first));
          const suggestions = verdicts.get(key);
          if (!suggestions) continue;
          const advice = suggestions.length > 0
            ? `did you mean ${suggestions.map((s) => `"${s}"`).join(' or ')}?`
            : 'fix it, or add it to words: in the config if it is right.';
          report({ file, ...matchRange(doc, node, index, word), message: `"${word}" is not in the dictionary; ${advice}`, ...(inTitle ? {} : { severity: 'warn' as const }) });
        }
      }
    }
  },
};

/**
 * null when the word is right or cannot be checked; else the known words nearest to it, maybe
 * none. Every month brings names no list holds, so a capitalised word is a typo only when it is
 * close to one of the community's own names ("Kuberentes"), or, first in its sentence, where
 * any word is capitalised, close to any word ("Recieve"). Acronyms, plural ones too (VMs), and
 * a name only cased otherwise (Opendev: brand-name's) are left alone.
 */
function misspelt(speller: Speller, word: string, sentenceStart: boolean): string[] | null {
  // No word of any dictionary is this long: a run of letters this long is not prose to spell.
  if (word.length > MAX_WORD) return null;
  const shape = caseOf(word);
  if (shape === 'upper' || /^\p{Lu}{2,}s$/u.test(word) || speller.knows(word)) return null;
  if (shape === 'lower') return speller.suggest(word);
  const suggestions = speller.suggest(word, !sentenceStart);
  if (suggestions.length === 0 || suggestions.some((s) => s.toLowerCase() === word.toLowerCase())) return null;
  return suggestions;
}

/** Whether the word at `index` starts a sentence: nothing before it in its text, or a full stop. */
function startsSentence(text: string, index: number): boolean {
  const before = text.slice(Math.max(0, index - 40), index).replace(/[\s"'\u201C\u2018(*_-]+$/u, '');
  return (before === '' && index < 40) || /[.!?:]$/.test(before);
}

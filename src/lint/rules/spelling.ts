import { HOUSE_WORDS } from '../../core/house-words.js';
import { makeSpeller, misspelling, proseWords } from '../../core/spelling.js';
import type { Rule } from '../types.js';
import { matchRange, textNodes } from '../source.js';

export const spelling: Rule = {
  id: 'spelling',
  defaultSeverity: 'error',
  description: 'A word of prose that is in neither the English dictionary (American and British), the community\'s words (projects, releases, events, places, people of the archive) nor config `words:`. Code, URLs, addresses, handles, numbers and capitals are not read; names are not read as typos: a capitalised word is reported only when it is close to a house word (or, first in its sentence, to a common word), a mixed-case word or a lower-case one with a hyphen (CloudFest, python-novaclient) only near a house word. Plurals of known words, two known words written as one (datacenter) and words of other scripts than Latin are not reported, nor a word the issue writes the same way three times or more (a term of its writer\'s). Suggestions only where likely, at most two. An error in a title, subject, preheader or heading, a warning in the body.',
  examples: {
    ok: [
      { files: { 'kata.md': 'Kata Containers 3.14 brings confidential containers to Kubernetes; see https://katacontainers.io or `kata-runtime --version`, and ask @katadev.' } },
      { files: { 'zuul.md': 'The Zuul community\'s new Vexxhost runner.' }, config: { words: ['Vexxhost'] } },
      // Names no list holds (mixed case, lower case with a hyphen, a name first in its
      // sentence), plurals, a house name with its accent, another script: none is a typo.
      { files: { 'news.md': 'Johan of ORock showed python-novaclient roadmaps at CloudFest, the de facto backend of whitepapers by Ildikó. 오픈인프라 커뮤니티에 오신 것을 환영합니다.' } },
    ],
    notOk: [
      { files: { 'openstack.md': 'Operators recieve the release notes.' }, messages: ['openstack.md:1:11 "recieve" is not in the dictionary; did you mean "receive"?'] },
      { files: { 'events.md': '## Upcoming Events\n\nMeet us at the Kuberentes booth.' }, messages: ['events.md:3:16 "Kuberentes" is not in the dictionary; did you mean "Kubernetes"?'] },
      { files: { 'issue.md': '---\ntitle: Our anual report\n---\n' }, messages: ['issue.md:2:12 "anual" is not in the dictionary; did you mean "annual"?'] },
      { files: { 'zuul.md': 'Jobs now run on the zuul-launcer and adjancent tools of the public clou.' }, messages: [
        'zuul.md:1:21 "zuul-launcer" is not in the dictionary; did you mean "zuul-launcher"?',
        'zuul.md:1:38 "adjancent" is not in the dictionary; did you mean "adjacent"?',
        'zuul.md:1:68 "clou" is not in the dictionary; fix it, or add it to words: in the config if it is right.',
      ] },
    ],
  },
  check({ docs, config, dictionary, report }) {
    if (!dictionary) return;
    const speller = makeSpeller(dictionary(), [...HOUSE_WORDS, ...config.words]);
    const verdicts = new Map<string, string[] | null>();
    // A word the issue writes the same way three times or more is the writer's own (FOSDEM's
    // "devroom"): a typo is made once, not kept. Counted once over every doc, plurals together.
    const uses = new Map<string, number>();
    const stem = (word: string) => word.toLowerCase().replace(/['\u2019]s$/, '').replace(/s$/, '');
    for (const { doc } of docs) for (const { value } of textNodes(doc)) for (const { word } of proseWords(value)) uses.set(stem(word), (uses.get(stem(word)) ?? 0) + 1);
    for (const { file, doc, at } of docs) {
      for (const { node, value, parents } of textNodes(doc)) {
        // Link text that is the URL itself is an address, not prose.
        const parent = parents.at(-1);
        if (parent?.type === 'link' && (parent.url === value || parent.url.endsWith(value))) continue;
        const inTitle = at !== undefined || parents.some((p) => p.type === 'heading');
        for (const { word, index } of proseWords(value)) {
          const first = startsSentence(value, index);
          const key = `${first ? '.' : ' '}${word}`;
          if (!verdicts.has(key)) verdicts.set(key, misspelling(speller, word, first));
          const suggestions = verdicts.get(key);
          if (!suggestions || (uses.get(stem(word)) ?? 0) >= 3) continue;
          const advice = suggestions.length > 0
            ? `did you mean ${suggestions.map((s) => `"${s}"`).join(' or ')}?`
            : 'fix it, or add it to words: in the config if it is right.';
          report({ file, ...matchRange(doc, node, index, word), message: `"${word}" is not in the dictionary; ${advice}`, ...(inTitle ? {} : { severity: 'warn' as const }) });
        }
      }
    }
  },
};

/** Whether the word at `index` starts a sentence: nothing before it in its text, or a full stop. */
function startsSentence(text: string, index: number): boolean {
  const before = text.slice(Math.max(0, index - 40), index).replace(/[\s"'\u201C\u2018(*_-]+$/u, '');
  return (before === '' && index < 40) || /[.!?:]$/.test(before);
}

import { describe, expect, it } from 'vitest';
import { madeUpWords } from '../../scripts/adversarial-inputs.mjs';
import { defaultConfig } from '../../src/core/config/config.js';
import type { WordList } from '../../src/core/spelling/spelling.js';
import { englishWords } from '../../src/io/dictionary.js';
import { openIssuePipeline } from '../../src/pipeline.js';
import { builtinTemplates, issueSourcesFrom } from '../helpers/issue.js';

/*
 * #36 case 1: the spelling rule took minutes over words no list holds (13 s for a fragment of
 * made-up words, 292 s with 6,000 config words), since it tried every edit of every word
 * against the whole dictionary and compared each with every house word. What is counted here
 * is the work (dictionary look-ups), never the time; test/e2e/adversarial.test.ts runs the
 * same shapes at the limits through every rule and renderer.
 */

/** The English dictionary, counting the look-ups made in it. */
function countingDictionary(): { dictionary: () => WordList; lookups: () => number } {
  const english = englishWords();
  let lookups = 0;
  const counted: WordList = {
    has: (word) => (lookups++, english.has(word)),
    ...(english.hasPrefix ? { hasPrefix: (prefix: string) => (lookups++, english.hasPrefix!(prefix)) } : {}),
    ...(english.hasSuffix ? { hasSuffix: (suffix: string) => (lookups++, english.hasSuffix!(suffix)) } : {}),
  };
  return { dictionary: () => counted, lookups: () => lookups };
}

async function spellingReports(files: Record<string, string>, options: { words?: string[]; dictionary?: () => WordList } = {}) {
  const config = { ...defaultConfig(), words: options.words ?? [] };
  const pipeline = openIssuePipeline({
    config,
    sources: issueSourcesFrom({ 'issue.md': '---\ntitle: An issue\n---\n', ...files }),
    templates: builtinTemplates(),
    dictionary: options.dictionary,
  });
  return (await pipeline.diagnostics()).filter((d) => d.ruleId === 'spelling');
}

const lines = (words: string[], perLine = 8) => words.map((w, i) => w + ((i + 1) % perLine === 0 ? '\n' : ' ')).join('');
const capitalised = (w: string) => w[0]!.toUpperCase() + w.slice(1);

describe('spelling over words no list holds does bounded work (#36)', () => {
  it('looks a made-up word up a few times, not once for each edit of it', async () => {
    const words = madeUpWords(1000, 12, 7);
    const { dictionary, lookups } = countingDictionary();
    await spellingReports({ 'kata.md': lines(words) }, { dictionary });
    // Every edit of a 12-letter word tried against the dictionary: 673 look-ups and more each.
    expect(lookups() / words.length).toBeLessThan(30);
  });

  it('decides whether a capitalised made-up word starting a sentence is a name with a few dozen look-ups', async () => {
    const words = madeUpWords(1000, 5, 8).map((w) => `${capitalised(w)}.`);
    const { dictionary, lookups } = countingDictionary();
    await spellingReports({ 'kata.md': lines(words, 16) }, { dictionary });
    // Each of its 300 edits tried: as many look-ups.
    expect(lookups() / words.length).toBeLessThan(80);
  });

  it('asks whether a common word is one edit from a capitalised word at most LIMITS.spellingNearQuestions times a file', async () => {
    // Short capitalised words first in their sentence: each a name unless a common word is one
    // edit away, and a short word's edits start and end as common words do, so few are pruned.
    const words = [...new Set(madeUpWords(8000, 4, 11))].map((w) => `${capitalised(w)}.`);
    const { dictionary, lookups } = countingDictionary();
    await spellingReports({ 'kata.md': lines(words.slice(0, 4000), 16), 'zuul.md': lines(words.slice(4000), 16) }, { dictionary });
    // Each one asked: about 70 look-ups a word; past the limit, the five that tell a known word.
    expect(lookups() / words.length).toBeLessThan(15);
  });

  it('leaves the other files spelt when one file spends its questions on junk', async () => {
    const junk = [...new Set(madeUpWords(600, 5, 12))].map((w) => `${capitalised(w)}.`);
    const reports = await spellingReports({ 'kata.md': `${lines(junk, 16)}\n`, 'zuul.md': 'Recieve the news today.\n' });
    expect(reports.filter((r) => r.file.endsWith('zuul.md')).map((r) => r.message)).toEqual(['"Recieve" is not in the dictionary; did you mean "Receive"?']);
  });

  it('reports the first 20 misspelt words of a file, then one report of how many more', async () => {
    const words = madeUpWords(25, 8, 9);
    const reports = await spellingReports({ 'kata.md': `${words.join(' ')}\n`, 'zuul.md': `${words.slice(0, 3).join(' ')}\n` });
    const kata = reports.filter((r) => r.file.endsWith('kata.md'));
    expect(kata).toHaveLength(21);
    expect(kata.slice(0, 20).map((r) => r.message)).toEqual(
      words.slice(0, 20).map((w) => `"${w}" is not in the dictionary; fix it, or add it to words: in the config if it is right.`),
    );
    expect(kata[20]!.message).toBe(
      `and 5 more words not in the dictionary, from "${words[20]}" on (only the first 20 of a file are reported); fix them, or add them to words: in the config if they are right.`,
    );
    expect(kata[20]!.column).toBe(words.slice(0, 20).join(' ').length + 2);
    expect(kata[20]!.severity).toBe('warn');
    // Each file has its own 20.
    expect(reports.filter((r) => r.file.endsWith('zuul.md'))).toHaveLength(3);
  });

  it('makes that report an error when an error is among the words it stands for', async () => {
    const words = madeUpWords(22, 8, 10);
    const reports = await spellingReports({ 'kata.md': `---\ntitle: ${words.join(' ')}\n---\nText.\n` });
    expect(reports).toHaveLength(21);
    expect(reports.every((r) => r.severity === 'error')).toBe(true);
    expect(reports[20]!.message).toMatch(/^and 2 more words not in the dictionary, from "/);
  });

  it('still suggests a config word one edit away among 6,000', async () => {
    const words = [...madeUpWords(6000, 8, 3), 'Bifrost'];
    const reports = await spellingReports({ 'kata.md': 'Meet the Bifrsot team.\n' }, { words });
    expect(reports.map((r) => r.message)).toEqual(['"Bifrsot" is not in the dictionary; did you mean "Bifrost"?']);
  });
});

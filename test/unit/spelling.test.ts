import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { HOUSE_WORDS } from '../../src/core/house-words.js';
import { editDistance, makeSpeller, proseWords, sortedWordList } from '../../src/core/spelling.js';
import { validateConfig } from '../../src/core/config.js';
import type { CliError } from '../../src/errors.js';
import { REPO } from '../helpers/workspace.js';

describe('a sorted word list, searched in its text', () => {
  const list = sortedWordList(['Paris', 'apple', 'banana', "can't", 'cherry', 'zebra'].join('\n'));
  it.each(['Paris', 'apple', 'banana', "can't", 'cherry', 'zebra'])('finds %s', (word) => expect(list.has(word)).toBe(true));
  it.each(['paris', 'appl', 'apples', 'Banana', '', 'zz', 'A'])('does not find %j', (word) => expect(list.has(word)).toBe(false));
  it('works on a list without a final newline and on an empty one', () => {
    expect(sortedWordList('a\nb').has('b')).toBe(true);
    expect(sortedWordList('').has('a')).toBe(false);
  });
});

describe('the English dictionary npm run compile writes', () => {
  const text = readFileSync(join(REPO, 'lib', 'spelling', 'words.txt'), 'utf8');
  const words = text.trimEnd().split('\n');
  it('is sorted by code unit, once each, so that binary search finds every word', () => {
    for (let i = 1; i < words.length; i++) if (!(words[i - 1]! < words[i]!)) throw new Error(`${words[i - 1]} before ${words[i]}`);
    expect(words.length).toBeGreaterThan(120_000);
  });
  it('holds both spellings and every inflected form', () => {
    const list = sortedWordList(text);
    for (const word of ['color', 'colour', 'organization', 'organisation', 'released', 'companies', 'contributors', 'Paris']) expect(list.has(word), word).toBe(true);
  });
});

describe('a speller', () => {
  const speller = makeSpeller(sortedWordList(['Paris', 'annual', 'manual', 'receive', 'release', 'relieve', 'the'].join('\n')), ['Kubernetes', 'OpenStack']);
  it('reads case as Hunspell does', () => {
    for (const word of ['release', 'Release', 'RELEASE', 'Paris', 'PARIS', 'OpenStack', 'Kubernetes', 'KUBERNETES']) expect(speller.knows(word), word).toBe(true);
    for (const word of ['paris', 'Openstack', 'openstack', 'kubernetes']) expect(speller.knows(word), word).toBe(false);
  });
  it('knows possessives, typographic apostrophes and hyphenated words whose parts it knows', () => {
    for (const word of ["Paris's", 'OpenStack’s', "release's", 'release-the']) expect(speller.knows(word), word).toBe(true);
  });
  it('suggests the likeliest typo first: a swap, a doubled letter, then one letter off', () => {
    expect(speller.suggest('recieve')).toEqual(['receive', 'relieve']);
    expect(speller.suggest('anual')).toEqual(['annual', 'manual']);
    expect(speller.suggest('Kuberentes')).toEqual(['Kubernetes']);
    expect(speller.suggest('Kuberentes', true)).toEqual(['Kubernetes']);
    expect(speller.suggest('Recieve', true)).toEqual([]);
    expect(speller.suggest('Recieve')).toEqual(['Receive', 'Relieve']);
    expect(speller.suggest('xyzzy')).toEqual([]);
  });
  it('measures distance with swaps as one edit', () => {
    expect(editDistance('recieve', 'receive')).toBe(1);
    expect(editDistance('kitten', 'sitting')).toBe(3);
  });
});

describe('the words of prose', () => {
  const words = (text: string) => proseWords(text).map((w) => w.word);
  it('leaves out URLs, addresses, handles, hashtags, host and file names, numbers and code-like words', () => {
    expect(words('See https://zuul-ci.org/docs, www.openinfra.dev, mail jimmy@openinfra.dev or @OpenInfraDev #OpenInfra opendev.org README.md v1.2 2025.1 snake_case 3rd')).toEqual(['See', 'mail', 'or']);
  });
  it('keeps apostrophes and hyphens inside words', () => {
    expect(words("the community's co-located event, ‘quoted’ words")).toEqual(['the', "community's", 'co-located', 'event', 'quoted', 'words']);
  });
});

describe('config words:', () => {
  it('takes a list of single words', () => {
    expect(validateConfig({ words: ['Vexxhost', "O'Brien", 'Paris-Saclay'] }, 'c.yaml').words).toEqual(['Vexxhost', "O'Brien", 'Paris-Saclay']);
    expect(validateConfig({}, 'c.yaml').words).toEqual([]);
  });
  it.each([
    [['two words'], 'words[0]: expected one word of letters (it may hold \' . or -), not "two words".'],
    ['Vexxhost', 'words: expected a list of words, such as [Bifrost, Vexxhost].'],
    [[42], 'words[0]: expected one word of letters (it may hold \' . or -), not 42.'],
  ])('refuses %j', (words, message) => {
    let error: CliError | undefined;
    try {
      validateConfig({ words }, 'c.yaml');
    } catch (e) {
      error = e as CliError;
    }
    expect(error?.message).toBe(message);
    expect(error?.kind).toBe('usage');
  });
});

it('the house words are single words, each once', () => {
  expect(new Set(HOUSE_WORDS).size).toBe(HOUSE_WORDS.length);
  for (const word of HOUSE_WORDS) expect(word).toMatch(/^[\p{L}][\p{L}\p{N}'.-]*$/u);
});

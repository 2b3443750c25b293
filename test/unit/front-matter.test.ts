import { describe, expect, it } from 'vitest';
import { CliError } from '../../src/errors.js';
import { parseSourceParts } from '../../src/core/issue/front-matter.js';

/** What a file splits into, or the one-line error it gives. */
function split(text: string): { data: unknown; body: string; bodyLine: number; hasFrontMatter: boolean } | string {
  try {
    const parts = parseSourceParts(text, 'kata.md');
    return { data: parts.data, body: parts.body, bodyLine: parts.bodyLine, hasFrontMatter: parts.hasFrontMatter };
  } catch (error) {
    if (error instanceof CliError) return `${error.line}: ${error.message}`;
    throw error;
  }
}

describe('the front matter splitter, shape by shape', () => {
  it.each([
    ['no front matter', 'Text.\n', { data: {}, body: 'Text.\n', bodyLine: 1, hasFrontMatter: false }],
    ['YAML between --- lines', '---\ntitle: Kata\n---\nText.\n', { data: { title: 'Kata' }, body: 'Text.\n', bodyLine: 4, hasFrontMatter: true }],
    ['---yaml, which names YAML', '---yaml\ntitle: Kata\n---\nText.\n', { data: { title: 'Kata' }, body: 'Text.\n', bodyLine: 4, hasFrontMatter: true }],
    ['--- with spaces after it', '---  \ntitle: Kata\n---\t\nText.\n', { data: { title: 'Kata' }, body: 'Text.\n', bodyLine: 4, hasFrontMatter: true }],
    ['empty front matter', '---\n---\nText.\n', { data: {}, body: 'Text.\n', bodyLine: 3, hasFrontMatter: true }],
    ['front matter of blank lines', '---\n\n\n---\nText.\n', { data: {}, body: 'Text.\n', bodyLine: 5, hasFrontMatter: true }],
    ['front matter and no body', '---\ntitle: Kata\n---', { data: { title: 'Kata' }, body: '', bodyLine: 3, hasFrontMatter: true }],
    ['a Markdown rule of four dashes first', '----\n\nText.\n', { data: {}, body: '----\n\nText.\n', bodyLine: 1, hasFrontMatter: false }],
    ['a long rule first', '----------\nText.\n', { data: {}, body: '----------\nText.\n', bodyLine: 1, hasFrontMatter: false }],
    ['a rule of spaced dashes first', '- - -\nText.\n', { data: {}, body: '- - -\nText.\n', bodyLine: 1, hasFrontMatter: false }],
    [
      'CRLF line ends, as Windows editors save',
      '---\r\ntitle: Kata\r\n---\r\nText.\r\nMore.\r\n',
      { data: { title: 'Kata' }, body: 'Text.\nMore.\n', bodyLine: 4, hasFrontMatter: true },
    ],
    ['old Mac CR line ends', '---\rtitle: Kata\r---\rText.\r', { data: { title: 'Kata' }, body: 'Text.\n', bodyLine: 4, hasFrontMatter: true }],
    ['a byte order mark', '\uFEFF---\ntitle: Kata\n---\nText.\n', { data: { title: 'Kata' }, body: 'Text.\n', bodyLine: 4, hasFrontMatter: true }],
    [
      'a byte order mark and CRLF',
      '\uFEFF---\r\ntitle: Kata\r\n---\r\nText.\r\n',
      { data: { title: 'Kata' }, body: 'Text.\n', bodyLine: 4, hasFrontMatter: true },
    ],
    ['--- later in the body stays Markdown', 'Text.\n\n---\n\nMore.\n', { data: {}, body: 'Text.\n\n---\n\nMore.\n', bodyLine: 1, hasFrontMatter: false }],
  ])('%s', (_, text, expected) => {
    expect(split(text)).toEqual(expected);
  });

  it.each([
    ['no closing fence', '---\ntitle: Kata\nText.\n', '1: the front matter that starts on line 1 has no closing --- line.'],
    ['---js, another language', '---js\n{ title: "x" }\n---\n', '1: front matter must be YAML; "---js" names another language.'],
    ['---json, another language', '---json\n{}\n---\n', '1: front matter must be YAML; "---json" names another language.'],
    ['---toml', '---toml\ntitle = "x"\n---\n', '1: front matter must be YAML; "---toml" names another language.'],
    ['a list, not a mapping', '---\n- a\n- b\n---\n', '2: front matter must be a mapping of keys to values.'],
    ['invalid YAML, at its line', '---\ntitle: Kata\nseo: [\n---\n', expect.stringMatching(/^\d: front matter is not valid YAML/)],
  ])('refuses %s in one line', (_, text, expected) => {
    expect(split(text)).toEqual(expected);
  });
});

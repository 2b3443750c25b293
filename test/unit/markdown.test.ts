import fc from 'fast-check';
import type { Nodes } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { gfm } from 'micromark-extension-gfm';
import { describe, expect, it } from 'vitest';
import { frontMatterKeyLine, parseSourceParts, parseIsoDate } from '../../src/core/issue/front-matter.js';
import { isEmptyMarkdown, parseInline, parseMarkdown, renderMarkdownWithoutComments } from '../../src/core/markdown/markdown.js';
import { CliError } from '../../src/errors.js';

/** The parser itself, with GFM in full, as parseMarkdown configures it: what its short ways are held to. */
const gfmTree = (source: string) => fromMarkdown(source, { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] });

describe('front matter', () => {
  it('keeps dates as written and tells the body line', () => {
    const parts = parseSourceParts('---\ndate: 2025-04-21T17:11:25.697Z\ntitle: "A: B"\n---\nBody\n', 'x.md');
    expect(parts.data).toEqual({ date: '2025-04-21T17:11:25.697Z', title: 'A: B' });
    expect(parts.bodyLine).toBe(5);
    expect(parts.body).toBe('Body\n');
  });

  it('names the file and line of YAML that does not parse', () => {
    try {
      parseSourceParts('---\ntitle: ok\nauthor: Allison: Price\n---\nBody', 'sections/x/issue.md');
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(CliError);
      expect((error as CliError).location).toMatch(/^sections\/x\/issue\.md:3:\d+$/);
      expect((error as CliError).message).toMatch(/^front matter is not valid YAML: .+\.$/);
    }
  });

  it("knows the line of each key from its one parse: nested ones, a missing one at its parent's, else line 1", () => {
    const parts = parseSourceParts('---\ntitle: "April"\nseo:\n  title: x\n  url: https://openinfra.dev/blog/x\n---\nBody\n', 'issue.md');
    expect(parts.keyLines).toEqual({ title: 2, seo: 3, 'seo.title': 4, 'seo.url': 5 });
    expect(frontMatterKeyLine(parts, 'seo.url')).toBe(5);
    expect(frontMatterKeyLine(parts, 'seo.twitterUsername')).toBe(3);
    expect(frontMatterKeyLine(parts, 'hidePost')).toBe(1);
    expect(frontMatterKeyLine(parseSourceParts('Just a body.\n', 'kata.md'), 'constructor')).toBe(1);
  });

  it('accepts real ISO 8601 dates only', () => {
    expect(parseIsoDate('2025-04-21')).toBeDefined();
    expect(parseIsoDate('2025-04-21T17:11:25.697Z')).toBeDefined();
    expect(parseIsoDate('2025-02-30')).toBeUndefined();
    expect(parseIsoDate('21 April 2025')).toBeUndefined();
    expect(parseIsoDate(20250421)).toBeUndefined();
  });
});

describe('markdown', () => {
  it('gives positions in the file, not the body', () => {
    const doc = parseMarkdown('Hello [x](y)\n', 10);
    expect(doc.tree.children[0]?.position?.start.line).toBe(10);
  });

  it('removes comments and nothing else', () => {
    const doc = parseMarkdown('<!-- guide -->\n\nKeep *this* [link](/x)<!-- inline -->.\n\n<!--StartFragment-->\n\n* item\n');
    expect(renderMarkdownWithoutComments(doc)).toBe('Keep *this* [link](/x).\n\n* item');
  });

  it('gives the tree of GFM in full, bare URLs and addresses linked, whether or not the source could hold one', () => {
    // The sure cases: escapes, character references, case, and text with no link at all.
    for (const text of ['www\\.a.org', 'a&#64;b.org', '&#119;ww.a.org', 'HTTP://a.org', 'Www.a.org', 'Mail a@b.org', 'Plain *text* [x](/y)'])
      expect(parseMarkdown(text).tree, text).toEqual(gfmTree(text));
    const piece = fc.constantFrom('w', 'ww', 'www', '.', 'a', 'h', 'http', 'ttp', ':', '/', '@', '&', '#', ';', '64', '\\', ' ', '*', '[', ']', '(', ')', '\n');
    fc.assert(
      fc.property(
        fc.array(piece, { maxLength: 30 }).map((p) => p.join('')),
        (text) => {
          expect(parseMarkdown(text).tree).toEqual(gfmTree(text));
        },
      ),
    );
  });

  it('reads a plain line (most front matter values) as the parser does, positions included', () => {
    // Mostly what plain lines hold, so that most lines take the short way; and what opens a construct.
    const plain = fc.constantFrom(
      'Inside',
      'Open',
      'Zürich',
      'Ελλάδα',
      'e\u0301',
      '2025',
      ' ',
      '  ',
      ',',
      ';',
      ':',
      "'",
      '"',
      '?',
      '!',
      '(',
      ')',
      '/',
      '.',
      '%',
      '+',
      '=',
      '$',
      '-',
      '–',
      '—',
      '’',
      '“',
      '”',
    );
    const special = fc.constantFrom(
      '@',
      'a@b.co',
      'www.',
      'WWW.x',
      'https://x.org',
      'mailto:',
      '*',
      '_',
      '`',
      '[',
      ']',
      '<',
      '>',
      '&amp;',
      '\\',
      '~',
      '|',
      '#',
      '1.',
      '\t',
      '\r',
      '\n',
      '\u0000',
      '\u00a0',
      '🚀',
      '𝐀',
    );
    const piece = fc.oneof({ weight: 8, arbitrary: plain }, { weight: 2, arbitrary: special });
    const same = (text: string, line: number) =>
      expect(JSON.stringify(parseMarkdown(text, line).tree), text).toBe(JSON.stringify(gfmTree('\n'.repeat(Math.max(0, line - 1)) + text)));
    // Each construct a plain line must not hold, as a writer would put it in a title.
    for (const text of [
      'Inside Open Infrastructure: April 2025',
      'Open *this* now',
      'An under_scored_ _word_',
      'Write to jo@openinfra.dev today',
      'Read www.openinfra.dev',
      'See https://openinfra.dev',
      'See <b>bold</b>',
      'See <x.org>',
      'Tom &amp; Jerry',
      'Not \\! escaped',
      'x ~~gone~~',
      'Code `here`',
      'A [link](/a) here',
      'An ![image](/a.png)',
      'Kata | Zuul',
      'Say #hashtag',
      'Trailing space ',
    ])
      same(text, 3);
    fc.assert(
      fc.property(fc.array(piece, { minLength: 1, maxLength: 10 }), fc.integer({ min: 0, max: 4 }), (pieces, line) => {
        same(pieces.join(''), line);
      }),
      { numRuns: 600 },
    );
  });

  it('knows a fragment that holds only comments is empty', () => {
    expect(isEmptyMarkdown(parseMarkdown('<!--\nguide\n-->\n\n   \n').tree)).toBe(true);
    expect(isEmptyMarkdown(parseMarkdown('<!-- guide -->\nText').tree)).toBe(false);
  });
});

describe('inline Markdown', () => {
  /** What the parser itself makes of one line, without positions. */
  const strip = (node: Nodes): unknown => {
    const { position: _position, ...rest } = node as Nodes & { children?: Nodes[] };
    return 'children' in rest && rest.children ? { ...rest, children: rest.children.map(strip) } : rest;
  };
  const parsed = (markdown: string): unknown => {
    const first = parseMarkdown(markdown).tree.children[0];
    return first?.type === 'paragraph' ? first.children.map(strip) : first;
  };

  it('takes plain words as text, as the parser does, and everything else to the parser', () => {
    // Plain words, and the characters next to them that open Markdown constructs.
    const piece = fc.constantFrom(
      'Kata',
      'Containers',
      'Zürich',
      '東京',
      '2025',
      '3',
      'é',
      ' ',
      '  ',
      ',',
      ';',
      "'",
      '"',
      '?',
      '(',
      ')',
      '/',
      '–',
      '—',
      '’',
      '“',
      '-',
      '.',
      ':',
      '@',
      'www.',
      'http://x.org',
      '*',
      '_',
      '`',
      '[',
      ']',
      '!',
      '<',
      '>',
      '&amp;',
      '\\',
      '~',
      '|',
      '#',
      '1.',
      '1)',
      '=',
      '\t',
      '\u00a0',
    );
    fc.assert(
      fc.property(
        fc.array(piece, { minLength: 1, maxLength: 8 }).map((p) => p.join('')),
        (line) => {
          const expected = parsed(line);
          if (expected === undefined || !Array.isArray(expected)) return; // a block (list, heading...): text as written either way
          expect(parseInline(line).map(strip)).toEqual(expected);
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('keeps the text of a line Markdown would read as a block', () => {
    expect(parseInline('1. Introduction')).toEqual([{ type: 'text', value: '1. Introduction' }]);
    expect(parseInline('Kata Containers')).toEqual([{ type: 'text', value: 'Kata Containers' }]);
    expect(parseInline('')).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import { parseSourceParts, parseIsoDate } from '../../src/core/front-matter.js';
import { isEmptyMarkdown, parseMarkdown, renderMarkdownWithoutComments } from '../../src/core/markdown.js';
import { CliError } from '../../src/errors.js';

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

  it('knows a fragment that holds only comments is empty', () => {
    expect(isEmptyMarkdown(parseMarkdown('<!--\nguide\n-->\n\n   \n').tree)).toBe(true);
    expect(isEmptyMarkdown(parseMarkdown('<!-- guide -->\nText').tree)).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import { CliError } from '../../src/errors.js';
import { parseIssueSlug, tryParseIssueSlug } from '../../src/core/issue/slug.js';

describe('issue slugs', () => {
  it('reads month-year and year-month as the same issue', () => {
    expect(parseIssueSlug('april-2025')).toEqual({ slug: 'april-2025', year: 2025, month: 4 });
    expect(parseIssueSlug('2025-04')).toEqual({ slug: 'april-2025', year: 2025, month: 4 });
    expect(parseIssueSlug('2025-4').slug).toBe('april-2025');
    expect(parseIssueSlug('April-2025').slug).toBe('april-2025');
  });

  it.each(['april', '2025', 'apr-2025', '2025-13', '../april-2025', 'april-2025/..', 'sections/april-2025', '', 'aprill-2025x'])(
    'refuses %j with a usage error that shows the right form',
    (input) => {
      expect(tryParseIssueSlug(input)).toBeUndefined();
      try {
        parseIssueSlug(input);
        expect.unreachable();
      } catch (error) {
        expect(error).toBeInstanceOf(CliError);
        expect((error as CliError).kind).toBe('usage');
        expect((error as CliError).hint).toMatch(/april-2025/);
      }
    },
  );

  it('suggests the month a near miss meant', () => {
    expect(() => parseIssueSlug('apr-2025')).toThrow(CliError);
    try {
      parseIssueSlug('apr-2025');
    } catch (error) {
      expect((error as CliError).hint).toContain('"april-2025"');
    }
  });
});

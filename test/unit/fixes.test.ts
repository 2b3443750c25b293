import { describe, expect, it } from 'vitest';
import { applyFixes, type Fix } from '../../src/core/fixes.js';

const fix = (line: number, column: number, endLine: number, endColumn: number, original: string, text: string): Fix => ({
  line,
  column,
  endLine,
  endColumn,
  original,
  text,
});

describe('applying fixes to a file', () => {
  it('replaces each range, in file order, whatever order they come in', () => {
    const source = 'Run Openstack\nthe the notes\n';
    const result = applyFixes(source, [fix(2, 4, 2, 8, ' the', ''), fix(1, 5, 1, 14, 'Openstack', 'OpenStack')]);
    expect(result.text).toBe('Run OpenStack\nthe notes\n');
    expect(result.applied).toHaveLength(2);
  });
  it('leaves out a fix whose range no longer holds what the rule saw (the file changed since)', () => {
    const result = applyFixes('Run OpenStack now\n', [fix(1, 5, 1, 14, 'Openstack', 'OpenStack')]);
    expect(result).toEqual({ text: 'Run OpenStack now\n', applied: [] });
  });
  it('takes the first of two overlapping fixes and leaves the other for the next run', () => {
    const result = applyFixes('abcdef', [fix(1, 2, 1, 5, 'bcd', 'X'), fix(1, 4, 1, 6, 'de', 'Y')]);
    expect(result.text).toBe('aXef');
    expect(result.applied).toHaveLength(1);
  });
  it('keeps Windows line ends and counts columns in UTF-16 units, as the parser does', () => {
    const result = applyFixes('L’été  \r\nthe the\r\n', [fix(2, 4, 2, 8, ' the', '')]);
    expect(result.text).toBe('L’été  \r\nthe\r\n');
  });
  it('ignores a range outside the file', () => {
    expect(applyFixes('one line', [fix(3, 1, 3, 2, 'x', 'y')]).applied).toEqual([]);
  });
});

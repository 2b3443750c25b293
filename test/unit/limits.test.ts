import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LIMITS } from '../../src/core/limits.js';
import { REPO } from '../helpers/workspace.js';

describe('the table of limits', () => {
  it('in docs/limits.md says what src/core/limits.ts holds, every limit and only those', () => {
    const readme = readFileSync(join(REPO, 'docs', 'limits.md'), 'utf8');
    const rows = new Map([...readme.matchAll(/^\| [^|\n]*\(`(\w+)`\) \| ([^|\n]+) \|/gm)].map((m) => [m[1]!, m[2]!.trim()]));
    const shown = (key: string, value: number) =>
      !/Bytes$/.test(key) ? String(value) : value >= 1024 * 1024 ? `${value / 1024 / 1024} MB` : `${value / 1024} KB`;
    expect([...rows.keys()].sort()).toEqual(Object.keys(LIMITS).sort());
    for (const [key, value] of Object.entries(LIMITS)) expect(rows.get(key), key).toBe(shown(key, value));
  });
});

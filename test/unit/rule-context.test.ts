import { describe, expect, it } from 'vitest';
import { defaultConfig, validateConfig } from '../../src/core/config/config.js';
import { RULES } from '../../src/lint/index.js';
import { ruleOptions } from '../../src/lint/rule.js';
import { lintFiles } from '../helpers/lint.js';

// A rule declares what it needs (meta.needs); the runner skips it when the command gives none of
// that, as the rules' own null-checks did before.
describe('a rule runs only with what it needs', () => {
  const unknownAuthor = { files: { 'issue.md': '---\nauthor: Nobody Known\n---\n' } };

  it('site-author, which needs the site, is skipped without a checkout and runs with one', async () => {
    expect(await lintFiles(unknownAuthor, ['site-author'])).toEqual([]);
    expect((await lintFiles({ ...unknownAuthor, exampleSite: {} }, ['site-author'])).map((d) => d.message)).toEqual([
      'author "Nobody Known" is not an author of the site (it has 2, in src/pages/author/).',
    ]);
  });

  it('carried-over, which needs the previous issue, is skipped for the first issue', async () => {
    const repeated = { 'kata.md': '* Kata 3.14 is now available, with bug fixes and new versions of components.' };
    expect(await lintFiles({ files: repeated, slug: 'may-2025' }, ['carried-over'])).toEqual([]);
    expect(await lintFiles({ files: repeated, slug: 'may-2025', previous: repeated }, ['carried-over'])).toHaveLength(1);
  });

  it('every need a rule names is one the context can give', () => {
    const needs = new Set(['previous', 'email', 'site', 'siteImage', 'compat', 'dictionary', 'checkLinks']);
    for (const rule of RULES) for (const need of [...(rule.needs ?? []), ...(rule.uses ?? [])]) expect(needs, rule.id).toContain(need);
  });
});

describe("a rule's options are typed from its schema, with defaults", () => {
  const brandName = RULES.find((rule) => rule.id === 'brand-name')!;
  const imageSize = RULES.find((rule) => rule.id === 'image-size')!;

  it('gives the defaults when config says nothing', () => {
    expect(ruleOptions(brandName, defaultConfig()).names).toEqual(brandName.options!.names!.default);
    expect(ruleOptions(imageSize, defaultConfig())).toEqual({ warnBytes: 1024 * 1024, errorBytes: 5 * 1024 * 1024, maxWidth: 2400 });
  });

  it("gives config's value, and the default for one of the wrong type", () => {
    const config = validateConfig({ rules: { 'image-size': ['error', { maxWidth: 1200, warnBytes: 'big' }] } }, 'test.yaml');
    expect(ruleOptions(imageSize, config)).toEqual({ warnBytes: 1024 * 1024, errorBytes: 5 * 1024 * 1024, maxWidth: 1200 });
  });
});

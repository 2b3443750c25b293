import { validateConfig } from '../../src/core/config/config.js';
import type { CliError } from '../../src/errors.js';
import { describe, expect, it } from 'vitest';
import { RULES, validateRuleSettings } from '../../src/lint/index.js';
import { lintFiles } from '../helpers/lint.js';
import { applyFixes } from '../../src/core/fixes.js';
import { readdirSync, readFileSync } from 'node:fs';
import { INDEX, RULES_DIR, ruleIndex } from '../../scripts/rule-index.mjs';

// remark-lint's way: each rule documents examples, and these tests run them, so the
// documentation and the behaviour cannot drift apart.
describe.each(RULES.map((rule) => [rule.id, rule] as const))('rule %s', (id, rule) => {
  it.each(rule.examples.ok.map((example, i) => [i, example] as const))('stays quiet on ok example %i', async (_, example) => {
    const messages = await lintFiles(example, [id]);
    expect(messages.map((m) => `${m.file}:${m.line} ${m.message}`)).toEqual([]);
  });

  if (rule.examples.notOk.length > 0) {
    it.each(rule.examples.notOk.map((example, i) => [i, example] as const))(
      'fires on not-ok example %i, exactly where and as documented',
      async (_, example) => {
        const messages = await lintFiles(example, [id]);
        // Every not-ok example documents what it reports, as `file:line:column message`.
        expect(example.messages, 'the example documents its messages').toBeDefined();
        expect(messages.map((m) => `${m.file.replace(/^sections\/[a-z]+-\d{4}\//, '')}:${m.line}:${m.column} ${m.message}`)).toEqual(example.messages);
        for (const m of messages) {
          expect(m.ruleId).toBe(id);
          expect(m.message).toMatch(/[.)!?]$/);
        }
      },
    );
  }

  if (rule.fixable) {
    // ESLint's way: a fixable rule shows its fix on its examples, file by file as --fix leaves it.
    it.each(rule.examples.notOk.filter((example) => example.fixed).map((example, i) => [i, example] as const))(
      'fixes fixed example %i as documented',
      async (_, example) => {
        const messages = await lintFiles(example, [id]);
        const after: Record<string, string> = {};
        for (const [name, text] of Object.entries(example.files)) {
          const fixes = messages.filter((m) => m.fix && m.file.endsWith(`/${name}`)).map((m) => m.fix!);
          const fixed = applyFixes(text, fixes).text;
          if (fixed !== text) after[name] = fixed;
        }
        expect(after).toEqual(example.fixed);
        // Fixed, the example is quiet: the fix took the whole problem away.
        expect((await lintFiles({ ...example, files: { ...example.files, ...example.fixed } }, [id])).map((m) => m.message)).toEqual([]);
      },
    );
    it('documents a fix on at least one example', () => {
      expect(rule.examples.notOk.some((example) => example.fixed)).toBe(true);
    });
  }
});

it('every rule but mjml has a not-ok example (the built-in template cannot make MJML fail; see the command test)', () => {
  expect(RULES.filter((rule) => rule.examples.notOk.length === 0).map((rule) => rule.id)).toEqual(['dead-link', 'mjml']);
});

it('the registry is the folder of rules: each file one rule, named by its id, with a default severity (scripts/rule-index.mjs writes the index)', () => {
  expect(readFileSync(INDEX, 'utf8'), 'npm run compile writes src/lint/rules/index.ts again').toBe(ruleIndex());
  const files = readdirSync(RULES_DIR)
    .filter((name) => name !== 'index.ts')
    .map((name) => name.replace(/\.ts$/, ''))
    .sort();
  expect(RULES.map((r) => r.id)).toEqual(files);
  for (const rule of RULES) expect(['error', 'warn']).toContain(rule.defaultSeverity);
});

describe('rule settings in config are checked against the registry', () => {
  const check = (rules: unknown) => () => validateRuleSettings(validateConfig({ rules }, 'newsletter.config.yaml'), 'newsletter.config.yaml');
  it.each([
    ['an unknown rule id, with the nearest', { 'brand-names': 'off' }, 'rules.brand-names: no rule has this id; did you mean brand-name?'],
    [
      'an option of the wrong type',
      { 'internal-link': ['error', { hosts: 'docs.google.com' }] },
      'rules.internal-link.hosts: expected a list of words, such as [docs.google.com, wiki.example.org].',
    ],
    [
      'a misspelt option',
      { 'internal-link': ['error', { host: ['a.b'] }] },
      'rules.internal-link.host: internal-link takes no option "host"; did you mean hosts?',
    ],
    ['an option of a rule that takes none', { placeholder: ['error', { words: ['x'] }] }, 'rules.placeholder.words: placeholder takes no options.'],
  ])('refuses %s (exit 2)', (_, rules, message) => {
    expect(check(rules)).toThrow(message);
    try {
      check(rules)();
    } catch (error) {
      expect((error as CliError).kind).toBe('usage');
    }
  });

  it('takes every rule id, severity and documented option', () => {
    expect(
      check({
        'brand-name': 'off',
        'past-date': ['error', { eventSections: ['events', 'summit'] }],
        'internal-link': ['warn', { hosts: ['wiki.example.org'] }],
      }),
    ).not.toThrow();
  });
});

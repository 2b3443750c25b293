import type { Need, Rule, RuleOption } from './rule.js';

/** What the table says a need is, where it depends on the command; compat and the dictionary are always there. */
const NEEDS: Record<Need, string | undefined> = {
  previous: 'the previous issue',
  email: 'the email, rendered in memory',
  site: 'a checkout of the site',
  siteImage: 'a checkout of the site',
  checkLinks: 'lint --online',
  compat: undefined,
  dictionary: undefined,
};

function defaultOf(option: RuleOption): string {
  if (option.type === 'string[]') return option.default.join(', ');
  if (option.type === 'count') return String(option.default);
  return option.default ?? 'unset';
}

/**
 * docs/rules.md's table of rules, made from the registry: each rule's id, what it catches (its own
 * description), what it needs to run, its default severity, whether --fix fixes it, and its
 * options with their defaults. A test holds docs/rules.md to it.
 */
export function renderRuleTable(rules: readonly Rule[]): string {
  // Escaped so that Markdown shows <script>, [](url) and | as written.
  const escape = (text: string) => text.replace(/([<>[\]|])/g, '\\$1');
  const rows = rules.map((rule) => {
    const needs = [...new Set((rule.needs ?? []).map((need) => NEEDS[need]).filter((label) => label !== undefined))];
    const options = Object.entries(rule.options ?? {}).map(([name, option]) => `\`${name}\`: ${option.description}; default ${defaultOf(option)}`);
    return `| \`${rule.id}\` | ${escape(rule.description)} | ${escape(needs.join(', '))} | ${rule.defaultSeverity} | ${rule.fixable ? 'yes' : ''} | ${escape(options.join('. '))} |`;
  });
  return ['| id | catches | runs with | default | fixable | options |', '|---|---|---|---|---|---|', ...rows].join('\n');
}

/** docs/rules.md's rule table sits between these two lines; `npm run docs` rewrites it. */
export const RULE_TABLE_START = '<!-- rule table: made by npm run docs from src/lint/rules -->';
export const RULE_TABLE_END = '<!-- end of rule table -->';

/** docs/rules.md with its rule table made again from the registry. */
export function withRuleTable(readme: string, rules: readonly Rule[]): string {
  const start = readme.indexOf(RULE_TABLE_START);
  const end = readme.indexOf(RULE_TABLE_END);
  if (start === -1 || end < start) throw new Error('docs/rules.md has no rule table markers');
  return `${readme.slice(0, start + RULE_TABLE_START.length)}\n${renderRuleTable(rules)}\n${readme.slice(end)}`;
}

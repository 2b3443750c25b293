import type { Rule } from './types.js';

/**
 * The README's table of rules, made from the registry: each rule's id, what it catches (its
 * own description, options included) and its default severity. A test holds the README to it.
 */
export function renderRuleTable(rules: readonly Rule[]): string {
  const rows = rules.map((rule) => {
    const options = Object.entries(rule.options ?? {}).map(([name, option]) => `\`${name}\` (${option.description})`);
    // Escaped so that Markdown shows <script>, [](url) and | as written.
    const catches = `${rule.description}${options.length ? ` Options: ${options.join('; ')}.` : ''}`.replace(/([<>[\]|])/g, '\\$1');
    return `| \`${rule.id}\` | ${catches} | ${rule.defaultSeverity} |`;
  });
  return ['| id | catches | default |', '|---|---|---|', ...rows].join('\n');
}

/** The README's rule table sits between these two lines; `npm run docs` rewrites it. */
export const RULE_TABLE_START = '<!-- rule table: made by npm run docs from src/lint/rules -->';
export const RULE_TABLE_END = '<!-- end of rule table -->';

/** The README with its rule table made again from the registry. */
export function withRuleTable(readme: string, rules: readonly Rule[]): string {
  const start = readme.indexOf(RULE_TABLE_START);
  const end = readme.indexOf(RULE_TABLE_END);
  if (start === -1 || end < start) throw new Error('the README has no rule table markers');
  return `${readme.slice(0, start + RULE_TABLE_START.length)}\n${renderRuleTable(rules)}\n${readme.slice(end)}`;
}

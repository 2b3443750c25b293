import { RULES } from './rules/index.js';
import { isOptionValue } from './rule.js';
import type { Config } from '../core/config/config.js';
import { closest } from '../core/suggest.js';
import { CliError } from '../errors.js';

/** Every rule, collected from src/lint/rules/ (its index is made from the folder). Ids are part of the contract. */
export { RULES };

export const RULE_IDS = RULES.map((rule) => rule.id);

/**
 * Checks config's `rules` against the registry: an unknown rule id, an option a rule does not
 * take and a value of the wrong type are config errors (exit 2), with "did you mean".
 */
export function validateRuleSettings(config: Config, file: string): void {
  const fail = (key: string, message: string, near?: string): never => {
    throw new CliError(`rules.${key}: ${message}${near ? `; did you mean ${near}?` : '.'}`, {
      file,
      kind: 'usage',
      hint: `Fix rules.${key} in ${file}; the rules and their options are listed in docs/rules.md.`,
    });
  };
  for (const [id, setting] of Object.entries(config.rules)) {
    const rule = RULES.find((r) => r.id === id);
    if (!rule) fail(id, 'no rule has this id', closest(id, RULE_IDS));
    for (const [name, value] of Object.entries(setting.options)) {
      const option = rule!.options?.[name];
      if (!option)
        fail(`${id}.${name}`, rule!.options ? `${id} takes no option "${name}"` : `${id} takes no options`, closest(name, Object.keys(rule!.options ?? {})));
      if (isOptionValue(option!, value)) continue;
      if (option!.type === 'count') fail(`${id}.${name}`, `expected a whole number, such as ${option!.default}`);
      if (option!.type === 'string[]') fail(`${id}.${name}`, 'expected a list of words, such as [docs.google.com, wiki.example.org]');
      if (option!.type === 'choice')
        fail(`${id}.${name}`, `expected one of ${option!.values.join(', ')}`, typeof value === 'string' ? closest(value, option!.values) : undefined);
    }
  }
}

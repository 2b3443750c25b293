import { defaultConfig, validateConfig } from '../../src/core/config.js';
import { renderEmailMjml } from '../../src/core/render-email.js';
import { compileMjml } from '../../src/io/mjml.js';
import { lintIssue } from '../../src/lint/run.js';
import type { LintMessage, RuleExample } from '../../src/lint/types.js';
import { builtinTemplate, issueFrom } from './issue.js';

/** Lints an issue given as files, in memory, with the real MJML for the email rules. */
export async function lintFiles(example: RuleExample, only?: string[]): Promise<(LintMessage & { file: string })[]> {
  const config = example.config ? validateConfig(example.config, 'test.yaml') : defaultConfig();
  const slug = example.slug ?? 'april-2025';
  const issue = issueFrom(example.files, slug, config);
  const previous = example.previous ? issueFrom(example.previous, 'april-2025', config) : undefined;
  const template = builtinTemplate('email.mjml.hbs');
  const results = await lintIssue({
    issue,
    config,
    previous,
    only,
    renderEmail: async () => {
      const mjml = renderEmailMjml(issue, config, template);
      return { mjml, ...(await compileMjml(mjml)) };
    },
  });
  return [...results.values()].flat();
}

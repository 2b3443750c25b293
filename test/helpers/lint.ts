import { defaultConfig, validateConfig } from '../../src/core/config.js';
import type { Diagnostic } from '../../src/core/diagnostic.js';
import type { RuleExample } from '../../src/lint/types.js';
import { openIssuePipeline } from '../../src/pipeline.js';
import { issueSourcesFrom, builtinTemplates } from './issue.js';

/** Lints an issue given as files, in memory, through the issue pipeline (the real MJML for the email rules). */
export async function lintFiles(example: RuleExample, only?: string[]): Promise<Diagnostic[]> {
  const config = example.config ? validateConfig(example.config, 'test.yaml') : defaultConfig();
  const pipeline = openIssuePipeline({
    config,
    sources: issueSourcesFrom(example.files, example.slug ?? 'april-2025'),
    previous: example.previous ? issueSourcesFrom(example.previous, 'april-2025') : undefined,
    templates: builtinTemplates(),
  });
  const diagnostics = await pipeline.diagnostics();
  return only ? diagnostics.filter((d) => d.ruleId !== null && only.includes(d.ruleId)) : diagnostics;
}

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { defaultConfig, type Config } from '../../src/core/config/config.js';
import { parseIssue, type Issue, type IssueSources, type SourceFile } from '../../src/core/issue/issue.js';
import { parseIssueSlug } from '../../src/core/issue/slug.js';
import { compileTemplate, TEMPLATE_NAMES, type TemplateName, type TemplateSource } from '../../src/core/templates.js';
import { REPO } from './workspace.js';

/** An issue's sources from in-memory files: `{ 'issue.md': ..., 'openstack.md': ... }`. */
export function issueSourcesFrom(files: Record<string, string>, slug = 'april-2025'): IssueSources {
  const id = parseIssueSlug(slug);
  const file = (name: string): SourceFile => ({ path: `sections/${id.slug}/${name}`, text: files[name]! });
  return {
    id,
    issueFile: files['issue.md'] !== undefined ? file('issue.md') : undefined,
    fragments: Object.keys(files)
      .filter((n) => n !== 'issue.md')
      .sort()
      .map(file),
  };
}

/** An issue from in-memory files. */
export function issueFrom(files: Record<string, string>, slug = 'april-2025', config: Config = defaultConfig()): Issue {
  return parseIssue(issueSourcesFrom(files, slug), config);
}

/** The built-in template shells, as the pipeline takes them. */
export function builtinTemplates(): Map<TemplateName, TemplateSource> {
  return new Map(
    TEMPLATE_NAMES.map((name) => {
      const path = join(REPO, 'templates', name);
      return [name, { name, path, text: readFileSync(path, 'utf8') }];
    }),
  );
}

export function sampleIssue(config: Config = defaultConfig()): Issue {
  const dir = join(REPO, 'sections', 'april-2025');
  const files = Object.fromEntries(readdirSync(dir).map((name) => [name, readFileSync(join(dir, name), 'utf8')]));
  return issueFrom(files, 'april-2025', config);
}

export function builtinTemplate(name: TemplateName) {
  const path = join(REPO, 'templates', name);
  return compileTemplate({ name, path, text: readFileSync(path, 'utf8') });
}

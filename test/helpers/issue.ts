import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { defaultConfig, type Config } from '../../src/core/config.js';
import { parseIssue, type Issue, type SourceFile } from '../../src/core/issue.js';
import { parseIssueSlug } from '../../src/core/slug.js';
import { compileTemplate, type TemplateName } from '../../src/core/templates.js';
import { REPO } from './workspace.js';

/** An issue from in-memory files: `{ 'issue.md': ..., 'openstack.md': ... }`. */
export function issueFrom(files: Record<string, string>, slug = 'april-2025', config: Config = defaultConfig()): Issue {
  const id = parseIssueSlug(slug);
  const file = (name: string): SourceFile => ({ path: `sections/${id.slug}/${name}`, text: files[name]! });
  return parseIssue({
    id,
    issueFile: files['issue.md'] !== undefined ? file('issue.md') : undefined,
    fragments: Object.keys(files).filter((n) => n !== 'issue.md').sort().map(file),
  }, config);
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

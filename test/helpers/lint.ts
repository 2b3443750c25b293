import { defaultConfig, validateConfig } from '../../src/core/config.js';
import type { Diagnostic } from '../../src/core/diagnostic.js';
import { createHash } from 'node:crypto';
import type { ImageFile, SiteCheckout } from '../../src/core/images.js';
import type { RuleExample } from '../../src/lint/types.js';
import type { TemplateName, TemplateSource } from '../../src/core/templates.js';
import { openIssuePipeline } from '../../src/pipeline.js';
import { issueSourcesFrom, builtinTemplates } from './issue.js';

/** Image files as read from the disk, from what an example says of them (the rest: a small PNG). */
function imageFiles(images: RuleExample['images'], prefix: string): ImageFile[] {
  return Object.entries(images ?? {}).map(([path, given]) => ({
    path: prefix + path, bytes: 20_000, width: 600, height: 400, format: 'png', hash: createHash('sha256').update(path).digest('hex'), ...given,
  }));
}

/** A site checkout held in memory: the files and posts an example lists, and nothing else. */
function siteFrom(files: NonNullable<RuleExample['site']>, posts: RuleExample['sitePosts'] = {}): SiteCheckout {
  const images = new Map(imageFiles(files, '').map((image) => [image.path, image]));
  return { root: '/site', image: async (file) => images.get(file) ?? null, post: async (file) => (file in posts ? { seoUrl: posts[file] } : null) };
}

/** The built-in templates, with those an example gives in their place as the workspace's own. */
function withTemplates(builtin: Map<TemplateName, TemplateSource>, own: RuleExample['templates']): Map<TemplateName, TemplateSource> {
  for (const [name, text] of Object.entries(own ?? {})) builtin.set(name as TemplateName, { name: name as TemplateName, path: `templates/${name}`, text });
  return builtin;
}

/** Lints an issue given as files, in memory, through the issue pipeline (the real MJML for the email rules). */
export async function lintFiles(example: RuleExample, only?: string[]): Promise<Diagnostic[]> {
  const config = example.config ? validateConfig(example.config, 'test.yaml') : defaultConfig();
  const pipeline = openIssuePipeline({
    config,
    sources: { ...issueSourcesFrom(example.files, example.slug ?? 'april-2025'), images: imageFiles(example.images, `sections/${example.slug ?? 'april-2025'}/`) },
    site: example.site || example.sitePosts ? siteFrom(example.site ?? {}, example.sitePosts) : undefined,
    previous: example.previous ? issueSourcesFrom(example.previous, 'april-2025') : undefined,
    templates: withTemplates(builtinTemplates(), example.templates),
  });
  const diagnostics = await pipeline.diagnostics();
  return only ? diagnostics.filter((d) => d.ruleId !== null && only.includes(d.ruleId)) : diagnostics;
}

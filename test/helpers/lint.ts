import { defaultConfig, validateConfig } from '../../src/core/config/config.js';
import type { Diagnostic } from '../../src/core/diagnostic.js';
import { createHash } from 'node:crypto';
import type { ImageFile, SiteCheckout } from '../../src/core/images/images.js';
import type { RuleExample } from '../../src/lint/types.js';
import type { SiteLayout } from '../../src/core/config/config-types.js';
import { buildSiteModel, type SiteTexts } from '../../src/core/site/site.js';
import type { TemplateName, TemplateSource } from '../../src/core/templates.js';
import { openIssuePipeline } from '../../src/pipeline.js';
import { issueSourcesFrom, builtinTemplates } from './issue.js';
import { exampleSiteFiles } from './site-example.js';

/** Image files as read from the disk, from what an example says of them (the rest: a small PNG). */
function imageFiles(images: RuleExample['images'], prefix: string): ImageFile[] {
  return Object.entries(images ?? {}).map(([path, given]) => ({
    path: prefix + path,
    bytes: 20_000,
    width: 600,
    height: 400,
    format: 'png',
    hash: createHash('sha256').update(path).digest('hex'),
    ...given,
  }));
}

/** A site checkout held in memory: the images and text files an example lists, and nothing else. */
function siteFrom(files: NonNullable<RuleExample['site']>, texts: RuleExample['siteFiles'] = {}): SiteCheckout {
  const images = new Map(imageFiles(files, '').map((image) => [image.path, image]));
  const model = buildSiteModel(siteTextsFrom(texts, defaultConfig().siteLayout));
  return { root: '/site', image: async (file) => images.get(file) ?? null, model: () => model };
}

/** A checkout's text files, by path, sorted into what the site model reads, as io/site.ts sorts a real one. */
export function siteTextsFrom(files: Record<string, string>, layout: SiteLayout): SiteTexts {
  const texts: SiteTexts = { authors: [], posts: [], unread: [] };
  for (const [file, text] of Object.entries(files).sort(([a], [b]) => (a < b ? -1 : 1))) {
    if (file === layout.cmsConfig) texts.cms = { file, text };
    else if (file === layout.blogConfig) texts.blogConfig = { file, text };
    else if (file === layout.eventsPage) texts.eventsPage = { file, text };
    else if (file === layout.summits) texts.summits = { file, text };
    else if (file.startsWith(`${layout.authorDir}/`)) texts.authors.push({ file, text });
    else if (file.startsWith(`${layout.blogDir}/`)) texts.posts.push({ file, text });
  }
  return texts;
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
    sources: {
      ...issueSourcesFrom(example.files, example.slug ?? 'april-2025'),
      images: imageFiles(example.images, `sections/${example.slug ?? 'april-2025'}/`),
    },
    site:
      example.site || example.siteFiles || example.exampleSite
        ? siteFrom(example.site ?? {}, { ...(example.exampleSite ? exampleSiteFiles(example.exampleSite) : {}), ...example.siteFiles })
        : undefined,
    previous: example.previous ? issueSourcesFrom(example.previous, 'april-2025') : undefined,
    templates: withTemplates(builtinTemplates(), example.templates),
  });
  const diagnostics = await pipeline.diagnostics();
  return only ? diagnostics.filter((d) => d.ruleId !== null && only.includes(d.ruleId)) : diagnostics;
}

import { frontMatterKeyLine } from '../../core/issue/front-matter.js';
import { closest } from '../../core/suggest.js';
import { defineRule } from '../rule.js';

export const siteCategory = defineRule({
  id: 'site-category',
  defaultSeverity: 'error',
  needs: ['site'],
  description:
    "With a checkout of the site: a category whose value is not one of the blog config's (src/content/blog-config.json), or whose label is not the one the site gives that value. The site finds a post's categories by value; the blog list shows the label as written.",
  examples: {
    ok: [{ files: { 'issue.md': '---\ncategory:\n  - value: category-h2Ztx9rpD\n    label: Community\n---\n' }, exampleSite: {} }],
    notOk: [
      {
        files: { 'issue.md': '---\ncategory:\n  - value: category-Community\n    label: Community\n---\n' },
        exampleSite: {},
        messages: ['issue.md:2:1 category "category-Community" is not a category of the site; "Community" is category-h2Ztx9rpD.'],
      },
      {
        files: { 'issue.md': '---\ncategory:\n  - value: category-h2Ztx9rpD\n    label: Comunity\n---\n' },
        exampleSite: {},
        messages: ['issue.md:2:1 category category-h2Ztx9rpD is labelled "Community" on the site, not "Comunity".'],
      },
    ],
  },
  check({ issue, config, site, report }) {
    if (!site.categories || !issue.path) return;
    const known = site.categories.list;
    const line = frontMatterKeyLine(issue.introParts, 'category');
    const where = `${config.siteLayout.blogConfig}`;
    for (const { value, label } of issue.meta.category) {
      const category = known.find((c) => c.value === value);
      if (category) {
        if (category.label !== label)
          report({
            file: issue.path,
            line,
            message: `category ${value} is labelled "${category.label}" on the site, not "${label}".`,
            hint: `Write label: ${category.label}, as ${where} has it.`,
          });
        continue;
      }
      const byLabel = known.find((c) => c.label.toLowerCase() === label.toLowerCase());
      const near = byLabel
        ? undefined
        : closest(
            value,
            known.map((c) => c.value),
          );
      report({
        file: issue.path,
        line,
        message: `category "${value}" is not a category of the site${byLabel ? `; "${byLabel.label}" is ${byLabel.value}.` : near ? `; did you mean ${near}?` : '.'}`,
        hint: `The site's categories: ${known.map((c) => `${c.value} (${c.label})`).join(', ')}, in ${where}.`,
      });
    }
  },
});

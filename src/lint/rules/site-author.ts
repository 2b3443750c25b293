import { frontMatterKeyLine } from '../../core/issue/front-matter.js';
import { closest } from '../../core/suggest.js';
import { defineRule } from '../rule.js';

export const siteAuthor = defineRule({
  id: 'site-author',
  defaultSeverity: 'error',
  needs: ['site'],
  description:
    "With a checkout of the site (lint --site DIR, or config siteRepo): a post author the site does not know. The CMS relates a post to one of the site's authors (src/pages/author/*.md) by its authorName; any other name has no author page and cannot be picked in the CMS.",
  examples: {
    ok: [{ files: { 'issue.md': '---\nauthor: Allison Price\n---\n' }, exampleSite: {} }],
    notOk: [
      {
        files: { 'issue.md': '---\nauthor: Alison Price\n---\n' },
        exampleSite: {},
        messages: ['issue.md:2:1 author "Alison Price" is not an author of the site; did you mean "Allison Price"?'],
      },
      {
        files: { 'issue.md': '---\nauthor: OpenInfra Foundation\n---\n' },
        exampleSite: {},
        messages: ['issue.md:2:1 author "OpenInfra Foundation" is not an author of the site (it has 2, in src/pages/author/).'],
      },
    ],
  },
  check({ issue, config, site, report }) {
    if (!site.authors || !issue.path) return;
    const author = issue.meta.author;
    const names = site.authors.map((a) => a.name);
    if (names.includes(author)) return;
    const near = names.find((name) => name.toLowerCase() === author.toLowerCase()) ?? closest(author, names);
    const fromConfig = !issue.introParts || !Object.hasOwn(issue.introParts.keyLines, 'author');
    // An author file the model left out unread may be this author's: say so, rather than only "unknown".
    const unread = site.unread.filter((left) => left.file.startsWith(`${config.siteLayout.authorDir}/`)).map((left) => left.file);
    const unreadNote =
      unread.length > 0
        ? ` The site's ${unread.length === 1 ? `author file ${unread[0]} could` : `${unread.length} author files such as ${unread[0]} could`} not be read (lint --verbose says why).`
        : '';
    report({
      file: issue.path,
      line: frontMatterKeyLine(issue.introParts, 'author'),
      message: `author "${author}"${fromConfig ? ' (config author)' : ''} is not an author of the site${near ? `; did you mean "${near}"?` : ` (it has ${names.length}, in ${config.siteLayout.authorDir}/).`}${unreadNote}`,
      hint: `Use an authorName of ${config.siteLayout.authorDir}/*.md, or add the author to the site first.`,
    });
  },
});

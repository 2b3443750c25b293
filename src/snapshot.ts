import { readFileSync } from 'node:fs';
import { startupSnapshot } from 'node:v8';
import { run } from './bin.js';
import { defaultConfig } from './core/config/config.js';
import { parseIssueSlug } from './core/issue/slug.js';
import { TEMPLATE_NAMES } from './core/templates.js';
import { packagePath } from './paths.js';
import { openIssuePipeline } from './pipeline.js';

/*
 * The entry of the V8 startup snapshot that `npm install` builds (scripts/build-snapshot.mjs).
 * Loading MJML costs more than a whole build, so the snapshot is taken with everything loaded
 * and one small issue rendered, which leaves every hot path compiled. bin/newsletter.js starts
 * node from it when it can. Nothing read from the environment at this point may be kept: it
 * would be the build machine's, not the user's.
 */
const templates = new Map(TEMPLATE_NAMES.map((name) => [name, { name, path: name, text: readFileSync(packagePath('templates', name), 'utf8') }]));
// An issue written as the published ones are (front matter as the CMS writes it, lists of
// linked facts, headings, images, non-ASCII text), so that what a build of a real issue runs
// is compiled here, not at every start.
const WARM_UP_ISSUE = [
  '---',
  'templateKey: blog-post',
  'title: "Inside Open Infrastructure: April 2025"',
  'author: OpenInfra Foundation',
  'date: 2025-04-21T17:11:25.697Z',
  'category:',
  '  - value: category-A7fnZYrE1',
  '    label: News & Announcements',
  'seo:',
  '  title: "Inside Open Infrastructure: April 2025"',
  '  url: https://openinfra.dev/blog/openinfra-newsletter-april-2025',
  '  twitterUsername: "@OpenInfraDev"',
  '  description: The latest from the OpenInfra community, and',
  '    more!',
  '---',
  '![The Summit stage](/img/stage.png)',
  '',
  'Welcome to the *April* issue: read on.',
  '',
].join('\n');
const WARM_UP_FRAGMENTS = {
  'foundation.md':
    '---\nstatus: ready\n---\n* The [Working Group](https://openinfra.org/wg) met at the PTG. Stay tuned!\n* If you\u2019re interested, contact [Jo](mailto:jo@openinfra.dev) or see https://openinfra.dev/join/ today.\n',
  'events.md':
    '---\nstatus: ready\n---\n**Upcoming Events**\n\n[OpenInfra Summit Europe](https://summit2025.openinfra.org/)\n\n* 17-19 October 2025 | Paris-Saclay, FR | \u00c9cole Polytechnique\n* [Register](https://summit2025.openinfra.org/register/) | Prices rise on 29 July\n\n![Sponsors](/img/sponsors.png)\n',
  'kata.md':
    '---\nstatus: ready\n---\n### Kata 3.14\n\nKata [3.14](https://x.org/a) is **out** <!-- note --> with `runtime-rs` &amp; more:\n\n* nested\n  * list\n\n> quoted\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n<b>raw</b><br>\n',
  'spotlight.md':
    "---\nstatus: ready\ntitle: OpenInfra Spotlight\n---\n1. First, [a link](https://example.org/one 'with a title').\n2. Then _emphasis_ and ~~less~~.\n",
};
const pipeline = openIssuePipeline({
  config: defaultConfig(),
  sources: {
    id: parseIssueSlug('april-2025'),
    issueFile: { path: 'issue.md', text: WARM_UP_ISSUE },
    fragments: Object.entries(WARM_UP_FRAGMENTS).map(([path, text]) => ({ path, text })),
  },
  templates,
});
// The whole pipeline once, as build and lint run it: every output and every rule.
pipeline.blog();
pipeline.text();
void pipeline.diagnostics();

startupSnapshot.setDeserializeMainFunction(async () => {
  // Started from a snapshot, argv holds no script path: the arguments follow node's own.
  process.exitCode = await run(process.argv.slice(1));
});

import { readFileSync } from 'node:fs';
import { startupSnapshot } from 'node:v8';
import { run } from './bin.js';
import { defaultConfig } from './core/config.js';
import { parseIssueSlug } from './core/slug.js';
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
const pipeline = openIssuePipeline({
  config: defaultConfig(),
  sources: {
    id: parseIssueSlug('april-2025'),
    issueFile: { path: 'issue.md', text: '---\ntitle: "Inside Open Infrastructure: April 2025"\ndate: 2025-04-21\n---\n![Hero](/img/x.png)\n' },
    fragments: [{
      path: 'kata.md',
      text: '---\nstatus: ready\n---\n* Kata [3.14](https://x.org/a) is **out** <!-- note -->\n  * nested\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n<b>raw</b>\n',
    }],
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

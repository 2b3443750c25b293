import { stringify } from 'yaml';
import { CONFIG_FILE } from '../config/config.js';
import { DEFAULT_CONFIG_VALUES } from '../config/config-defaults.js';
import type { ConventionKey } from '../site/site.js';

/** The workflow's place in a workspace: GitHub runs what .github/workflows/ holds. */
export const WORKFLOW_FILE = '.github/workflows/newsletter.yml';
/** The guide for section writers: GitHub shows a folder's README under its files, where writers look for their fragment. */
export const GUIDE_FILE = 'sections/README.md';

/** What this CLI's own package.json says, as far as a workspace that installs it needs. */
export interface ToolPackage {
  name: string;
  version: string;
  dependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  overrides?: Record<string, unknown>;
}

export interface WorkspaceInputs {
  tool: ToolPackage;
  /** The CI workflow, as the package ships it. */
  workflow: string;
  /** The site's conventions, when a checkout was read: from its latest newsletter post (`file`), the keys it has. */
  site?: { file: string; values: Partial<Record<ConventionKey, unknown>> };
  /** The checkout as the workspace would name it in siteRepo (relative to the workspace). */
  sitePath?: string;
}

/** The files of a new workspace, by path relative to its folder, in the order they are listed. Pure. */
export function scaffoldWorkspace(inputs: WorkspaceInputs): Map<string, string> {
  return new Map([
    [CONFIG_FILE, configText(inputs)],
    [GUIDE_FILE, GUIDE],
    [WORKFLOW_FILE, inputs.workflow],
    ['package.json', packageText(inputs.tool)],
    [GITIGNORE_FILE, GITIGNORE],
  ]);
}

const CONVENTIONS: ConventionKey[] = ['author', 'category', 'postUrl', 'twitterUsername', 'headingLevel', 'taglines'];

/** The conventions in which the site departs from the built-in defaults: those the config sets. */
export function siteDepartures(values: Partial<Record<ConventionKey, unknown>>): ConventionKey[] {
  return CONVENTIONS.filter((key) => values[key] !== undefined && JSON.stringify(values[key]) !== JSON.stringify(DEFAULT_CONFIG_VALUES[key]));
}

/**
 * The config: the site's conventions where the site departs from the built-in defaults, as
 * settings, so that the workspace builds the same posts on a machine without the checkout (CI);
 * the rest as comments, so that lint's site-convention still watches them against the site.
 */
function configText({ site, sitePath }: WorkspaceInputs): string {
  const lines = [
    "# This newsletter workspace's settings. Every key is optional: the built-in defaults describe",
    '# Inside Open Infrastructure; node_modules/@openinfra/newsletter/docs/configuration.md lists them.',
    '',
  ];
  if (site) {
    lines.push(
      `# The site's conventions, as its latest newsletter post (${site.file}) has them.`,
      '# Set: where the site departs from the built-in defaults (a setting here wins over the site).',
      '# Commented: the same as the defaults; new --site and lint --site follow the site for those.',
    );
  } else {
    lines.push(
      "# The site's conventions: the built-in defaults, as the site's 2026 newsletter posts have them.",
      '# Leave them commented to follow the site: with a checkout (--site, or siteRepo below), new takes',
      "# them from the site's latest newsletter post; a setting here wins over the site.",
    );
  }
  const set = siteDepartures(site?.values ?? {});
  for (const key of CONVENTIONS) {
    const text = stringify({ [key]: set.includes(key) ? site!.values[key] : DEFAULT_CONFIG_VALUES[key] }).trimEnd();
    lines.push(set.includes(key) ? text : commented(text));
  }
  lines.push(
    '',
    '# A checkout of the site (git clone https://github.com/OpenStackweb/osf-website): new takes its',
    '# conventions, lint checks issues against it, publish writes into it. Set it only where every',
    '# machine that runs the newsletter has it: CI has none, and a siteRepo that is not there stops new.',
    `# siteRepo: ${sitePath ?? '../osf-website'}`,
    '',
    "# The email's footer needs an unsubscribe link (lint's unsubscribe rule is an error until one is",
    "# set): Emma is the foundation's mail platform; check its tag in the first test send. send needs",
    '# a sender for test messages. Uncomment email: with the lines you use.',
    '# email:',
    '#   platform: emma',
    '#   unsubscribeUrl: "[unsubscribe]"   # another platform\'s merge tag, or a URL; wins over platform',
    '#   from: "OpenInfra Foundation <newsletter@openinfra.dev>"',
    '',
  );
  return lines.join('\n');
}

const commented = (text: string): string =>
  text
    .split('\n')
    .map((line) => `# ${line}`)
    .join('\n');

/**
 * The package.json of a content repository. The tool at exactly this version: a build is the
 * same bytes from the same sources only with the same CLI, and a new version (new rules, new
 * output) arrives as a pull request of its own, whose checks show what it changes. npm applies
 * `overrides` only at the root of an install, so the tool's own (what keeps its install lean
 * and working on Node 20) are repeated here, a `$name` reference made the tool's own range.
 * playwright-core, the tool's optional peer, lets the workflow take the email's screenshots.
 */
function packageText(tool: ToolPackage): string {
  const devDependencies: Record<string, string> = { [tool.name]: tool.version };
  const playwright = tool.peerDependencies?.['playwright-core'];
  if (playwright) devDependencies['playwright-core'] = playwright;
  const pkg = {
    private: true,
    description: `Inside Open Infrastructure: each issue as Markdown sections, checked and built by ${tool.name}`,
    scripts: { lint: 'newsletter lint', build: 'newsletter build', preview: 'newsletter preview', status: 'newsletter status' },
    devDependencies,
    ...(tool.overrides ? { overrides: resolveReferences(tool.overrides, tool.dependencies ?? {}) } : {}),
  };
  return `${JSON.stringify(pkg, null, 2)}\n`;
}

/** npm's `$name` in overrides means the root's own range for name; the workspace's root does not depend on it, so the range itself. */
function resolveReferences(value: unknown, ranges: Record<string, string>): unknown {
  if (typeof value === 'string') return value.startsWith('$') ? (ranges[value.slice(1)] ?? value) : value;
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, resolveReferences(inner, ranges)]));
}

export const GITIGNORE_FILE = '.gitignore';
const IGNORED = ['dist/', 'node_modules/'];
const GITIGNORE = `# What newsletter build writes, made again from sections/ at every build.
${IGNORED.join('\n')}
`;

/** The lines of init's .gitignore that a .gitignore of the owner's lacks (read plainly: `dist`, `/dist` and `dist/` all count). */
export function ignoredLinesMissing(text: string): string[] {
  const lines = new Set(text.split(/\r?\n/).map((line) => line.trim().replace(/^\//, '').replace(/\/$/, '')));
  return IGNORED.filter((line) => !lines.has(line.replace(/\/$/, '')));
}

/**
 * The guide for section writers. Every command it names is one of the CLI's or one of the
 * package.json's scripts (a test holds it to that); the check and its artifact are the workflow's.
 */
const GUIDE = `# Writing a section

Each issue is a folder here, named by its month: \`sections/may-2026/\`. It holds \`issue.md\`
(the title, the date, the picture at the top) and one Markdown file per section, such as
\`openstack.md\`. The editor opens an issue with \`npx newsletter new may-2026\`; each section's
owner then writes their own file, in a pull request.

## Your section

1. Open your section's file in the issue's folder. On GitHub, its pencil button edits it and
   opens the pull request for you.
2. Write below the front matter (the lines between the two \`---\`), in Markdown as on GitHub.
   The comment at the top says what the section holds; comments never reach readers.
3. When it is done, change \`status: draft\` to \`status: ready\` in the front matter.

Images: put a new picture in the issue's \`img/\` folder and show it relative to your file,
with words that say what it shows: \`![The Kata team at the PTG](img/team-photo.png)\`. A
picture the site has already is written by its path on the site: \`![Our sponsors](/img/sponsors.png)\`.

Events: \`events.md\` lists them as data in its front matter (its comment shows how), and they
render after your words; for words after them, put a line of just \`<!-- events -->\` where
they go.

## The pull request's check

Every pull request runs the newsletter's check. Problems in the files it changes show as notes
on their lines under "Files changed" (an error fails the check); others' unfinished sections
do not fail yours, and the run's summary says which sections are still owed. The run also keeps a preview for reviewers: on the check's page, under
Artifacts, download \`newsletter-preview\`, unzip it and open \`<issue>/preview/index.html\` (the
email at phone and desktop width, the plain text, the blog post and every problem).

## On your own machine

With Node.js 20.19 or later, once: \`npm ci\`. Then:

    npm run preview    # the issue at http://127.0.0.1:4400/, updated as you save
    npm run lint       # the problems the check will show, each at its line
    npm run status     # who still owes what, and whether the issue can ship
    npm run build      # the blog post, the email and its text, into dist/
`;

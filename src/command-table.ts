import { InvalidArgumentError } from 'commander';
import type { Context, Writer } from './context.js';
import { CliError, usageError } from './errors.js';
import { LINT_FORMATS, STATUS_FORMATS, type LintFormat, type StatusFormat } from './core/formats.js';
import { SHELLS } from './core/completion.js';
import { printable } from './core/text.js';

/*
 * Every command of the CLI, declared once: its words, arguments, flags and examples (from which
 * cli.ts makes commander's commands and --help, and docs.ts the README's list), whether it
 * starts from the startup snapshot (which the bin's sh and the snapshot's build are held to by
 * a test), and `run`: it loads the command's module and its printer on first use (a command
 * costs nothing to the others' start-up), runs it, prints what it returns, and says how it
 * went. cli.ts alone turns that outcome into an exit code.
 */

/** How a command went: `done` (exit 0), `problems` found in the content (1), or `failed` as a usage error (2). */
export type Outcome = 'done' | 'problems' | 'failed';

export interface FlagSpec {
  flags: string;
  description: string;
  /** Reads the flag's value (a whole number, a port...); for a repeatable one, takes the list so far. */
  parse?: (value: string, previous: never) => unknown;
  default?: unknown;
  choices?: readonly string[];
}

export interface CommandCall<Flags> {
  /** The command's arguments, in order (an optional one undefined, a variadic one a list). */
  args: unknown[];
  /**
   * Where a command says something beside its result (which issue it took when none was named):
   * shown on stderr once the command has run, never before an error, which stays one line.
   */
  note: Writer;
  flags: Flags;
  /** The workspace folder: --cwd, else the current one. */
  cwd: string;
  debug: boolean;
}

export interface CommandSpec<Flags = Record<string, unknown>> {
  name: string;
  description: string;
  /** commander's syntax (`<issue>`, `[issues...]`), what it is, and the words it takes when they are a fixed list (for completion). */
  args: [syntax: string, what: string, words?: readonly string[]][];
  flags: FlagSpec[];
  examples: string;
  /** Started from the startup snapshot: the commands that render emails, and so load MJML. */
  fromSnapshot: boolean;
  run(ctx: Context, call: CommandCall<Flags>): Promise<Outcome>;
}

/** A command with its own flags' type; the table holds them all alike. */
function command<Flags>(spec: CommandSpec<Flags>): CommandSpec {
  return spec as unknown as CommandSpec;
}

export function parsePort(value: string): number {
  if (!/^\d+$/.test(value) || Number(value) > 65535) throw new InvalidArgumentError('expected a port from 0 to 65535 (0: any free one).');
  return Number(value);
}

export function parseCount(value: string): number {
  if (!/^\d+$/.test(value)) throw new InvalidArgumentError('expected a whole number, such as 0.');
  return Number(value);
}

const issueArg = (what = 'the issue (default: the latest)'): [string, string] => ['[issue]', what];

const EXAMPLES = {
  new: `
Examples:
  $ newsletter new april-2025
  $ newsletter new 2025-05 --yes --author "Allison Price" --date 2025-05-20
  $ newsletter new june-2025 --yes --sections spotlight,foundation,openstack,events
  $ newsletter new 2026-09 --site ../osf-website --verbose   # defaults from the site's latest newsletter post`,
  lint: `
Examples:
  $ newsletter lint                      # the latest issue
  $ newsletter lint april-2025 may-2025
  $ newsletter lint --all --format github --max-warnings 0
  $ newsletter lint --since origin/main --format github   # a pull request: the issues it touched`,
  import: `
Examples:
  $ newsletter import ~/site/src/pages/blog/inside-open-infrastructure-june-2025.md
  $ newsletter import archive/*.md
  $ newsletter import draft.md --issue 2025-07`,
  status: `
Examples:
  $ newsletter status                   # the latest issue: who owes what, can it ship?
  $ newsletter status june-2025 --check # exit 1 unless the issue is ready
  $ newsletter status --format markdown >> "$GITHUB_STEP_SUMMARY"`,
  publish: `
Examples:
  $ newsletter publish --site ../osf-website            # the latest issue, if it is ready
  $ newsletter publish june-2025 --site ../osf-website --dry-run
  $ newsletter publish --json                           # with siteRepo in the config`,
  send: `
Examples:
  $ newsletter send --to me@example.org                         # the latest issue, to my inbox
  $ newsletter send june-2025 --to me@example.org --to me@phone.example.org
  $ newsletter send --dry-run                                   # dist/<issue>/test.eml, nothing sent

SMTP: NEWSLETTER_SMTP_URL=smtp://user:password@host:587 (smtps:// for TLS from the start),
or email.smtp in the config with NEWSLETTER_SMTP_PASSWORD.`,
  events: `
Examples:
  $ newsletter events                          # the latest issue's events, their days and deadlines
  $ newsletter events april-2025 --to-data --dry-run
  $ newsletter events april-2025 --to-data     # imported prose events into events: data`,
  section: `
Examples:
  $ newsletter section add summit-spotlight --heading "Summit Spotlight" --owner "@events-team"
  $ cd sections/june-2025 && newsletter section add member-story --before events
  $ newsletter section add zuul june-2025          # a section config knows, with its heading and guide`,
  completion: `
Examples:
  $ eval "$(newsletter completion bash)"              # in ~/.bashrc
  $ newsletter completion zsh > "\${fpath[1]}/_newsletter"
  $ newsletter completion fish > ~/.config/fish/completions/newsletter.fish`,
  preview: `
Examples:
  $ newsletter preview                  # the latest issue, at http://127.0.0.1:4400/
  $ newsletter preview june-2025 --port 0 --open
  $ newsletter screenshot --out shots   # PNGs at 375 and 800 px, light and dark`,
  screenshot: `
Examples:
  $ newsletter screenshot                          # into dist/<issue>/screenshots/
  $ newsletter screenshot june-2025 --out /tmp/shots --browser /usr/bin/google-chrome`,
  build: `
Examples:
  $ newsletter build                    # the latest issue: blog post, email and text
  $ newsletter build april-2025 --email
  $ newsletter build --strict           # in CI: fail when lint finds errors
  $ newsletter build --json --out /tmp/preview`,
};

export const COMMANDS: CommandSpec[] = [
  command<{ yes?: boolean; title?: string; author?: string; date?: string; description?: string; sections?: string; site?: string; verbose?: boolean }>({
    name: 'new',
    description: 'open a new issue: issue.md and one fragment per section',
    args: [['<issue>', 'the issue, as month-year (april-2025) or year-month (2025-04)']],
    flags: [
      { flags: '-y, --yes', description: 'ask nothing; take the flags and the defaults' },
      { flags: '--title <text>', description: 'the issue title' },
      { flags: '--author <name>', description: 'the author shown on the blog post' },
      { flags: '--date <YYYY-MM-DD>', description: 'the publish date' },
      { flags: '--description <text>', description: 'the SEO description, also the email preheader' },
      { flags: '--sections <ids>', description: 'comma-separated section ids' },
      { flags: '--site <dir>', description: 'a checkout of the site: its latest newsletter post gives the defaults (default: config siteRepo)' },
      { flags: '--verbose', description: 'say where each default came from (the site, the config, built in)' },
    ],
    examples: EXAMPLES.new,
    fromSnapshot: false,
    async run(ctx, { args, flags, cwd, note }) {
      const [{ newIssue }, { printNewResult }] = await Promise.all([import('./commands/new.js'), import('./ui/print-new.js')]);
      const { verbose, ...options } = flags;
      printNewResult(ctx, await newIssue({ ...ctx, cwd }, { issue: args[0] as string, ...options }), { verbose });
      return 'done';
    },
  }),
  command<{ blog?: boolean; email?: boolean; text?: boolean; out?: string; minify?: boolean; json?: boolean; strict?: boolean; eml?: boolean }>({
    name: 'build',
    description: 'render the blog post, the MJML email and its plain text into dist/<issue>/',
    args: [issueArg('the issue to build (default: the latest)')],
    flags: [
      { flags: '--blog', description: 'write the blog post' },
      { flags: '--email', description: 'write the email (email.mjml and email.html)' },
      { flags: '--text', description: 'write the plain-text email' },
      { flags: '--out <dir>', description: 'write into this folder instead of dist/<issue>/' },
      { flags: '--minify', description: 'minify the email HTML (keeps it further from Gmail\'s 102 KB clip)' },
      { flags: '--json', description: 'print what was written as JSON, and nothing else on stdout' },
      { flags: '--strict', description: 'exit 1 when the issue has lint errors (the outputs are written all the same)' },
      { flags: '--eml', description: 'also write email.eml, the message a mail platform can take as is (needs email.from)' },
    ],
    examples: EXAMPLES.build,
    fromSnapshot: true,
    async run(ctx, { args, flags, cwd, note }) {
      const [{ build }, { printBuildResult }] = await Promise.all([import('./commands/build.js'), import('./ui/print-build.js')]);
      const result = await build({ cwd, env: ctx.env, stderr: note }, { issue: args[0] as string | undefined, ...flags });
      printBuildResult(ctx, result, !!flags.json);
      return flags.strict && result.diagnostics.some((d) => d.severity === 'error') ? 'problems' : 'done';
    },
  }),
  command<{ all?: boolean; format: LintFormat; maxWarnings?: number; quiet?: boolean; verbose?: boolean; cache: boolean; site?: string; online?: boolean; onlineDeadline?: number; allowPrivate?: boolean; since?: string; fix?: boolean; fixDryRun?: boolean }>({
    name: 'lint',
    description: 'check issues for the defects that reach readers: placeholders, missing alt text, stale dates...',
    args: [['[issues...]', 'the issues to lint (default: the latest)']],
    flags: [
      { flags: '--all', description: 'lint every issue in sections/' },
      { flags: '--format <format>', description: 'how to print the results', choices: LINT_FORMATS, default: 'stylish' },
      { flags: '--max-warnings <n>', description: 'fail (exit 1) when there are more warnings than this', parse: parseCount },
      { flags: '--quiet', description: 'report errors only' },
      { flags: '--verbose', description: 'with a site checkout: also say which of its posts and authors were left out unread, and why' },
      { flags: '--no-cache', description: 'lint every issue again, even those unchanged since the last lint' },
      { flags: '--site <dir>', description: 'check the issue against this checkout of the site: its images, authors, categories, CMS fields and routes (default: config siteRepo)' },
      { flags: '--online', description: 'also check every link and image over HTTP (dead-link); the only time lint uses the network' },
      { flags: '--online-deadline <seconds>', description: 'with --online: the time all link checks may take together; what is left is reported as not checked (default 60)', parse: parseCount },
      { flags: '--allow-private', description: 'with --online: also request loopback and private addresses (link-local ones never); not for pull requests in CI' },
      { flags: '--since <git-ref>', description: 'lint the issues a change touched since this git ref (all of them when the config or a template changed)' },
      { flags: '--fix', description: 'apply the fixes rules are sure of (spacing, casing, repeated words, paste leftovers...), one write per file, then report what is left' },
      { flags: '--fix-dry-run', description: 'print what --fix would change, as a diff, and write nothing' },
    ],
    examples: EXAMPLES.lint,
    fromSnapshot: true,
    async run(ctx, { args, flags, cwd, note }) {
      const [{ lint }, { fixableErrors, lintSummary, printFixDryRun, printFixed, printLintRun, tooManyWarnings }, { printUnreadSiteFiles }] = await Promise.all([import('./commands/lint.js'), import('./ui/print-lint.js'), import('./ui/output.js')]);
      // On a terminal, a progress line while links are checked, cleared when they are done.
      const progress = flags.online && ctx.interactive ? (done: number, total: number) => ctx.stderr.write(done < total ? `\rchecking links: ${done}/${total}` : '\r\x1b[2K') : undefined;
      if (flags.fix && flags.fixDryRun) throw usageError('give --fix or --fix-dry-run, not both.', 'newsletter lint --fix-dry-run shows what newsletter lint --fix would change.');
      const run = await lint({ cwd, env: ctx.env, now: ctx.now, waits: ctx.waits, stderr: note }, {
        issues: args[0] as string[], all: flags.all, quiet: flags.quiet, cache: flags.cache, since: flags.since, site: flags.site, online: flags.online,
        onlineDeadlineMs: flags.onlineDeadline === undefined ? undefined : flags.onlineDeadline * 1000, allowPrivate: flags.allowPrivate, progress,
        fix: flags.fix ? 'apply' : flags.fixDryRun ? 'dry-run' : undefined, verbose: flags.verbose,
      });
      if (run.siteUnread) printUnreadSiteFiles(note, run.siteUnread, !!flags.verbose);
      if (run.fixes && flags.fixDryRun) {
        // The patch alone on stdout, so that it can be read or piped to git apply.
        printFixDryRun(ctx, run);
        return run.errorCount - fixableErrors(run) > 0 ? 'problems' : 'done';
      }
      if (run.fixes) printFixed(ctx, run.fixes);
      printLintRun(ctx, run, flags.format, flags.maxWarnings);
      const summaryFile = ctx.env.GITHUB_STEP_SUMMARY;
      if (flags.format === 'github' && summaryFile) {
        const { appendText } = await import('./io/files.js');
        const problem = await appendText(summaryFile, lintSummary(run));
        if (problem) ctx.stderr.write(`warning: the job summary could not be written to $GITHUB_STEP_SUMMARY (${problem}).\n`);
      }
      return run.errorCount > 0 || tooManyWarnings(run, flags.maxWarnings) ? 'problems' : 'done';
    },
  }),
  command<{ format: StatusFormat; check?: boolean }>({
    name: 'status',
    description: 'who still owes what, and whether the issue can ship: each section\'s owner, state and problems',
    args: [issueArg()],
    flags: [
      { flags: '--format <format>', description: 'how to print it', choices: STATUS_FORMATS, default: 'text' },
      { flags: '--check', description: 'exit 1 when the issue is not ready' },
    ],
    examples: EXAMPLES.status,
    fromSnapshot: false,
    async run(ctx, { args, flags, cwd, note }) {
      const [{ status }, { printStatus }] = await Promise.all([import('./commands/status.js'), import('./ui/print-status.js')]);
      const result = await status({ cwd, env: ctx.env, now: ctx.now, stderr: note }, { issue: args[0] as string | undefined });
      printStatus(ctx, result, flags.format);
      return flags.check && !result.ready ? 'problems' : 'done';
    },
  }),
  command<{ site?: string; dryRun?: boolean; force?: boolean; json?: boolean }>({
    name: 'publish',
    description: 'put a ready issue into a checkout of the site: the blog post and the issue\'s own images',
    args: [issueArg()],
    flags: [
      { flags: '--site <dir>', description: 'the checkout of the site\'s repository (default: config siteRepo)' },
      { flags: '--dry-run', description: 'write nothing; print what would be written' },
      { flags: '--force', description: 'publish an issue that is not ready, or replace a published post that differs' },
      { flags: '--json', description: 'print {"issue", "site", "written", "unchanged"} and nothing else on stdout' },
    ],
    examples: EXAMPLES.publish,
    fromSnapshot: false,
    async run(ctx, { args, flags, cwd, note }) {
      const [{ publish }, { printPublishResult }] = await Promise.all([import('./commands/publish.js'), import('./ui/print-publish.js')]);
      const result = await publish({ cwd, now: ctx.now, stderr: note }, { issue: args[0] as string | undefined, site: flags.site, dryRun: flags.dryRun, force: flags.force });
      printPublishResult(ctx, result, !!flags.json);
      return result.refused ? 'problems' : 'done';
    },
  }),
  command<{ to: string[]; dryRun?: boolean; force?: boolean; testPrefix: boolean; inlineImages: boolean; site?: string }>({
    name: 'send',
    description: 'send one test message of a ready issue to your own inbox, through SMTP',
    args: [issueArg()],
    flags: [
      { flags: '--to <address>', description: 'a recipient (repeat for more; at most 10)', parse: (value: string, list: string[]) => [...list, value], default: [] },
      { flags: '--dry-run', description: 'send nothing; write the message as dist/<issue>/test.eml (never over the email.eml of build --eml)' },
      { flags: '--force', description: 'send an issue that is not ready' },
      { flags: '--no-test-prefix', description: 'leave "[TEST] " out of the subject' },
      { flags: '--no-inline-images', description: 'load the images from their addresses on the site, as readers will (default: the issue\'s own and those of the site checkout carried in the message, since the site shows them only once deployed)' },
      { flags: '--site <dir>', description: 'a checkout of the site, whose images the email shows are carried in the message (default: config siteRepo)' },
    ],
    examples: EXAMPLES.send,
    fromSnapshot: false,
    async run(ctx, { args, flags, cwd, note }) {
      const [{ send }, { printSendResult }] = await Promise.all([import('./commands/send.js'), import('./ui/print-send.js')]);
      const result = await send({ cwd, env: ctx.env, now: ctx.now, waits: ctx.waits, stderr: note }, { issue: args[0] as string | undefined, to: flags.to, dryRun: flags.dryRun, force: flags.force, testPrefix: flags.testPrefix, inlineImages: flags.inlineImages, site: flags.site });
      printSendResult(ctx, result);
      return result.refused || (result.delivery?.refused.length ?? 0) > 0 ? 'problems' : 'done';
    },
  }),
  command<{ toData?: boolean; dryRun?: boolean }>({
    name: 'events',
    description: 'an issue\'s events as data: their days, deadlines and invites; --to-data turns the events section\'s prose into events: where it can with certainty',
    args: [issueArg()],
    flags: [
      { flags: '--to-data', description: 'turn the events section\'s prose into events: data, event by event, where every line is read with certainty; the rest stays prose and is listed' },
      { flags: '--dry-run', description: 'with --to-data: write nothing; print what would change' },
    ],
    examples: EXAMPLES.events,
    fromSnapshot: false,
    async run(ctx, { args, flags, cwd, note }) {
      const [{ events }, { printEventsResult }] = await Promise.all([import('./commands/events.js'), import('./ui/print-events.js')]);
      printEventsResult(ctx, await events({ cwd, stderr: note }, { issue: args[0] as string | undefined, toData: flags.toData, dryRun: flags.dryRun }));
      return 'done';
    },
  }),
  command<{ heading?: string; owner?: string; tagline?: string; required?: boolean; after?: string; before?: string }>({
    name: 'section',
    description: 'add a section to an issue (section add <id>): its fragment with its owner, and its place in the reading order issue.md holds',
    args: [['<action>', 'add', ['add']], ['<id>', 'the section id, which names its file (summit-spotlight)'], issueArg('the issue (default: the one of the current folder, else the latest)')],
    flags: [
      { flags: '--heading <text>', description: 'its heading (default: config\'s for a configured section, else made from the id)' },
      { flags: '--owner <name>', description: 'who writes it (a GitHub handle such as "@jdoe", or a name)' },
      { flags: '--tagline <text>', description: 'a section of the issue\'s own: its tagline, shown after its heading where the issue\'s headings carry taglines' },
      { flags: '--required', description: 'a section of the issue\'s own: lint reports it while it holds nothing (required: true)' },
      { flags: '--after <id>', description: 'put it after this section' },
      { flags: '--before <id>', description: 'put it before this section (default: before the events, else last)' },
    ],
    examples: EXAMPLES.section,
    fromSnapshot: false,
    async run(ctx, { args, flags, cwd, note }) {
      if (args[0] !== 'add') throw usageError(`newsletter section ${String(args[0])}: the only action is add.`, 'newsletter section add <id> [issue]');
      if (flags.after !== undefined && flags.before !== undefined) throw usageError('give --after or --before, not both.');
      const [{ addSection }, { paint }] = await Promise.all([import('./commands/section.js'), import('./ui/output.js')]);
      const result = await addSection({ cwd, stderr: note }, { id: args[1] as string, issue: args[2] as string | undefined, ...flags });
      const c = paint(ctx);
      ctx.stdout.write(`${c.green('Added')} ${printable(result.file)}${result.own ? ', a section of this issue alone' : ''}\nReading order (issue.md, sections:): ${printable(result.order.join(', '))}\n`);
      return 'done';
    },
  }),
  command<{ issues?: boolean }>({
    name: 'completion',
    description: 'print the shell completion script for bash, zsh or fish: commands, options and issue names',
    args: [['[shell]', 'bash, zsh or fish', SHELLS]],
    flags: [{ flags: '--issues', description: 'print the workspace\'s issue names, one per line (what the scripts ask as you type)' }],
    examples: EXAMPLES.completion,
    fromSnapshot: false,
    async run(ctx, { args, flags, cwd, note }) {
      const { completionScript } = await import('./core/completion.js');
      if (flags.issues) {
        const { findWorkspaceRoot, listIssues } = await import('./io/workspace.js');
        for (const id of await listIssues(findWorkspaceRoot(cwd))) ctx.stdout.write(`${id.slug}\n`);
        return 'done';
      }
      const shell = args[0] as string | undefined;
      if (!shell || !(SHELLS as readonly string[]).includes(shell)) throw usageError(`completion needs a shell: ${SHELLS.join(', ')}.`, 'Such as: eval "$(newsletter completion bash)"');
      ctx.stdout.write(completionScript(shell as (typeof SHELLS)[number], COMMANDS.map((spec) => ({
        name: spec.name,
        description: spec.description,
        flags: spec.flags.map((flag) => ({
          name: /--[a-z][a-z-]*/.exec(flag.flags)![0],
          description: flag.description,
          // A value named <dir>, <path> or <file> is a place on disk, which the shell completes as a file.
          value: /<(?:dir|path|file)>/.test(flag.flags) ? 'path' as const : flag.flags.includes('<') ? 'other' as const : 'none' as const,
          choices: flag.choices,
        })),
        words: spec.args[0]?.[2] ?? [],
        takesIssue: spec.args.some(([syntax]) => syntax.includes('issue')),
      }))));
      return 'done';
    },
  }),
  command<{ port: number; host: string; open?: boolean; site?: string }>({
    name: 'preview',
    description: 'serve a live preview of an issue on this machine (email on phone and desktop, light and dark, text, blog post, problems), updated on every save',
    args: [issueArg('the issue shown first (default: the latest)')],
    flags: [
      { flags: '--port <n>', description: 'the port (0: any free one)', parse: parsePort, default: 4400 },
      { flags: '--host <address>', description: 'the address to listen on; anything but loopback lets others on the network read the issue', default: '127.0.0.1' },
      { flags: '--open', description: 'open the page in the default browser' },
      { flags: '--site <dir>', description: 'a checkout of the site: the page shows the site images it holds, and lint\'s site checks run (default: config siteRepo)' },
    ],
    examples: EXAMPLES.preview,
    fromSnapshot: false,
    async run(ctx, { args, flags, cwd, note }) {
      const [{ startPreview }, { openInBrowser }] = await Promise.all([import('./commands/preview.js'), import('./io/open-browser.js')]);
      const server = await startPreview({ cwd, now: ctx.now }, { issue: args[0] as string | undefined, port: flags.port, host: flags.host, site: flags.site });
      // Listening for Ctrl-C before the address is printed: whoever reads the line may stop it at once.
      const stopped = new Promise<void>((resolveStop) => {
        const stop = ctx.onInterrupt(() => {
          stop();
          void server.close().then(resolveStop);
        });
      });
      if (server.exposed) ctx.stderr.write(`warning: serving on ${flags.host}: anyone who can reach this machine there can read the issue and its drafts.\n`);
      ctx.stdout.write(`Preview at ${server.url}\n`);
      if (flags.open) {
        const problem = await openInBrowser(`${server.url}${server.issue}/`);
        if (problem) ctx.stderr.write(`warning: no browser could be opened (${problem}); open ${server.url} yourself.\n`);
      }
      // Until Ctrl-C: then the server closes after the render under way, and the command ends (exit 0).
      await stopped;
      return 'done';
    },
  }),
  command<{ out?: string; browser?: string; offline?: boolean; site?: string }>({
    name: 'screenshot',
    description: 'save PNGs of an issue\'s email at 375 and 800 px wide, light and dark, with Chromium',
    args: [issueArg()],
    flags: [
      { flags: '--out <dir>', description: 'the folder for the PNGs (default: dist/<issue>/screenshots)' },
      { flags: '--browser <path>', description: 'the Chromium or Chrome to use (default: $CHROME_PATH, then /usr/bin/chromium)' },
      { flags: '--offline', description: 'ask the network for nothing: remote images are left out of the pictures' },
      { flags: '--site <dir>', description: 'a checkout of the site, whose images the pictures show before the site is deployed (default: config siteRepo)' },
    ],
    examples: EXAMPLES.screenshot,
    fromSnapshot: false,
    async run(ctx, { args, flags, cwd, note }) {
      const [{ screenshot }, { printScreenshots }] = await Promise.all([import('./commands/screenshot.js'), import('./ui/print-screenshot.js')]);
      printScreenshots(ctx, await screenshot({ cwd, env: ctx.env, stderr: note }, { issue: args[0] as string | undefined, out: flags.out, browser: flags.browser, offline: flags.offline, site: flags.site }));
      return 'done';
    },
  }),
  command<{ issue?: string }>({
    name: 'import',
    description: 'split published posts into issues of fragments, so the archive can be linted and rebuilt',
    args: [['<posts...>', 'blog post files (.md with the CMS front matter)']],
    flags: [{ flags: '--issue <issue>', description: 'the issue to make (default: the month and year of the post\'s title)' }],
    examples: EXAMPLES.import,
    fromSnapshot: false,
    async run(ctx, { args, flags, cwd, debug }) {
      const [{ importPosts }, { printImported }] = await Promise.all([import('./commands/import.js'), import('./ui/print-import.js')]);
      const imported = await importPosts({ cwd }, { posts: args[0] as string[], issue: flags.issue });
      printImported(ctx, imported, debug);
      // A post that hit a bug (not a CliError) is the CLI's failure, not the content's.
      const failed = imported.filter((post) => post.error !== undefined);
      return failed.some((post) => !(post.error instanceof CliError)) ? 'failed' : failed.length > 0 ? 'problems' : 'done';
    },
  }),
];

const COMMAND_TABLE_START = '<!-- command table: made by npm run docs from src/command-table.ts -->';

/** The README with its list of commands made again from the table, between its marker and the next blank line. */
export function withCommandTable(readme: string): string {
  const start = readme.indexOf(COMMAND_TABLE_START);
  if (start === -1) throw new Error('the README has no command table marker');
  const end = readme.indexOf('\n\n', start);
  const rows = COMMANDS.map((spec) => `| \`newsletter ${spec.name}${spec.args.map(([syntax]) => ` ${syntax}`).join('')}\` | ${spec.description.replace(/</g, '&lt;').replace(/>/g, '&gt;')} |`);
  return `${readme.slice(0, start + COMMAND_TABLE_START.length)}\n| command | what it does |\n|---|---|\n${rows.join('\n')}${readme.slice(end)}`;
}

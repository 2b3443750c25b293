import { CliError, usageError } from './errors.js';
import { LINT_FORMATS, STATUS_FORMATS } from './commands/formats.js';
import { arg, defineCommand, flag, parseCount, parsePort, type CommandSpec } from './commands/spec.js';
import { SHELLS } from './ui/completion.js';

/*
 * Every command of the CLI, declared once: its words, arguments, flags and examples (from which
 * cli.ts makes commander's commands and --help, and docs.ts the README's list), whether it
 * starts from the startup snapshot (which the bin's sh and the snapshot's build are held to by
 * a test), and `run`: it loads the command's module and its printer on first use (a command
 * costs nothing to the others' start-up), runs it, prints what it returns, and says how it
 * went. cli.ts alone turns that outcome into an exit code.
 */

const issueArg = (what = 'the issue (default: the latest)') => arg('[issue]', what);

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

export const COMMANDS: readonly CommandSpec[] = [
  defineCommand({
    name: 'new',
    description: 'open a new issue: issue.md and one fragment per section',
    args: [arg('<issue>', 'the issue, as month-year (april-2025) or year-month (2025-04)')],
    flags: [
      flag('-y, --yes', 'ask nothing; take the flags and the defaults'),
      flag('--title <text>', 'the issue title'),
      flag('--author <name>', 'the author shown on the blog post'),
      flag('--date <YYYY-MM-DD>', 'the publish date'),
      flag('--description <text>', 'the SEO description, also the email preheader'),
      flag('--sections <ids>', 'comma-separated section ids'),
      flag('--site <dir>', 'a checkout of the site: its latest newsletter post gives the defaults (default: config siteRepo)'),
      flag('--verbose', 'say where each default came from (the site, the config, built in)'),
    ],
    examples: EXAMPLES.new,
    fromSnapshot: false,
    async run(ctx, { args, flags, cwd, note }) {
      const [{ newIssue }, { printNewResult }] = await Promise.all([import('./commands/new.js'), import('./ui/print-new.js')]);
      const { verbose, ...options } = flags;
      printNewResult(ctx, await newIssue({ ...ctx, cwd }, { issue: args[0], ...options }), { verbose });
      return 'done';
    },
  }),
  defineCommand({
    name: 'build',
    description: 'render the blog post, the MJML email and its plain text into dist/<issue>/',
    args: [issueArg('the issue to build (default: the latest)')],
    flags: [
      flag('--blog', 'write the blog post'),
      flag('--email', 'write the email (email.mjml and email.html)'),
      flag('--text', 'write the plain-text email'),
      flag('--out <dir>', 'write into this folder instead of dist/<issue>/'),
      flag('--minify', 'minify the email HTML (keeps it further from Gmail\'s 102 KB clip)'),
      flag('--json', 'print what was written as JSON, and nothing else on stdout'),
      flag('--strict', 'exit 1 when the issue has lint errors (the outputs are written all the same)'),
      flag('--eml', 'also write email.eml, the message a mail platform can take as is (needs email.from)'),
    ],
    examples: EXAMPLES.build,
    fromSnapshot: true,
    async run(ctx, { args, flags, cwd, note }) {
      const [{ build }, { printBuildResult }] = await Promise.all([import('./commands/build.js'), import('./ui/print-build.js')]);
      const result = await build({ cwd, env: ctx.env, stderr: note }, { issue: args[0], ...flags });
      printBuildResult(ctx, result, !!flags.json);
      return flags.strict && result.diagnostics.some((d) => d.severity === 'error') ? 'problems' : 'done';
    },
  }),
  defineCommand({
    name: 'lint',
    description: 'check issues for the defects that reach readers: placeholders, missing alt text, stale dates...',
    args: [arg('[issues...]', 'the issues to lint (default: the latest)')],
    flags: [
      flag('--all', 'lint every issue in sections/'),
      flag('--format <format>', 'how to print the results', { choices: LINT_FORMATS, default: 'stylish' }),
      flag('--max-warnings <n>', 'fail (exit 1) when there are more warnings than this', { parse: parseCount }),
      flag('--quiet', 'report errors only'),
      flag('--verbose', 'with a site checkout: also say which of its posts and authors were left out unread, and why'),
      flag('--no-cache', 'lint every issue again, even those unchanged since the last lint'),
      flag('--site <dir>', 'check the issue against this checkout of the site: its images, authors, categories, CMS fields and routes (default: config siteRepo)'),
      flag('--online', 'also check every link and image over HTTP (dead-link); the only time lint uses the network'),
      flag('--online-deadline <seconds>', 'with --online: the time all link checks may take together; what is left is reported as not checked (default 60)', { parse: parseCount }),
      flag('--allow-private', 'with --online: also request loopback and private addresses (link-local ones never); not for pull requests in CI'),
      flag('--since <git-ref>', 'lint the issues a change touched since this git ref (all of them when the config or a template changed)'),
      flag('--fix', 'apply the fixes rules are sure of (spacing, casing, repeated words, paste leftovers...), one write per file, then report what is left'),
      flag('--fix-dry-run', 'print what --fix would change, as a diff, and write nothing'),
    ],
    examples: EXAMPLES.lint,
    fromSnapshot: true,
    async run(ctx, { args, flags, cwd, note }) {
      const [{ lint }, { fixableErrors, lintSummary, printFixDryRun, printFixed, printJobSummaryProblem, printLintRun, tooManyWarnings }, { printUnreadSiteFiles }] = await Promise.all([import('./commands/lint.js'), import('./ui/print-lint.js'), import('./ui/output.js')]);
      // On a terminal, a progress line while links are checked, cleared when they are done.
      const progress = flags.online && ctx.interactive ? (done: number, total: number) => ctx.stderr.write(done < total ? `\rchecking links: ${done}/${total}` : '\r\x1b[2K') : undefined;
      if (flags.fix && flags.fixDryRun) throw usageError('give --fix or --fix-dry-run, not both.', 'newsletter lint --fix-dry-run shows what newsletter lint --fix would change.');
      const run = await lint({ cwd, env: ctx.env, now: ctx.now, waits: ctx.waits, stderr: note }, {
        issues: args[0], all: flags.all, quiet: flags.quiet, cache: flags.cache, since: flags.since, site: flags.site, online: flags.online,
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
      if (flags.format === 'github') {
        const { appendJobSummary } = await import('./commands/job-summary.js');
        const problem = await appendJobSummary(ctx.env, () => lintSummary(run));
        if (problem) printJobSummaryProblem(ctx, problem);
      }
      return run.errorCount > 0 || tooManyWarnings(run, flags.maxWarnings) ? 'problems' : 'done';
    },
  }),
  defineCommand({
    name: 'status',
    description: 'who still owes what, and whether the issue can ship: each section\'s owner, state and problems',
    args: [issueArg()],
    flags: [
      flag('--format <format>', 'how to print it', { choices: STATUS_FORMATS, default: 'text' }),
      flag('--check', 'exit 1 when the issue is not ready'),
    ],
    examples: EXAMPLES.status,
    fromSnapshot: false,
    async run(ctx, { args, flags, cwd, note }) {
      const [{ status }, { printStatus }] = await Promise.all([import('./commands/status.js'), import('./ui/print-status.js')]);
      const result = await status({ cwd, env: ctx.env, now: ctx.now, stderr: note }, { issue: args[0] });
      printStatus(ctx, result, flags.format);
      return flags.check && !result.ready ? 'problems' : 'done';
    },
  }),
  defineCommand({
    name: 'publish',
    description: 'put a ready issue into a checkout of the site: the blog post and the issue\'s own images',
    args: [issueArg()],
    flags: [
      flag('--site <dir>', 'the checkout of the site\'s repository (default: config siteRepo)'),
      flag('--dry-run', 'write nothing; print what would be written'),
      flag('--force', 'publish an issue that is not ready, or replace a published post that differs'),
      flag('--json', 'print {"issue", "site", "written", "unchanged"} and nothing else on stdout'),
    ],
    examples: EXAMPLES.publish,
    fromSnapshot: false,
    async run(ctx, { args, flags, cwd, note }) {
      const [{ publish }, { printPublishResult }] = await Promise.all([import('./commands/publish.js'), import('./ui/print-publish.js')]);
      const result = await publish({ cwd, now: ctx.now, stderr: note }, { issue: args[0], site: flags.site, dryRun: flags.dryRun, force: flags.force });
      printPublishResult(ctx, result, !!flags.json);
      return result.refused ? 'problems' : 'done';
    },
  }),
  defineCommand({
    name: 'send',
    description: 'send one test message of a ready issue to your own inbox, through SMTP',
    args: [issueArg()],
    flags: [
      flag('--to <address>', 'a recipient (repeat for more; at most 10)', { parse: (value: string, list: string[]) => [...list, value], default: [] }),
      flag('--dry-run', 'send nothing; write the message as dist/<issue>/test.eml (never over the email.eml of build --eml)'),
      flag('--force', 'send an issue that is not ready'),
      flag('--no-test-prefix', 'leave "[TEST] " out of the subject'),
      flag('--no-inline-images', 'load the images from their addresses on the site, as readers will (default: the issue\'s own and those of the site checkout carried in the message, since the site shows them only once deployed)'),
      flag('--site <dir>', 'a checkout of the site, whose images the email shows are carried in the message (default: config siteRepo)'),
    ],
    examples: EXAMPLES.send,
    fromSnapshot: false,
    async run(ctx, { args, flags, cwd, note }) {
      const [{ send }, { printSendResult }] = await Promise.all([import('./commands/send.js'), import('./ui/print-send.js')]);
      const result = await send({ cwd, env: ctx.env, now: ctx.now, waits: ctx.waits, stderr: note }, { issue: args[0], to: flags.to, dryRun: flags.dryRun, force: flags.force, testPrefix: flags.testPrefix, inlineImages: flags.inlineImages, site: flags.site });
      printSendResult(ctx, result);
      return result.refused || (result.delivery?.refused.length ?? 0) > 0 ? 'problems' : 'done';
    },
  }),
  defineCommand({
    name: 'events',
    description: 'an issue\'s events as data: their days, deadlines and invites; --to-data turns the events section\'s prose into events: where it can with certainty',
    args: [issueArg()],
    flags: [
      flag('--to-data', 'turn the events section\'s prose into events: data, event by event, where every line is read with certainty; the rest stays prose and is listed'),
      flag('--dry-run', 'with --to-data: write nothing; print what would change'),
    ],
    examples: EXAMPLES.events,
    fromSnapshot: false,
    async run(ctx, { args, flags, cwd, note }) {
      const [{ events }, { printEventsResult }] = await Promise.all([import('./commands/events.js'), import('./ui/print-events.js')]);
      printEventsResult(ctx, await events({ cwd, stderr: note }, { issue: args[0], toData: flags.toData, dryRun: flags.dryRun }));
      return 'done';
    },
  }),
  defineCommand({
    name: 'section',
    description: 'add a section to an issue (section add <id>): its fragment with its owner, and its place in the reading order issue.md holds',
    args: [arg('<action>', 'add', ['add']), arg('<id>', 'the section id, which names its file (summit-spotlight)'), issueArg('the issue (default: the one of the current folder, else the latest)')],
    flags: [
      flag('--heading <text>', 'its heading (default: config\'s for a configured section, else made from the id)'),
      flag('--owner <name>', 'who writes it (a GitHub handle such as "@jdoe", or a name)'),
      flag('--tagline <text>', 'a section of the issue\'s own: its tagline, shown after its heading where the issue\'s headings carry taglines'),
      flag('--required', 'a section of the issue\'s own: lint reports it while it holds nothing (required: true)'),
      flag('--after <id>', 'put it after this section'),
      flag('--before <id>', 'put it before this section (default: before the events, else last)'),
    ],
    examples: EXAMPLES.section,
    fromSnapshot: false,
    async run(ctx, { args, flags, cwd, note }) {
      if (args[0] !== 'add') throw usageError(`newsletter section ${String(args[0])}: the only action is add.`, 'newsletter section add <id> [issue]');
      if (flags.after !== undefined && flags.before !== undefined) throw usageError('give --after or --before, not both.');
      const [{ addSection }, { printSectionAdded }] = await Promise.all([import('./commands/section.js'), import('./ui/print-section.js')]);
      printSectionAdded(ctx, await addSection({ cwd, stderr: note }, { id: args[1], issue: args[2], ...flags }));
      return 'done';
    },
  }),
  defineCommand({
    name: 'completion',
    description: 'print the shell completion script for bash, zsh or fish: commands, options and issue names',
    args: [arg('[shell]', 'bash, zsh or fish', SHELLS)],
    flags: [flag('--issues', 'print the workspace\'s issue names, one per line (what the scripts ask as you type)')],
    examples: EXAMPLES.completion,
    fromSnapshot: false,
    async run(ctx, { args, flags, cwd, note }) {
      const [{ issueNames }, { printCompletionScript, printIssueNames }] = await Promise.all([import('./commands/completion.js'), import('./ui/print-completion.js')]);
      if (flags.issues) {
        printIssueNames(ctx, await issueNames(cwd));
        return 'done';
      }
      const shell = SHELLS.find((name) => name === args[0]);
      if (!shell) throw usageError(`completion needs a shell: ${SHELLS.join(', ')}.`, 'Such as: eval "$(newsletter completion bash)"');
      printCompletionScript(ctx, shell, COMMANDS);
      return 'done';
    },
  }),
  defineCommand({
    name: 'preview',
    description: 'serve a live preview of an issue on this machine (email on phone and desktop, light and dark, text, blog post, problems), updated on every save',
    args: [issueArg('the issue shown first (default: the latest)')],
    flags: [
      flag('--port <n>', 'the port (0: any free one)', { parse: parsePort, default: 4400 }),
      flag('--host <address>', 'the address to listen on; anything but loopback lets others on the network read the issue', { default: '127.0.0.1' }),
      flag('--open', 'open the page in the default browser'),
      flag('--site <dir>', 'a checkout of the site: the page shows the site images it holds, and lint\'s site checks run (default: config siteRepo)'),
    ],
    examples: EXAMPLES.preview,
    fromSnapshot: false,
    async run(ctx, { args, flags, cwd, note }) {
      const [{ startPreview }, { printNoBrowser, printPreviewStarted }] = await Promise.all([import('./commands/preview.js'), import('./ui/print-preview.js')]);
      const server = await startPreview({ cwd, now: ctx.now }, { issue: args[0], port: flags.port, host: flags.host, site: flags.site });
      // Listening for Ctrl-C before the address is printed: whoever reads the line may stop it at once.
      const stopped = new Promise<void>((resolveStop) => {
        const stop = ctx.onInterrupt(() => {
          stop();
          void server.close().then(resolveStop);
        });
      });
      printPreviewStarted(ctx, server, flags.host);
      if (flags.open) {
        const { openPreview } = await import('./commands/open-preview.js');
        const problem = await openPreview(server);
        if (problem) printNoBrowser(ctx, problem, server.url);
      }
      // Until Ctrl-C: then the server closes after the render under way, and the command ends (exit 0).
      await stopped;
      return 'done';
    },
  }),
  defineCommand({
    name: 'screenshot',
    description: 'save PNGs of an issue\'s email at 375 and 800 px wide, light and dark, with Chromium',
    args: [issueArg()],
    flags: [
      flag('--out <dir>', 'the folder for the PNGs (default: dist/<issue>/screenshots)'),
      flag('--browser <path>', 'the Chromium or Chrome to use (default: $CHROME_PATH, then /usr/bin/chromium)'),
      flag('--offline', 'ask the network for nothing: remote images are left out of the pictures'),
      flag('--site <dir>', 'a checkout of the site, whose images the pictures show before the site is deployed (default: config siteRepo)'),
    ],
    examples: EXAMPLES.screenshot,
    fromSnapshot: false,
    async run(ctx, { args, flags, cwd, note }) {
      const [{ screenshot }, { printScreenshots }] = await Promise.all([import('./commands/screenshot.js'), import('./ui/print-screenshot.js')]);
      printScreenshots(ctx, await screenshot({ cwd, env: ctx.env, stderr: note }, { issue: args[0], out: flags.out, browser: flags.browser, offline: flags.offline, site: flags.site }));
      return 'done';
    },
  }),
  defineCommand({
    name: 'import',
    description: 'split published posts into issues of fragments, so the archive can be linted and rebuilt',
    args: [arg('<posts...>', 'blog post files (.md with the CMS front matter)')],
    flags: [flag('--issue <issue>', 'the issue to make (default: the month and year of the post\'s title)')],
    examples: EXAMPLES.import,
    fromSnapshot: false,
    async run(ctx, { args, flags, cwd, debug }) {
      const [{ importPosts }, { printImported }] = await Promise.all([import('./commands/import.js'), import('./ui/print-import.js')]);
      const imported = await importPosts({ cwd }, { posts: args[0], issue: flags.issue });
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
  const rows = COMMANDS.map((spec) => `| \`newsletter ${spec.name}${spec.args.map(({ syntax }) => ` ${syntax}`).join('')}\` | ${spec.description.replace(/</g, '&lt;').replace(/>/g, '&gt;')} |`);
  return `${readme.slice(0, start + COMMAND_TABLE_START.length)}\n| command | what it does |\n|---|---|\n${rows.join('\n')}${readme.slice(end)}`;
}

import { readFile } from 'node:fs/promises';
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import type { Context } from './context.js';
import { packagePath } from './paths.js';
import { CliError } from './errors.js';
import { EXIT_CONTENT, EXIT_OK, EXIT_USAGE, exitCodeOf } from './exit-codes.js';
import { printError } from './ui/output.js';

const EXAMPLES = {
  new: `
Examples:
  $ newsletter new april-2025
  $ newsletter new 2025-05 --yes --author "Allison Price" --date 2025-05-20
  $ newsletter new june-2025 --yes --sections spotlight,foundation,openstack,events`,
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
  $ newsletter send --dry-run                                   # dist/<issue>/email.eml, nothing sent

SMTP: NEWSLETTER_SMTP_URL=smtp://user:password@host:587 (smtps:// for TLS from the start),
or email.smtp in the config with NEWSLETTER_SMTP_PASSWORD.`,
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

/**
 * Runs the CLI and returns the exit code; never calls process.exit, so tests can call it and
 * the bin decides how to end.
 */
export async function main(argv: string[], ctx: Context): Promise<number> {
  let exitCode = EXIT_OK;
  const debug = argv.includes('--debug');
  const program = new Command('newsletter')
    .description('Compose the Inside Open Infrastructure newsletter from Markdown fragments.')
    .version(await readVersion(), '-V, --version')
    .option('--cwd <dir>', 'run in this workspace folder instead of the current one')
    .option('--debug', 'show the stack of an unexpected error')
    .showSuggestionAfterError(true)
    .showHelpAfterError('(add --help for usage)')
    .exitOverride()
    .configureOutput({
      writeOut: (text) => ctx.stdout.write(text),
      writeErr: (text) => ctx.stderr.write(text),
    });
  const workspaceOf = (command: Command): Pick<Context, 'cwd'> => ({ cwd: command.optsWithGlobals().cwd ?? ctx.cwd });

  program
    .command('new')
    .description('open a new issue: issue.md and one fragment per section')
    .argument('<issue>', 'the issue, as month-year (april-2025) or year-month (2025-04)')
    .option('-y, --yes', 'ask nothing; take the flags and the defaults')
    .option('--title <text>', 'the issue title')
    .option('--author <name>', 'the author shown on the blog post')
    .option('--date <YYYY-MM-DD>', 'the publish date')
    .option('--description <text>', 'the SEO description, also the email preheader')
    .option('--sections <ids>', 'comma-separated section ids')
    .addHelpText('after', EXAMPLES.new)
    .action(async (issue: string, options, command: Command) => {
      const [{ newIssue }, { printNewResult }] = await Promise.all([import('./commands/new.js'), import('./ui/print-new.js')]);
      const result = await newIssue({ ...ctx, ...workspaceOf(command) }, { issue, ...options });
      printNewResult(ctx, result);
    });

  program
    .command('build')
    .description('render the blog post, the MJML email and its plain text into dist/<issue>/')
    .argument('[issue]', 'the issue to build (default: the latest)')
    .option('--blog', 'write the blog post')
    .option('--email', 'write the email (email.mjml and email.html)')
    .option('--text', 'write the plain-text email')
    .option('--out <dir>', 'write into this folder instead of dist/<issue>/')
    .option('--minify', 'minify the email HTML (keeps it further from Gmail\'s 102 KB clip)')
    .option('--json', 'print what was written as JSON, and nothing else on stdout')
    .option('--strict', 'exit 1 when the issue has lint errors (the outputs are written all the same)')
    .option('--eml', 'also write email.eml, the message a mail platform can take as is (needs email.from)')
    .addHelpText('after', EXAMPLES.build)
    .action(async (issue: string | undefined, options, command: Command) => {
      const [{ build }, { printBuildResult }] = await Promise.all([import('./commands/build.js'), import('./ui/print-build.js')]);
      const result = await build({ ...workspaceOf(command), env: ctx.env }, { issue, ...options });
      printBuildResult(ctx, result, !!options.json);
      if (options.strict && result.diagnostics.some((d) => d.severity === 'error')) exitCode = EXIT_CONTENT;
    });

  program
    .command('lint')
    .description('check issues for the defects that reach readers: placeholders, missing alt text, stale dates...')
    .argument('[issues...]', 'the issues to lint (default: the latest)')
    .option('--all', 'lint every issue in sections/')
    .addOption(new Option('--format <format>', 'how to print the results').choices(['stylish', 'json', 'github']).default('stylish'))
    .option('--max-warnings <n>', 'fail (exit 1) when there are more warnings than this', parseCount)
    .option('--quiet', 'report errors only')
    .option('--no-cache', 'lint every issue again, even those unchanged since the last lint')
    .option('--site <dir>', 'check site images (/img/...) against this checkout of the site (default: config siteRepo)')
    .option('--online', 'also check every link and image over HTTP (dead-link); the only time lint uses the network')
    .option('--online-deadline <seconds>', 'with --online: the time all link checks may take together; what is left is reported as not checked (default 60)', parseCount)
    .option('--allow-private', 'with --online: also request loopback and private addresses (link-local ones never); not for pull requests in CI')
    .option('--since <git-ref>', 'lint the issues a change touched since this git ref (all of them when the config or a template changed)')
    .addHelpText('after', EXAMPLES.lint)
    .action(async (issues: string[], options, command: Command) => {
      const [{ lint }, { lintSummary, printLintRun, tooManyWarnings }] = await Promise.all([import('./commands/lint.js'), import('./ui/print-lint.js')]);
      // On a terminal, a progress line while links are checked, cleared when they are done.
      const progress = options.online && ctx.interactive ? (done: number, total: number) => ctx.stderr.write(done < total ? `\rchecking links: ${done}/${total}` : '\r\x1b[2K') : undefined;
      const run = await lint({ ...workspaceOf(command), env: ctx.env, now: ctx.now, waits: ctx.waits }, { issues, all: options.all, quiet: options.quiet, cache: options.cache, since: options.since, site: options.site, online: options.online, onlineDeadlineMs: options.onlineDeadline === undefined ? undefined : options.onlineDeadline * 1000, allowPrivate: options.allowPrivate, progress });
      printLintRun(ctx, run, options.format, options.maxWarnings);
      const summaryFile = ctx.env.GITHUB_STEP_SUMMARY;
      if (options.format === 'github' && summaryFile) {
        const { appendText } = await import('./io/files.js');
        const problem = await appendText(summaryFile, lintSummary(run));
        if (problem) ctx.stderr.write(`warning: the job summary could not be written to $GITHUB_STEP_SUMMARY (${problem}).\n`);
      }
      exitCode = run.errorCount > 0 || tooManyWarnings(run, options.maxWarnings) ? EXIT_CONTENT : EXIT_OK;
    });

  program
    .command('status')
    .description('who still owes what, and whether the issue can ship: each section\'s owner, state and problems')
    .argument('[issue]', 'the issue (default: the latest)')
    .addOption(new Option('--format <format>', 'how to print it').choices(['text', 'markdown', 'json']).default('text'))
    .option('--check', 'exit 1 when the issue is not ready')
    .addHelpText('after', EXAMPLES.status)
    .action(async (issue: string | undefined, options, command: Command) => {
      const [{ status }, { printStatus }] = await Promise.all([import('./commands/status.js'), import('./ui/print-status.js')]);
      const result = await status({ ...workspaceOf(command), env: ctx.env, now: ctx.now }, { issue });
      printStatus(ctx, result, options.format);
      if (options.check && !result.ready) exitCode = EXIT_CONTENT;
    });

  program
    .command('publish')
    .description('put a ready issue into a checkout of the site: the blog post and the issue\'s own images')
    .argument('[issue]', 'the issue (default: the latest)')
    .option('--site <dir>', 'the checkout of the site\'s repository (default: config siteRepo)')
    .option('--dry-run', 'write nothing; print what would be written')
    .option('--force', 'publish an issue that is not ready, or replace a published post that differs')
    .option('--json', 'print {"issue", "site", "written", "unchanged"} and nothing else on stdout')
    .addHelpText('after', EXAMPLES.publish)
    .action(async (issue: string | undefined, options, command: Command) => {
      const [{ publish }, { printPublishResult }] = await Promise.all([import('./commands/publish.js'), import('./ui/print-publish.js')]);
      const result = await publish({ ...workspaceOf(command), now: ctx.now }, { issue, site: options.site, dryRun: options.dryRun, force: options.force });
      printPublishResult(ctx, result, !!options.json);
      if (result.refused) exitCode = EXIT_CONTENT;
    });

  program
    .command('send')
    .description('send one test message of a ready issue to your own inbox, through SMTP')
    .argument('[issue]', 'the issue (default: the latest)')
    .option('--to <address>', 'a recipient (repeat for more; at most 10)', (value: string, list: string[]) => [...list, value], [] as string[])
    .option('--dry-run', 'send nothing; write the message as dist/<issue>/email.eml')
    .option('--force', 'send an issue that is not ready')
    .option('--no-test-prefix', 'leave "[TEST] " out of the subject')
    .addHelpText('after', EXAMPLES.send)
    .action(async (issue: string | undefined, options, command: Command) => {
      const [{ send }, { printSendResult }] = await Promise.all([import('./commands/send.js'), import('./ui/print-send.js')]);
      const result = await send({ ...workspaceOf(command), env: ctx.env, now: ctx.now, waits: ctx.waits }, { issue, to: options.to, dryRun: options.dryRun, force: options.force, testPrefix: options.testPrefix });
      printSendResult(ctx, result);
      if (result.refused || (result.delivery?.refused.length ?? 0) > 0) exitCode = EXIT_CONTENT;
    });

  program
    .command('preview')
    .description('serve a live preview of an issue on this machine (email on phone and desktop, light and dark, text, blog post, problems), updated on every save')
    .argument('[issue]', 'the issue shown first (default: the latest)')
    .option('--port <n>', 'the port (0: any free one)', parsePort, 4400)
    .option('--host <address>', 'the address to listen on; anything but loopback lets others on the network read the issue', '127.0.0.1')
    .option('--open', 'open the page in the default browser')
    .addHelpText('after', EXAMPLES.preview)
    .action(async (issue: string | undefined, options, command: Command) => {
      const [{ startPreview }, { openInBrowser }] = await Promise.all([import('./commands/preview.js'), import('./io/open-browser.js')]);
      const server = await startPreview({ ...workspaceOf(command), now: ctx.now }, { issue, port: options.port, host: options.host });
      // Listening for Ctrl-C before the address is printed: whoever reads the line may stop it at once.
      const stopped = new Promise<void>((resolveStop) => {
        const stop = ctx.onInterrupt(() => {
          stop();
          void server.close().then(resolveStop);
        });
      });
      if (server.exposed) ctx.stderr.write(`warning: serving on ${options.host}: anyone who can reach this machine there can read the issue and its drafts.\n`);
      ctx.stdout.write(`Preview at ${server.url}\n`);
      if (options.open) {
        const problem = await openInBrowser(`${server.url}${server.issue}/`);
        if (problem) ctx.stderr.write(`warning: no browser could be opened (${problem}); open ${server.url} yourself.\n`);
      }
      // Until Ctrl-C: then the server closes after the render under way, and the command ends (exit 0).
      await stopped;
    });

  program
    .command('screenshot')
    .description('save PNGs of an issue\'s email at 375 and 800 px wide, light and dark, with Chromium')
    .argument('[issue]', 'the issue (default: the latest)')
    .option('--out <dir>', 'the folder for the PNGs (default: dist/<issue>/screenshots)')
    .option('--browser <path>', 'the Chromium or Chrome to use (default: $CHROME_PATH, then /usr/bin/chromium)')
    .option('--offline', 'ask the network for nothing: remote images are left out of the pictures')
    .addHelpText('after', EXAMPLES.screenshot)
    .action(async (issue: string | undefined, options, command: Command) => {
      const [{ screenshot }, { printScreenshots }] = await Promise.all([import('./commands/screenshot.js'), import('./ui/print-screenshot.js')]);
      const result = await screenshot({ ...workspaceOf(command), env: ctx.env }, { issue, out: options.out, browser: options.browser, offline: options.offline });
      printScreenshots(ctx, result);
    });

  program
    .command('import')
    .description('split published posts into issues of fragments, so the archive can be linted and rebuilt')
    .argument('<posts...>', 'blog post files (.md with the CMS front matter)')
    .option('--issue <issue>', 'the issue to make (default: the month and year of the post\'s title)')
    .addHelpText('after', EXAMPLES.import)
    .action(async (posts: string[], options, command: Command) => {
      const [{ importPosts }, { printImported }] = await Promise.all([import('./commands/import.js'), import('./ui/print-import.js')]);
      const imported = await importPosts(workspaceOf(command), { posts, issue: options.issue });
      printImported(ctx, imported, debug);
      // A post that hit a bug (not a CliError) is the CLI's failure, not the content's.
      const failed = imported.filter((post) => post.error !== undefined);
      exitCode = failed.some((post) => !(post.error instanceof CliError)) ? EXIT_USAGE : failed.length > 0 ? EXIT_CONTENT : EXIT_OK;
    });

  try {
    if (argv.length === 0) {
      program.outputHelp();
      return EXIT_USAGE;
    }
    await program.parseAsync(argv, { from: 'user' });
  } catch (error) {
    exitCode = handleError(ctx, error, debug);
  }
  return exitCode;
}

function parsePort(value: string): number {
  if (!/^\d+$/.test(value) || Number(value) > 65535) throw new InvalidArgumentError('expected a port from 0 to 65535 (0: any free one).');
  return Number(value);
}

function parseCount(value: string): number {
  if (!/^\d+$/.test(value)) throw new InvalidArgumentError('expected a whole number, such as 0.');
  return Number(value);
}

function handleError(ctx: Context, error: unknown, debug: boolean): number {
  if (error instanceof CommanderError) {
    // Commander has printed its message already; help and version are not failures.
    if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.code === 'commander.help') return EXIT_OK;
    return EXIT_USAGE;
  }
  printError(ctx, error, debug);
  return error instanceof CliError ? exitCodeOf(error.kind) : EXIT_USAGE;
}

async function readVersion(): Promise<string> {
  const pkg = JSON.parse(await readFile(packagePath('package.json'), 'utf8')) as { version: string };
  return pkg.version;
}


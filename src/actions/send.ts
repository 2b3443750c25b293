import { join } from 'node:path';
import type { Context } from '../context.js';
import { usageError } from '../errors.js';
import { addressOf, inlineImages, isAddress, MAX_TEST_RECIPIENTS, testMessage } from '../core/email/email-message.js';
import { localImagesInEmail } from '../core/email/render-email.js';
import { readLocalImage } from '../io/images.js';
import { assertBuildable } from '../core/issue/issue.js';
import { issueStatus } from '../core/issue/readiness.js';
import { writeFilesAtomically } from '../io/files.js';
import { composeMessage, sendMessage, smtpTargetOf, type Delivery } from '../io/mail.js';
import { relativeTo } from '../io/workspace.js';
import { openCheckedWorkspace, openIssuePipeline, openNamedIssue, readIssueInputs } from '../pipeline.js';
import { checkoutImagesIn, siteCheckoutOf } from '../io/site.js';

export interface SendOptions {
  issue?: string;
  to: string[];
  dryRun?: boolean;
  force?: boolean;
  /** false: the subject as readers will see it, without `[TEST] `. */
  testPrefix?: boolean;
  /** false: the images at their addresses on the site, as the mail platform will send them (default: the issue's own and the checkout's carried inline). */
  inlineImages?: boolean;
  /** A checkout of the site, whose images the email shows are carried inline (default: config siteRepo). */
  site?: string;
}

export interface SendResult {
  issue: string;
  to: string[];
  dryRun: boolean;
  /** With --dry-run: the .eml written, relative to the workspace. */
  eml?: string;
  /** Where it went: host:port, never a login. */
  server?: string;
  delivery?: Delivery;
  /** With --force: what would have stopped it. */
  overridden: string[];
  refused?: { reason: 'not-ready'; blockers: string[] };
}

/**
 * One test message of an issue, through SMTP to at most ten people (the editor's own inboxes):
 * the HTML and text exactly as build writes them. Only a ready issue is sent, unless forced.
 * With --dry-run nothing is sent and the message is written as dist/<issue>/test.eml (never over the email.eml build --eml writes).
 */
export async function send(ctx: Pick<Context, 'cwd' | 'env' | 'now' | 'waits'> & Partial<Pick<Context, 'stderr'>>, options: SendOptions): Promise<SendResult> {
  const workspace = await openCheckedWorkspace(ctx.cwd);
  const { root, config } = workspace;
  const configFile = workspace.configFile ?? 'newsletter.config.yaml';
  for (const address of options.to) {
    if (!isAddress(address)) throw usageError(`--to ${address} is not an email address; give one address per --to.`);
  }
  if (options.to.length > MAX_TEST_RECIPIENTS) {
    throw usageError(
      `${options.to.length} recipients; a test goes to at most ${MAX_TEST_RECIPIENTS}.`,
      'Send the issue to its readers from the mail platform: it handles lists, unsubscribes and bounces.',
    );
  }
  if (options.to.length === 0 && !options.dryRun)
    throw usageError('send needs --to ADDRESS: who should receive the test.', 'newsletter send --to you@example.org (up to 10 --to).');
  const from = config.email.from;
  if (!from)
    throw usageError(
      `email.from is not set; the test needs a sender.`,
      `Add to ${configFile}: email: { from: "OpenInfra Foundation <newsletter@openinfra.dev>" }`,
    );
  const target = options.dryRun ? undefined : smtpTargetOf(ctx.env, config.email.smtp);
  if (!options.dryRun && !target) {
    throw usageError(
      'no SMTP server to send through.',
      `Set NEWSLETTER_SMTP_URL=smtp://user:password@host:587 in the environment, or email.smtp (host, port, secure, user) in ${configFile} with NEWSLETTER_SMTP_PASSWORD.`,
    );
  }

  const { known, id } = await openNamedIssue(ctx.cwd, options.issue, workspace, ctx.stderr);
  const site = await siteCheckoutOf(workspace, ctx.cwd, options.site);
  const pipeline = openIssuePipeline(await readIssueInputs(workspace, id, { known, site }));
  assertBuildable(pipeline.issue);
  const status = issueStatus(pipeline.issue, await pipeline.diagnostics(), config, ctx.now());
  const to = options.to.length > 0 ? options.to : [addressOf(from)];
  const result: SendResult = { issue: id.slug, to, dryRun: !!options.dryRun, overridden: [] };
  if (!status.ready) {
    if (!options.force) return { ...result, refused: { reason: 'not-ready', blockers: status.blockers } };
    result.overridden = status.blockers;
  }

  const { html: built } = await pipeline.email();
  // The issue's own images, and site images the checkout holds, are on the site only once its
  // pull request is deployed: a test carries them.
  const inline =
    options.inlineImages === false
      ? []
      : [
          ...localImagesInEmail(pipeline.issue, config).map(({ address, image }) => ({ address, name: image.name, content: readLocalImage(root, image.file) })),
          ...(await checkoutImagesIn(site, built, config)),
        ];
  const { html, attachments } = inlineImages(built, inline);
  const message = testMessage(
    pipeline.issue,
    config,
    { html, text: pipeline.text(), attachments },
    { from, to, testPrefix: options.testPrefix !== false, date: ctx.now() },
  );
  const raw = await composeMessage(message);
  if (options.dryRun) {
    // Never over the platform's copy (build --eml writes email.eml): a test message is marked and addressed as a test.
    const path = join(root, 'dist', id.slug, 'test.eml');
    await writeFilesAtomically([{ path, content: raw }]);
    return { ...result, eml: relativeTo(root, path) };
  }
  result.server = `${target!.host}:${target!.port}`;
  result.delivery = await sendMessage(target!, raw, { from: addressOf(from), to }, ctx.waits?.smtpStepMs);
  return result;
}

import type { PublishBranch } from '../actions/publish-branch.js';
import type { PublishResult } from '../actions/publish.js';
import type { Context } from '../context.js';
import { plural, printable, printableJson } from '../core/text.js';
import { paint, printNotReady, printOverridden } from './output.js';
import type { Printer } from '../commands/spec.js';
import type command from '../commands/publish.js';

/** Prints what publish did, would do (--dry-run) or refused; --json prints the manifest alone on stdout. */
export function printPublishResult(ctx: Pick<Context, 'stdout' | 'stderr' | 'color'>, result: PublishResult, json: boolean): void {
  const c = paint(ctx);
  const { refused } = result;
  if (refused?.reason === 'not-ready') {
    printNotReady(ctx, result.issue, refused.blockers, 'publish');
    return;
  }
  if (refused?.reason === 'changed') {
    ctx.stderr.write(
      `${c.red('error')} ${printable(refused.file)} is already published and differs from this build (${printable(refused.difference)}); nothing was written.\n`,
    );
    ctx.stderr.write(`  ${c.dim("Check the site's copy first (it may hold an editor's fix); --force replaces it.")}\n`);
    return;
  }
  printOverridden(ctx, result.issue, result.overridden, 'publishing');
  for (const { file, difference } of result.replaced) {
    ctx.stderr.write(
      `${c.yellow('warning')} ${result.dryRun ? 'would replace' : 'replaced'} ${printable(file)}, which differed from this build (${printable(difference)}) (--force).\n`,
    );
  }
  if (json) {
    const manifest = { issue: result.issue, site: result.site, written: result.written, unchanged: result.unchanged, removed: result.removed };
    ctx.stdout.write(`${printableJson(result.branch ? { ...manifest, branch: branchJson(result.branch) } : manifest, 2)}\n`);
    if (result.branch?.pushError) printPushError(ctx, result.site, result.branch);
    return;
  }
  if (result.branch) {
    printBranch(ctx, result, result.branch);
    return;
  }
  if (result.written.length === 0 && result.removed.length === 0) {
    ctx.stdout.write(`${c.green('✔')} ${result.issue} is already published in ${printable(result.site)}; nothing to do.\n`);
    return;
  }
  ctx.stdout.write(`${result.dryRun ? 'Would publish' : c.green('Published')} ${result.issue} into ${printable(result.site)}:\n`);
  const wrote = result.dryRun ? 'would write' : 'wrote';
  for (const file of result.written) ctx.stdout.write(`  ${wrote.padEnd(11)}  ${printable(file)}\n`);
  for (const file of result.unchanged) ctx.stdout.write(`  ${'unchanged'.padEnd(11)}  ${printable(file)}\n`);
  for (const file of result.removed) ctx.stdout.write(`  ${(result.dryRun ? 'would remove' : 'removed').padEnd(11)}  ${printable(file)}\n`);
  if (result.dryRun) ctx.stdout.write('Nothing was written (--dry-run).\n');
  else ctx.stdout.write(`\nNext: review and commit in the site's repository: git -C ${printable(shellQuote(result.site))} status\n`);
}

/** publish --branch: the branch, what its commit holds, where the checkout stays, and the push. */
function printBranch(ctx: Pick<Context, 'stdout' | 'stderr' | 'color'>, result: PublishResult, branch: PublishBranch): void {
  const c = paint(ctx);
  const site = printable(result.site);
  const name = printable(branch.name);
  const short = branch.commit?.slice(0, 7);
  if (result.written.length === 0 && result.removed.length === 0) {
    ctx.stdout.write(
      branch.commit
        ? `${c.green('✔')} ${result.issue} is already on the branch ${name} of ${site} (${short}); nothing to commit.\n`
        : `${c.green('✔')} ${result.issue} is already published in ${site} (on ${printable(branch.base)}); no branch needed.\n`,
    );
  } else {
    const where = branch.previous
      ? `the branch ${name} of ${site}, on its ${branch.previous.slice(0, 7)}`
      : `${branch.created ? 'a new branch' : 'the branch'} ${name} of ${site}, from ${printable(branch.base)}`;
    ctx.stdout.write(`${result.dryRun ? 'Would commit' : c.green('Committed')} ${result.issue} to ${where}:\n`);
    const wrote = result.dryRun ? 'would write' : 'wrote';
    for (const file of result.written) ctx.stdout.write(`  ${wrote.padEnd(11)}  ${printable(file)}\n`);
    for (const file of result.unchanged) ctx.stdout.write(`  ${'unchanged'.padEnd(11)}  ${printable(file)}\n`);
    for (const file of result.removed) ctx.stdout.write(`  ${(result.dryRun ? 'would remove' : 'removed').padEnd(11)}  ${printable(file)}\n`);
    if (result.dryRun) {
      ctx.stdout.write('Nothing was written (--dry-run).\n');
      return;
    }
    ctx.stdout.write(`  ${'commit'.padEnd(11)}  ${short}\n`);
    ctx.stdout.write(`The checkout is still on ${printable(branch.base)}, its files as they were.\n`);
  }
  if (branch.unpushed) {
    const { count, upstream } = branch.unpushed;
    ctx.stderr.write(
      `${c.yellow('warning')} ${printable(branch.base)} has ${plural(count, 'commit')} that ${printable(upstream)} has not; ${count === 1 ? 'it is' : 'they are'} on ${name} too, and in its pull request (git -C ${printable(shellQuote(result.site))} log ${printable(shellQuote(upstream))}..${printable(shellQuote(branch.base))}).\n`,
    );
  }
  if (!branch.commit) return;
  if (branch.pushed) {
    ctx.stdout.write(`Pushed ${name} to ${printable(branch.remote ?? '')}.\n`);
    ctx.stdout.write(
      branch.url
        ? `Open its pull request: ${printable(branch.url)}\n`
        : `Open its pull request into ${printable(branch.base)} where ${printable(branch.remote ?? '')} is hosted.\n`,
    );
  } else if (branch.pushError) printPushError(ctx, result.site, branch);
  else ctx.stdout.write(`\nNext: push it for the site's pull request: ${pushCommand(result.site, branch)} (or publish again with --push)\n`);
}

function printPushError(ctx: Pick<Context, 'stderr' | 'color'>, site: string, branch: PublishBranch): void {
  const c = paint(ctx);
  ctx.stderr.write(`${c.red('error')} could not push ${printable(branch.name)} to ${printable(branch.remote ?? '')}: ${printable(branch.pushError ?? '')}\n`);
  ctx.stderr.write(`  ${c.dim(`The branch is committed and stays; once the cause is fixed: ${pushCommand(site, branch)}`)}\n`);
}

function pushCommand(site: string, branch: PublishBranch): string {
  return printable(`git -C ${shellQuote(site)} push -u ${shellQuote(branch.remote ?? 'origin')} ${shellQuote(branch.name)}`);
}

/** The branch in --json: every key there, null when it has no value. */
function branchJson(branch: PublishBranch): Record<string, unknown> {
  return {
    name: branch.name,
    base: branch.base,
    created: branch.created,
    committed: branch.committed,
    commit: branch.commit ?? null,
    previous: branch.previous ?? null,
    remote: branch.remote ?? null,
    pushed: branch.pushed,
    url: branch.url ?? null,
    pushError: branch.pushError ?? null,
    unpushed: branch.unpushed ?? null,
  };
}

function shellQuote(path: string): string {
  return /^[\w@%+=:,./-]+$/.test(path) ? path : `'${path.replace(/'/g, `'\\''`)}'`;
}

export const print: Printer<typeof command> = (ctx, result, { flags }) => printPublishResult(ctx, result, !!flags.json);

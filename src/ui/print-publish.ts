import type { PublishResult } from '../actions/publish.js';
import type { Context } from '../context.js';
import { printable, printableJson } from '../core/text.js';
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
    ctx.stdout.write(
      `${printableJson({ issue: result.issue, site: result.site, written: result.written, unchanged: result.unchanged, removed: result.removed }, 2)}\n`,
    );
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

function shellQuote(path: string): string {
  return /^[\w@%+=:,./-]+$/.test(path) ? path : `'${path.replace(/'/g, `'\\''`)}'`;
}

export const print: Printer<typeof command> = (ctx, result, { flags }) => printPublishResult(ctx, result, !!flags.json);

import type { SendResult } from '../actions/send.js';
import type { Context } from '../context.js';
import { printable } from '../core/text.js';
import { paint, printNotReady, printOverridden } from './output.js';
import type { Printer } from '../commands/spec.js';
import type command from '../commands/send.js';

/** Prints what send did: per recipient, accepted or the server's reason; or what stopped it. */
export function printSendResult(ctx: Pick<Context, 'stdout' | 'stderr' | 'color'>, result: SendResult): void {
  const c = paint(ctx);
  if (result.refused) {
    printNotReady(ctx, result.issue, result.refused.blockers, 'send');
    return;
  }
  printOverridden(ctx, result.issue, result.overridden, 'sending');
  if (result.dryRun) {
    ctx.stdout.write(
      `${c.green('Wrote')} ${printable(result.eml ?? '')}: the message for ${result.to.map(printable).join(', ')}, as it would be sent; nothing was sent.\n`,
    );
    return;
  }
  ctx.stdout.write(`Sent ${result.issue} through ${printable(result.server ?? '')}:\n`);
  for (const address of result.delivery?.accepted ?? []) ctx.stdout.write(`  ${c.green('accepted')}  ${printable(address)}\n`);
  for (const { address, reason } of result.delivery?.refused ?? []) ctx.stdout.write(`  ${c.red('refused')}   ${printable(address)}: ${printable(reason)}\n`);
}

export const print: Printer<typeof command> = (ctx, result) => printSendResult(ctx, result);

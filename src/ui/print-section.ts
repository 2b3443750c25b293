import type { SectionAddResult } from '../actions/section.js';
import type { Context } from '../context.js';
import { printable } from '../core/text.js';
import { paint } from './output.js';
import type { Printer } from '../commands/spec.js';
import type command from '../commands/section.js';

/** section add: the fragment written, and the reading order issue.md now holds. */
export function printSectionAdded(ctx: Pick<Context, 'stdout' | 'color'>, result: SectionAddResult): void {
  const c = paint(ctx);
  ctx.stdout.write(
    `${c.green('Added')} ${printable(result.file)}${result.own ? ', a section of this issue alone' : ''}\nReading order (issue.md, sections:): ${printable(result.order.join(', '))}\n`,
  );
}

export const print: Printer<typeof command> = (ctx, result) => printSectionAdded(ctx, result);

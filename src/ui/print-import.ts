import type { ImportedPost } from '../actions/import.js';
import type { Context } from '../context.js';
import { printable } from '../core/text.js';

import { paint, printError } from './output.js';
import type { Printer } from '../commands/spec.js';
import type command from '../commands/import.js';

export function printImported(ctx: Pick<Context, 'stdout' | 'stderr' | 'color'>, imported: ImportedPost[], debug: boolean): void {
  const c = paint(ctx);
  for (const post of imported) {
    if (post.error !== undefined) {
      printError(ctx, post.error, debug);
      continue;
    }
    ctx.stdout.write(`${c.green('Imported')} ${printable(post.post)} as sections/${post.issue}/\n`);
    ctx.stdout.write(`  sections: ${printable(post.sections!.join(', ')) || '(none)'}\n`);
    if (post.unrecognised!.length)
      ctx.stdout.write(
        `  ${c.yellow('headings no section claims')} (kept as sections of their own): ${printable(post.unrecognised!.map((h) => `"${h}"`).join(', '))}\n`,
      );
  }
}

export const print: Printer<typeof command> = (ctx, imported, { debug }) => printImported(ctx, imported, debug);

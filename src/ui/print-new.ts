import type { NewResult } from '../commands/new.js';
import type { Context } from '../context.js';
import { paint } from './output.js';

export function printNewResult(ctx: Pick<Context, 'stdout' | 'color'>, result: NewResult): void {
  const c = paint(ctx);
  ctx.stdout.write(`${c.green('Created')} ${result.dir}/\n`);
  for (const file of result.files) ctx.stdout.write(`  ${file}\n`);
  ctx.stdout.write(`\nNext: each section's owner writes their fragment (each has a guide in a comment),\n`);
  ctx.stdout.write(`then run ${c.bold(`newsletter lint ${result.issue}`)} and ${c.bold(`newsletter build ${result.issue}`)}.\n`);
}

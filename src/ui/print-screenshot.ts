import { basename } from 'node:path';
import type { ScreenshotResult } from '../actions/screenshot.js';
import type { Context } from '../context.js';
import { printable } from '../core/text.js';
import { paint } from './output.js';
import type { Printer } from '../commands/spec.js';
import type command from '../commands/screenshot.js';

/** One line per picture, under the folder they are in. */
export function printScreenshots(ctx: Pick<Context, 'stdout' | 'color'>, result: ScreenshotResult): void {
  const c = paint(ctx);
  ctx.stdout.write(`${c.green('✔')} ${result.issue}: ${result.files.length} screenshots in ${printable(result.outDir)}\n`);
  for (const file of result.files) ctx.stdout.write(`  ${printable(basename(file))}\n`);
}

export const print: Printer<typeof command> = (ctx, result) => printScreenshots(ctx, result);

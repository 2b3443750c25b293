import { basename } from 'node:path';
import type { ScreenshotResult } from '../commands/screenshot.js';
import type { Context } from '../context.js';
import { printable } from '../core/text.js';
import { paint } from './output.js';

/** One line per picture, under the folder they are in. */
export function printScreenshots(ctx: Pick<Context, 'stdout' | 'color'>, result: ScreenshotResult): void {
  const c = paint(ctx);
  ctx.stdout.write(`${c.green('✔')} ${result.issue}: ${result.files.length} screenshots in ${printable(result.outDir)}\n`);
  for (const file of result.files) ctx.stdout.write(`  ${printable(basename(file))}\n`);
}

import type { BuildResult } from '../actions/build.js';
import type { Context } from '../context.js';
import { printable, printableJson } from '../core/text.js';
import { printDiagnosticSummary } from './output.js';
import { paint } from './output.js';
import type { Printer } from '../commands/spec.js';
import type command from '../commands/build.js';

export function printBuildResult(ctx: Pick<Context, 'stdout' | 'stderr' | 'color'>, result: BuildResult, json: boolean): void {
  printDiagnosticSummary(ctx, result.diagnostics);
  if (result.sample && result.diagnostics.length > 0) {
    // The README's first command: a newcomer must not take the sample's findings for a broken install.
    ctx.stderr.write(
      `${paint(ctx).dim('The sample issue keeps the flaws of the real draft it was made from, on purpose, so that lint has work to show: the install is fine, and the outputs were written.')}\n`,
    );
  }
  if (json) {
    ctx.stdout.write(
      `${printableJson({ issue: result.issue, outputs: result.outputs, ...(result.images.length > 0 ? { images: result.images } : {}), ...(result.invites.length > 0 ? { invites: result.invites } : {}) }, 2)}\n`,
    );
    return;
  }
  const c = paint(ctx);
  ctx.stdout.write(`${c.green('Built')} ${result.issue} into ${printable(result.outDir)}/\n`);
  for (const path of Object.values(result.outputs)) ctx.stdout.write(`  ${printable(path.split(/[\\/]/).pop()!)}\n`);
  for (const path of result.images) ctx.stdout.write(`  img/${printable(path.split(/[\\/]/).pop()!)}\n`);
  for (const path of result.invites) ctx.stdout.write(`  invites/${printable(path.split(/[\\/]/).pop()!)}\n`);
}

export const print: Printer<typeof command> = (ctx, result, { flags }) => printBuildResult(ctx, result, !!flags.json);

import type { InitResult } from '../actions/init.js';
import type { Context } from '../context.js';
import { printable } from '../core/text.js';
import { paint } from './output.js';
import type { Printer } from '../commands/spec.js';
import type command from '../commands/init.js';

/** init: the files written, where the conventions came from, and the first steps in the new workspace. */
export function printInitResult(ctx: Pick<Context, 'stdout' | 'color'>, result: InitResult): void {
  const c = paint(ctx);
  ctx.stdout.write(`${c.green('Created')} a newsletter workspace in ${printable(result.dir)}\n`);
  for (const file of result.files) ctx.stdout.write(`  ${printable(file)}\n`);
  if (result.keptGitignore) {
    const { missing } = result.keptGitignore;
    ctx.stdout.write(`  .gitignore was there already, and is kept as it was${missing.length > 0 ? `: add ${missing.join(' and ')} to it` : ''}\n`);
  }
  if (result.site) {
    const { post, set } = result.site;
    ctx.stdout.write(
      post === undefined
        ? '\nThe site has no newsletter post: the config keeps the built-in defaults.\n'
        : `\nAs the site's latest newsletter post does: ${printable(post)}\n${set.length > 0 ? `  set in the config, where it departs from the defaults: ${set.join(', ')}` : '  it agrees with the built-in defaults: the config sets none of them'}\n`,
    );
  }
  const cd = result.dir === '.' ? '' : `  cd ${printable(result.dir)}\n`;
  ctx.stdout.write(
    `\nNext:\n${cd}  npm install                      # ${printable(result.tool.name)} ${printable(result.tool.version)}; commit package-lock.json with the rest\n  npx newsletter new ${result.nextIssue}\n`,
  );
}

export const print: Printer<typeof command> = (ctx, result) => printInitResult(ctx, result);

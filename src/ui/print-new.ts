import type { NewResult } from '../actions/new.js';
import type { Context } from '../context.js';
import { printable } from '../core/text.js';
import { paint, printUnreadSiteFiles } from './output.js';
import type { Printer } from '../commands/spec.js';
import type command from '../commands/new.js';

export function printNewResult(ctx: Pick<Context, 'stdout' | 'color'>, result: NewResult, options: { verbose?: boolean } = {}): void {
  const c = paint(ctx);
  ctx.stdout.write(`${c.green('Created')} ${printable(result.dir)}/\n`);
  for (const file of result.files) ctx.stdout.write(`  ${printable(file)}\n`);
  if (result.sitePost)
    ctx.stdout.write(
      `\nAs the site's latest newsletter post does: ${printable(result.sitePost)}${options.verbose ? '' : ' (--verbose: where each default came from)'}\n`,
    );
  if (result.siteEvents) {
    const { file, added, undated } = result.siteEvents;
    ctx.stdout.write(`\nFrom the site's event list, ${added.length === 1 ? '1 upcoming event' : `${added.length} upcoming events`} in ${printable(file)}:\n`);
    for (const event of added) ctx.stdout.write(`  ${event.start}  ${printable(event.name)}\n`);
    if (undated.length > 0) {
      ctx.stdout.write(`Left out, to add by hand if they belong (${undated.length}):\n`);
      for (const event of undated) ctx.stdout.write(`  ${printable(`${event.name}: "${event.dateText}", ${event.reason} (${event.file})`)}\n`);
    }
  }
  if (options.verbose) {
    ctx.stdout.write(`\nDefaults:\n`);
    const from = { site: `the site (${printable(result.sitePost ?? '')})`, config: 'the config', 'built-in': 'built in' };
    for (const { key, value, from: source } of result.defaults)
      ctx.stdout.write(`  ${key.padEnd(16)} ${printable(showValue(value)).padEnd(56)} ${c.dim(`from ${from[source]}`)}\n`);
    for (const [id, heading] of Object.entries(result.sectionHeadings ?? {}))
      ctx.stdout.write(`  ${`${id} heading`.padEnd(16)} ${printable(heading).padEnd(56)} ${c.dim(`from ${from.site}, as its title`)}\n`);
    if (result.siteUnread) printUnreadSiteFiles(ctx.stdout, result.siteUnread);
  }
  ctx.stdout.write(`\nNext: each section's owner writes their fragment (each has a guide in a comment),\n`);
  ctx.stdout.write(`then run ${c.bold(`newsletter lint ${result.issue}`)} and ${c.bold(`newsletter build ${result.issue}`)}.\n`);
}

function showValue(value: unknown): string {
  if (Array.isArray(value)) return value.map((c: { label?: string; value?: string }) => `${c.label} (${c.value})`).join(', ');
  return String(value);
}

export const print: Printer<typeof command> = (ctx, result, { flags }) => printNewResult(ctx, result, { verbose: flags.verbose });

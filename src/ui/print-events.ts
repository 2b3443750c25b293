import type { EventsResult } from '../actions/events.js';
import type { Context } from '../context.js';
import { formatDayRange } from '../core/events/events.js';
import { plural, printable } from '../core/text.js';
import { paint } from './output.js';
import type { Printer } from '../commands/spec.js';
import type command from '../commands/events.js';

export function printEventsResult(ctx: Pick<Context, 'stdout' | 'color'>, result: EventsResult): void {
  const c = paint(ctx);
  const { conversion } = result;
  if (conversion) {
    const { file, converted, left, written } = conversion;
    if (converted.length === 0) ctx.stdout.write(`No event of ${printable(file)} could be read with certainty; nothing was written.\n`);
    else {
      ctx.stdout.write(
        `${written ? c.green('Turned') : 'Would turn'} ${plural(converted.length, 'event')} of ${printable(file)} into events: data${written ? '' : ' (--dry-run: nothing was written)'}:\n`,
      );
      for (const event of converted)
        ctx.stdout.write(
          `  line ${event.line}: ${printable(event.name)}, ${formatDayRange(event.start, event.end ?? event.start, 'day-first')}${event.deadlines ? `, ${plural(event.deadlines.length, 'deadline')}` : ''}\n`,
        );
      ctx.stdout.write(
        'They now stand where the first of them stood (at <!-- events --> when words follow them), in the order of their dates, with calendar links and invites.\n',
      );
    }
    if (left.length > 0) {
      ctx.stdout.write(`Left as prose (${left.length}), to turn into data by hand if you wish:\n`);
      for (const block of left) ctx.stdout.write(`  line ${block.line}: ${printable(`${block.name}: ${block.reason}`)}\n`);
    }
    ctx.stdout.write('\n');
  }
  if (result.events.length === 0) {
    ctx.stdout.write(`${result.issue} has no events as data (events: in a section's front matter).\n`);
    return;
  }
  ctx.stdout.write(`${c.bold(result.issue)}: ${plural(result.events.length, 'event')}\n`);
  for (const event of result.events) {
    const deadlines = event.deadlines.length === 0 ? '' : `; ${plural(event.open, 'deadline')} open${event.closed > 0 ? `, ${event.closed} closed` : ''}`;
    ctx.stdout.write(
      `  ${formatDayRange(event.start, event.end, 'day-first').padEnd(32)} ${printable(`${event.name}${event.location ? `, ${event.location}` : ''}`)}${deadlines}  ${c.dim(printable(`${event.file}:${event.line}`))}\n`,
    );
  }
}

export const print: Printer<typeof command> = (ctx, result) => printEventsResult(ctx, result);

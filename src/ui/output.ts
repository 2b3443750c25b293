import { Chalk, type ChalkInstance } from 'chalk';
import { printable } from './printable.js';
import type { Context } from '../context.js';
import { CliError } from '../errors.js';

export function paint(ctx: Pick<Context, 'color'>): ChalkInstance {
  return new Chalk({ level: ctx.color ? 1 : 0 });
}

/** A problem that does not stop the command, printed as `warning: file:line: message`. */
export interface Warning {
  file?: string;
  line?: number;
  message: string;
}

export function printWarnings(ctx: Pick<Context, 'stderr' | 'color'>, warnings: Warning[]): void {
  const c = paint(ctx);
  for (const warning of warnings) {
    const where = warning.file ? `${warning.file}${warning.line ? `:${warning.line}` : ''}: ` : '';
    ctx.stderr.write(`${c.yellow('warning')} ${printable(where + warning.message)}\n`);
  }
}

/** One line for the user (and the hint on the next); a stack only when asked for. */
export function printError(ctx: Pick<Context, 'stderr' | 'color'>, error: unknown, debug: boolean): void {
  const c = paint(ctx);
  if (error instanceof CliError) {
    const where = error.location ? `${error.location}: ` : '';
    ctx.stderr.write(`${c.red('error')} ${printable(where + error.message)}\n`);
    if (error.hint) ctx.stderr.write(`  ${c.dim(printable(error.hint))}\n`);
    if (debug && error.stack) ctx.stderr.write(`${error.stack}\n`);
    return;
  }
  const message = error instanceof Error ? error.message : String(error);
  ctx.stderr.write(`${c.red('error')} newsletter hit a bug: ${printable(message.split('\n')[0]!)}\n`);
  ctx.stderr.write(`  ${c.dim('Please report it with the command you ran; run again with --debug to see where it happened.')}\n`);
  if (debug && error instanceof Error && error.stack) ctx.stderr.write(`${error.stack}\n`);
}

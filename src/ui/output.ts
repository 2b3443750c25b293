import { Chalk, type ChalkInstance } from 'chalk';
import { errorsAndWarnings, plural, printable } from '../core/text.js';
import type { Context } from '../context.js';
import { CliError } from '../errors.js';
import type { Diagnostic } from '../core/diagnostic.js';

export function paint(ctx: Pick<Context, 'color'>): ChalkInstance {
  return new Chalk({ level: ctx.color ? 1 : 0 });
}

/** How many diagnostics a command that is not lint shows before it sends the reader to lint. */
const SHOWN = 3;

/**
 * The diagnostics of an issue in a few lines on stderr, for commands whose job is not to lint:
 * the first few, then the counts and where to see the rest.
 */
export function printDiagnosticSummary(ctx: Pick<Context, 'stderr' | 'color'>, diagnostics: Diagnostic[]): void {
  if (diagnostics.length === 0) return;
  const c = paint(ctx);
  const ordered = [...diagnostics.filter((d) => d.severity === 'error'), ...diagnostics.filter((d) => d.severity === 'warn')];
  for (const d of ordered.slice(0, SHOWN)) {
    const level = d.severity === 'error' ? c.red('error') : c.yellow('warning');
    ctx.stderr.write(`${level} ${printable(`${d.file}:${d.line}:${d.column}: ${d.message}`)}${d.ruleId ? c.dim(`  ${d.ruleId}`) : ''}\n`);
  }
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = diagnostics.length - errors;
  const counts = errorsAndWarnings(errors, warnings);
  const rest = diagnostics.length > SHOWN ? `; run newsletter lint to see all ${diagnostics.length}` : '';
  ctx.stderr.write(`${(errors ? c.red : c.yellow)(`${counts} in this issue${rest}.`)}\n`);
}

/** How many blockers text shows before pointing to status or lint (which list them all). */
export const SHOWN_BLOCKERS = 10;

/** Why publish or send will not go ahead: the issue, each blocker on its line, and the way out. */
export function printNotReady(ctx: Pick<Context, 'stderr' | 'color'>, issue: string, blockers: readonly string[], doing: 'publish' | 'send'): void {
  const c = paint(ctx);
  ctx.stderr.write(`${c.red('error')} ${issue} is not ready to ${doing}; nothing was ${doing === 'publish' ? 'written' : 'sent'}:\n`);
  for (const blocker of blockers.slice(0, SHOWN_BLOCKERS)) ctx.stderr.write(`  - ${printable(blocker)}\n`);
  if (blockers.length > SHOWN_BLOCKERS) ctx.stderr.write(`  and ${blockers.length - SHOWN_BLOCKERS} more (newsletter status ${issue} lists them all)\n`);
  ctx.stderr.write(`  ${c.dim(`Fix them, or ${doing === 'publish' ? 'publish anyway' : 'send the test anyway'} with --force.`)}\n`);
}

/** What --force went past, as a warning. */
export function printOverridden(ctx: Pick<Context, 'stderr' | 'color'>, issue: string, blockers: readonly string[], doing: 'publishing' | 'sending'): void {
  if (blockers.length === 0) return;
  ctx.stderr.write(
    `${paint(ctx).yellow('warning')} ${doing} ${issue} although it is not ready (--force): ${plural(blockers.length, 'thing')} in the way, as newsletter status lists.\n`,
  );
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

/** The site's posts and authors a command left out unread: each with why (--verbose), else how many, when any. */
export function printUnreadSiteFiles(out: Pick<Context, 'stderr'>['stderr'], unread: readonly { file: string; reason: string }[], verbose = true): void {
  if (!verbose) {
    if (unread.length > 0) out.write(`note: ${plural(unread.length, 'file')} of the site checkout left out unread (--verbose lists them, and why).\n`);
    return;
  }
  if (unread.length === 0) {
    out.write('Every post and author of the site checkout was read.\n');
    return;
  }
  out.write(`Left out of the site checkout, unread (${plural(unread.length, 'file')}):\n`);
  for (const { file, reason } of unread) out.write(`  ${printable(`${file} ${reason}`)}\n`);
}

import { join } from 'node:path';
import { printable } from '../core/text.js';
import type { PreviewServer } from '../actions/preview.js';
import type { Context } from '../context.js';
import type { Printer } from '../commands/spec.js';
import type command from '../commands/preview.js';

/** preview: where the page is, after a warning when others on the network can read it. */
export function printPreviewStarted(ctx: Pick<Context, 'stdout' | 'stderr'>, server: Pick<PreviewServer, 'url' | 'exposed'>, host: string): void {
  if (server.exposed) ctx.stderr.write(`warning: serving on ${host}: anyone who can reach this machine there can read the issue and its drafts.\n`);
  ctx.stdout.write(`Preview at ${server.url}\n`);
}

/** preview --open, when no browser could be opened: the command goes on, the page is there. */
export function printNoBrowser(ctx: Pick<Context, 'stderr'>, problem: string, url: string): void {
  ctx.stderr.write(`warning: no browser could be opened (${problem}); open ${url} yourself.\n`);
}

export const print: Printer<typeof command> = async (ctx, data, { flags }) => {
  if ('exported' in data) {
    ctx.stdout.write(`Preview of ${data.exported.issue} written to ${printable(join(data.exported.dir, 'index.html'))}\n`);
    return;
  }
  const { server, openPage } = data;
  printPreviewStarted(ctx, server, flags.host);
  if (!flags.open) return;
  const problem = await openPage();
  if (problem) printNoBrowser(ctx, problem, server.url);
};

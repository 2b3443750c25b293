import type { PreviewServer } from '../actions/preview.js';
import type { ExportResult } from '../actions/preview-export.js';
import { usageError } from '../errors.js';
import { defineCommand, flag, issueArg, parsePort } from './spec.js';

/*
 * preview: a live preview of an issue on this machine, served until Ctrl-C; with --export, the
 * same page written as static files, and done.
 * Its words, arguments and flags (from which cli.ts makes commander's command and --help, and
 * the docs their synopsis), and a run that loads its work on first use and returns what
 * ui/print-preview.ts prints.
 */

export default defineCommand({
  order: 100,
  name: 'preview',
  description:
    'serve a live preview of an issue on this machine (email on phone and desktop, light and dark, text, blog post, problems), updated on every save',
  args: [issueArg('the issue shown first (default: the latest)')],
  flags: [
    flag('--port <n>', 'the port (0: any free one)', { parse: parsePort, default: 4400 }),
    flag('--host <address>', 'the address to listen on; anything but loopback lets others on the network read the issue', { default: '127.0.0.1' }),
    flag('--open', 'open the page in the default browser'),
    flag('--site <dir>', "a checkout of the site: the page shows the site images it holds, and lint's site checks run (default: config siteRepo)"),
    flag(
      '--export <dir>',
      'write the page as static files into this folder (new, empty or a previous export), to open from file:// or any static host, and exit',
    ),
  ],
  examples: `
Examples:
  $ newsletter preview                  # the latest issue, at http://127.0.0.1:4400/
  $ newsletter preview june-2025 --port 0 --open
  $ newsletter preview --export preview # static files: open preview/index.html
  $ newsletter screenshot --out shots   # PNGs at 375 and 800 px, light and dark`,
  // From the snapshot: an export is a render and a lint, like build; the live server starts as fast.
  fromSnapshot: true,
  async run(ctx, { args, flags, cwd }): Promise<LivePreview | { exported: ExportResult }> {
    if (flags.export !== undefined) {
      // The live server's flags say how to serve; an export serves nothing.
      const live = flags.open ? '--open' : flags.port !== 4400 ? '--port' : flags.host !== '127.0.0.1' ? '--host' : undefined;
      if (live) throw usageError(`--export writes files and serves nothing: leave out ${live}.`);
      const { exportPreview } = await import('../actions/preview-export.js');
      return { exported: await exportPreview({ cwd, now: ctx.now }, { issue: args[0], site: flags.site, dir: flags.export }) };
    }
    const { startPreview } = await import('../actions/preview.js');
    const server = await startPreview({ cwd, now: ctx.now }, { issue: args[0], port: flags.port, host: flags.host, site: flags.site });
    // Listening for Ctrl-C before the address is printed: whoever reads the line may stop it at once.
    const stopped = new Promise<void>((resolveStop) => {
      const stop = ctx.onInterrupt(() => {
        stop();
        void server.close().then(resolveStop);
      });
    });
    // --open: the page in the default browser, once its address is printed; says why it could not.
    const openPage = async () => (await import('../actions/open-preview.js')).openPreview(server);
    return { server, stopped, openPage };
  },
  // Until Ctrl-C: then the server closes after the render under way, and the command ends (exit 0). An export is done at once.
  until(data) {
    return 'server' in data ? data.stopped : Promise.resolve();
  },
});

/** The live preview, running: what prints its address, ends it, and opens it in a browser. */
export interface LivePreview {
  server: PreviewServer;
  stopped: Promise<void>;
  openPage(): Promise<string | undefined>;
}

import { spawn } from 'node:child_process';

/**
 * Opens `url` in the default browser (open on macOS, start on Windows, xdg-open elsewhere).
 * Returns why it could not, or undefined; the command goes on either way. Only the preview's
 * own address is ever passed (http, a loopback or --host address, a port, an issue slug): no
 * text of a workspace reaches the command line, which cmd would read on Windows.
 */
export function openInBrowser(url: string, platform: NodeJS.Platform = process.platform): Promise<string | undefined> {
  const [command, args] = platform === 'darwin' ? ['open', [url]] : platform === 'win32' ? ['cmd', ['/c', 'start', '""', url]] : ['xdg-open', [url]];
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: 'ignore', detached: true });
    child.once('error', (error: NodeJS.ErrnoException) => resolve(error.code === 'ENOENT' ? `${command} is not installed` : error.message));
    child.once('spawn', () => {
      child.unref();
      resolve(undefined);
    });
  });
}

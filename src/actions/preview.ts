import { randomBytes } from 'node:crypto';
import { join, resolve } from 'node:path';
import type { Context } from '../context.js';
import { imageContentType } from '../core/images/images.js';
import { withImageSources } from '../core/markdown/html-read.js';
import { isLoopbackHost } from '../core/markdown/urls.js';
import { EMAIL_POLICY, PAGE_POLICY, previewPage, type PreviewView } from '../core/preview/preview-page.js';
import { serveLocally, type Reply } from '../io/http-server.js';
import { readLocalImage } from '../io/images.js';
import { readPreviewAssets } from '../io/preview-assets.js';
import { watchFolders, type FolderWatch } from '../io/watch.js';
import { findWorkspaceRoot, issueFromHere, listIssues, SECTIONS_DIR } from '../io/workspace.js';
import type { IssueOutputs } from '../pipeline.js';
import { renderIssueState, type IssueState } from './preview-render.js';

export interface PreviewOptions {
  issue?: string;
  /** A checkout of the site, whose images the page shows from it and whose rules lint runs (default: config siteRepo). */
  site?: string;
  port: number;
  host: string;
}

export interface PreviewServer {
  /** Where the page is: http://host:port/. */
  url: string;
  /** The issue shown first. */
  issue: string;
  /** Whether anyone beyond this machine may reach it (--host other than loopback). */
  exposed: boolean;
  /** Stops watching and serving, after the render under way (if any) has finished. */
  close(): Promise<void>;
}

interface IssuePreview {
  state: IssueState;
  /** A file changed while no page of the issue was open: rendered again when one asks. */
  stale: boolean;
  /** Resolves when the render under way, and any asked for during it, are done. */
  settled: Promise<void>;
  render(): Promise<void>;
  listeners: Set<(version: string) => void>;
}

/**
 * Serves a live preview of a workspace's issues on host:port: the page of each issue, its raw
 * outputs (the bytes build writes) and its own images, nothing else. Every issue opened is
 * rendered again, through the issue pipeline, whenever a file of the workspace changes.
 */
export async function startPreview(ctx: Pick<Context, 'cwd' | 'now'>, options: PreviewOptions): Promise<PreviewServer> {
  const root = findWorkspaceRoot(resolve(ctx.cwd));
  const first = (await issueFromHere(root, ctx.cwd, options.issue)).id;
  const assets = await readPreviewAssets();

  // A page's version names this server too, so that a page left open across a restart sees it is stale.
  const boot = randomBytes(4).toString('hex');
  let renders = 0;
  const nextVersion = () => `${boot}-${++renders}`;
  let issues: string[] = [];
  const previews = new Map<string, IssuePreview>();

  const open = async (slug: string): Promise<IssuePreview> => {
    const existing = previews.get(slug);
    if (existing) return existing;
    const preview = issuePreview(async () => {
      const rendered = await renderIssueState(root, slug, ctx.now(), nextVersion(), options.site === undefined ? undefined : resolve(ctx.cwd, options.site));
      if (rendered.issues) issues = rendered.issues;
      const { state } = rendered;
      // The frames' email, its images at the server's addresses (an export writes its own, exported-email.ts).
      return state.outputs && state.rendering ? { ...state, shownHtml: withImageSources(state.outputs.html!, state.rendering.images) } : state;
    }, nextVersion);
    previews.set(slug, preview);
    await preview.render();
    return preview;
  };

  /** The preview of an issue the workspace holds (opened on first ask), or undefined. */
  const known = async (slug: string): Promise<IssuePreview | undefined> => {
    if (previews.has(slug)) return previews.get(slug);
    if (!(await listIssues(root).catch(() => [])).some((id) => id.slug === slug)) return undefined;
    const preview = await open(slug);
    await watch?.resync();
    return preview;
  };

  const route = async (path: string, query: URLSearchParams): Promise<Reply> => {
    const asset = assets.get(path);
    if (asset) return { status: 200, type: asset.type, body: asset.body };
    if (path === '/') return { status: 302, type: 'text/plain; charset=utf-8', body: '', headers: { location: `/${[...previews.keys()][0] ?? first.slug}/` } };
    const [, slug = '', name = '', rest] = path.split('/');
    const preview = slug.startsWith('_') ? undefined : await known(slug);
    if (!preview || (rest !== undefined && name !== 'img')) return notFound();
    await (preview.stale ? preview.render() : preview.settled);
    return issueReply(root, { slug, issues, preview }, name, rest, query);
  };

  let watch: FolderWatch | undefined;
  await open(first.slug);
  const server = await serveLocally({ host: options.host, port: options.port, route });
  watch = await watchFolders(
    () => [{ path: root }, { path: join(root, SECTIONS_DIR), deep: true }, { path: join(root, 'templates'), deep: true }],
    () => {
      // The issues on show now render at once; one looked at earlier, when it is asked for again.
      for (const preview of previews.values()) {
        if (preview.listeners.size > 0) void preview.render();
        else preview.stale = true;
      }
    },
  );

  return {
    url: server.url,
    issue: first.slug,
    exposed: !isLoopbackHost(options.host),
    async close() {
      watch?.close();
      await server.close();
      await Promise.all([...previews.values()].map((p) => p.settled));
    },
  };
}

/**
 * One issue's preview: its state, and a render that runs one at a time (a save during a render
 * asks for one more after it, however many saves there were).
 */
function issuePreview(render: () => Promise<IssueState>, nextVersion: () => string): IssuePreview {
  let again = false;
  let running: Promise<void> | undefined;
  const preview: IssuePreview = {
    state: { version: '' },
    stale: false,
    settled: Promise.resolve(),
    listeners: new Set(),
    render() {
      if (running) {
        again = true;
        return running;
      }
      preview.stale = false;
      running = (async () => {
        do {
          again = false;
          const next = await render().catch(
            (error: unknown): IssueState => ({
              version: nextVersion(),
              error: {
                location: '',
                message: `the preview hit a bug: ${error instanceof Error ? error.message : String(error)}`,
                hint: 'Please report it; the next save tries again.',
              },
            }),
          );
          // A failed render keeps the last good outputs on show, beneath its error.
          preview.state = next.error ? { ...preview.state, version: next.version, error: next.error } : next;
          for (const listener of preview.listeners) listener(next.version);
        } while (again);
      })().finally(() => {
        running = undefined;
      });
      preview.settled = running;
      return running;
    },
  };
  return preview;
}

/** What an issue's address answers: its page, its events, one of its images, or one of its raw outputs. */
function issueReply(
  root: string,
  shown: { slug: string; issues: string[]; preview: IssuePreview },
  name: string,
  rest: string | undefined,
  query: URLSearchParams,
): Reply {
  const { slug, issues, preview } = shown;
  const { state } = preview;
  if (name === '') {
    const view: PreviewView = {
      slug,
      issues,
      version: state.version,
      ...(state.error ? { error: state.error } : {}),
      ...(state.rendering ? { rendering: state.rendering } : {}),
    };
    return { status: 200, type: 'text/html; charset=utf-8', body: previewPage(view), headers: { 'content-security-policy': PAGE_POLICY } };
  }
  if (name === 'events') {
    return {
      events: (send) => {
        send('version', state.version);
        const listener = (version: string) => send('version', version);
        preview.listeners.add(listener);
        return () => preview.listeners.delete(listener);
      },
    };
  }
  if (name === 'img' && rest !== undefined) {
    const file = state.images?.get(rest);
    if (!file) return notFound();
    let body: Buffer;
    try {
      body = Buffer.isBuffer(file) ? file : readLocalImage(root, file);
    } catch {
      // Gone since the render, or a link out of the workspace: there is nothing of it to serve.
      return notFound();
    }
    return { status: 200, type: imageContentType(rest), body, headers: { 'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'" } };
  }
  if (!RAW_OUTPUTS.has(name)) return notFound();
  // The page's frames ask for the email on show: the last that rendered, even while a later save does not.
  if (name === 'email.html' && query.has('shown') && state.outputs) {
    return {
      status: 200,
      type: 'text/html; charset=utf-8',
      body: state.shownHtml ?? state.outputs.html!,
      headers: { 'content-security-policy': EMAIL_POLICY },
    };
  }
  // While the sources do not render, there is no output that build would write: say why instead.
  if (state.error || !state.outputs)
    return {
      status: 409,
      type: 'text/plain; charset=utf-8',
      body: `${state.error?.location ? `${state.error.location}: ` : ''}${state.error?.message ?? 'not rendered yet.'}\n`,
    };
  const raw = rawOutput(state.outputs, name);
  return { status: 200, type: raw.type, body: raw.text, headers: raw.type.startsWith('text/html') ? { 'content-security-policy': EMAIL_POLICY } : {} };
}

function notFound(): Reply {
  return {
    status: 404,
    type: 'text/plain; charset=utf-8',
    body: "Not found: the preview serves an issue's page (/<issue>/), email.html, email.txt, email.mjml and blog.md.\n",
  };
}

const RAW_OUTPUTS = new Set(['email.html', 'email.txt', 'email.mjml', 'blog.md']);

/** The raw outputs, at addresses that say what they are, as build writes them. */
function rawOutput(outputs: IssueOutputs, name: string): { type: string; text: string } {
  switch (name) {
    case 'email.html':
      return { type: 'text/html; charset=utf-8', text: outputs.html! };
    case 'email.mjml':
      return { type: 'text/plain; charset=utf-8', text: outputs.mjml! };
    case 'blog.md':
      return { type: 'text/markdown; charset=utf-8', text: outputs.blog!.text };
    default:
      return { type: 'text/plain; charset=utf-8', text: outputs.text! };
  }
}

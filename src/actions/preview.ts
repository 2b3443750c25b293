import { createHash, randomBytes } from 'node:crypto';
import { join, resolve } from 'node:path';
import type { Context } from '../context.js';
import type { Config } from '../core/config/config.js';
import type { Diagnostic } from '../core/diagnostic.js';
import { withImageSources } from '../core/markdown/html-read.js';
import { CliError } from '../errors.js';
import { addressOf, displayNameOf } from '../core/email/email-message.js';
import { parseSourceParts } from '../core/issue/front-matter.js';
import { imageContentType, type ImageFile } from '../core/images/images.js';
import { assertBuildable, fragmentHeadingText, renderedFragments, type Issue } from '../core/issue/issue.js';
import { parseInline, textOf, visit } from '../core/markdown/markdown.js';
import { blogPreviewHtml, EMAIL_POLICY, PAGE_POLICY, previewPage, type PreviewRendering, type PreviewView } from '../core/preview/preview-page.js';
import { issueStatus, whenDue } from '../core/issue/readiness.js';
import { localImagesInEmail } from '../core/email/render-email.js';
import { isLoopbackHost } from '../core/markdown/urls.js';
import { readLocalImage } from '../io/images.js';
import { serveLocally, type Reply } from '../io/http-server.js';
import { watchFolders, type FolderWatch } from '../io/watch.js';
import { findWorkspaceRoot, issueDir, issueFromHere, listIssues, relativeTo, SECTIONS_DIR } from '../io/workspace.js';
import { readPreviewAssets } from '../io/preview-assets.js';
import { openCheckedWorkspace, openIssuePipeline, readIssueInputs, renderIssueOutputs, type IssueOutputs } from '../pipeline.js';
import { optionalSiteCheckoutOf } from '../io/site.js';
import { checkoutImagesIn } from '../io/site.js';

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

/** What the last render of an issue left: its outputs and page when good, its error when not. */
interface IssueState {
  version: string;
  error?: PreviewView['error'];
  outputs?: IssueOutputs;
  /** The email as the page's frames show it: the images the preview holds at its own addresses, so the frames never ask the site for them. */
  shownHtml?: string;
  rendering?: PreviewRendering;
  /**
   * The images the preview may serve of the issue: its own by published name (read afresh from
   * the workspace), and the site checkout's it shows, already read (`site_N.ext`: a name no
   * published image has).
   */
  images?: ReadonlyMap<string, ImageFile | Buffer>;
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
      return rendered.state;
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

/**
 * An issue rendered for the preview, through the issue pipeline: every output build writes, and
 * what the page shows of them; or the one-line error that stops it (a content error, not a bug).
 * `issues`: the workspace's issues, as read on the way.
 */
async function renderIssueState(
  root: string,
  slug: string,
  now: Date,
  version: string,
  siteGiven: string | undefined,
): Promise<{ state: IssueState; issues?: string[] }> {
  let issues: string[] | undefined;
  try {
    const workspace = await openCheckedWorkspace(root);
    const known = await listIssues(root);
    issues = known.map((id) => id.slug);
    const id = known.find((k) => k.slug === slug);
    if (!id) throw new CliError(`the issue ${slug} is no longer in ${SECTIONS_DIR}/.`, { hint: 'Pick another issue above.' });
    // The page needs nothing of the site: a checkout that cannot be read is a problem shown among the others, not "Not rendered".
    const siteNotes: Diagnostic[] = [];
    const site = await optionalSiteCheckoutOf(
      workspace,
      root,
      (message) => siteNotes.push({ file: siteGiven ?? workspace.config.siteRepo ?? 'site', line: 1, column: 1, ruleId: null, severity: 'warn', message }),
      siteGiven,
    );
    const pipeline = openIssuePipeline(await readIssueInputs(workspace, id, { known, site }));
    assertBuildable(pipeline.issue);
    const outputs = await renderIssueOutputs(pipeline, workspace.config, { blog: true, email: true, text: true }, relativeTo(root, issueDir(root, id)));
    const diagnostics = [...(await pipeline.diagnostics()), ...siteNotes];
    const siteImages = await checkoutImagesIn(site, outputs.html!, workspace.config);
    return { state: { version, outputs, ...previewRendering(slug, pipeline.issue, workspace.config, outputs, diagnostics, now, siteImages) }, issues };
  } catch (error) {
    if (!(error instanceof CliError)) throw error;
    return {
      state: { version, error: { location: error.location, message: error.message, ...(error.hint ? { hint: error.hint } : {}) } },
      ...(issues ? { issues } : {}),
    };
  }
}

/** What the page shows of a rendered issue, and the images it may serve (see IssueState.images). */
function previewRendering(
  slug: string,
  issue: Issue,
  config: Config,
  outputs: IssueOutputs,
  diagnostics: Diagnostic[],
  now: Date,
  siteImages: { address: string; sitePath: string; name: string; content: Buffer }[],
): { rendering: PreviewRendering; images: Map<string, ImageFile | Buffer>; shownHtml: string } {
  const status = issueStatus(issue, diagnostics, config, now);
  const images = new Map<string, ImageFile | Buffer>();
  const addresses: Record<string, string> = {};
  // Site images the checkout holds, shown before the site's pull request is deployed.
  siteImages.forEach(({ address, sitePath, name, content }, index) => {
    const served = `site_${index}${name.slice(name.lastIndexOf('.'))}`;
    images.set(served, content);
    addresses[address] = `/${slug}/img/${served}`;
    addresses[sitePath] = `/${slug}/img/${served}`;
  });
  for (const { address, image } of localImagesInEmail(issue, config)) {
    images.set(image.name, image.file);
    const served = `/${slug}/img/${image.name}`;
    // The email names it by its address on the site, the blog post by its site path.
    addresses[address] = served;
    addresses[image.sitePath] = served;
  }
  const blog = parseSourceParts(outputs.blog!.text, outputs.blog!.name);
  const bodyLine = issue.introParts?.bodyLine ?? 1;
  const rendering: PreviewRendering = {
    // As an inbox lists the sender: its display name, else its address; the newsletter's name when none is set.
    inbox: {
      from: config.email.from ? (displayNameOf(config.email.from) ?? addressOf(config.email.from)) : config.name,
      subject: issue.subject,
      preheader: issue.preheader,
    },
    text: outputs.text!,
    blog: {
      title: issue.meta.title,
      byline: [issue.meta.author, issue.meta.date].filter(Boolean).join(' · '),
      html: blogPreviewHtml(blog.body, addresses),
      hidden: issue.meta.hidePost,
    },
    sections: sectionsOf(issue),
    diagnostics: diagnostics.map((d) => {
      if (issue.path && d.file === issue.path && d.line < bodyLine) return { ...d, inbox: true };
      const block = blockWords(issue, d.file, d.line);
      return block ? { ...d, block } : d;
    }),
    images: addresses,
    emailVersion: createHash('sha256').update(outputs.html!).digest('hex').slice(0, 16),
    emailBytes: Buffer.byteLength(outputs.html!),
    readiness: { ready: status.ready, blockers: status.blockers, date: status.date, due: whenDue(status.daysLeft) },
  };
  return { rendering, images, shownHtml: withImageSources(outputs.html!, addresses) };
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

/**
 * The first words of the Markdown block a line of a fragment is in (the innermost paragraph,
 * list item, table cell, heading or image), as readers see them: what the page looks for in the
 * email to scroll a problem's block into view. Undefined when the line is in no such block.
 */
function blockWords(issue: Issue, file: string, line: number): string | undefined {
  const fragment = issue.fragments.find((f) => f.path === file);
  if (!fragment) return undefined;
  let found: string | undefined;
  visit(fragment.doc.tree, (node) => {
    const at = node.position;
    if (!at || at.start.line > line || at.end.line < line) return;
    if (node.type === 'image' && node.alt) found = node.alt;
    else if (['paragraph', 'heading', 'tableCell', 'blockquote', 'listItem'].includes(node.type)) found = textOf(node);
  });
  const words = found?.replace(/\s+/g, ' ').trim().slice(0, 60);
  return words || undefined;
}

/** Each rendered section with its heading as the words readers see (links and marks dropped), as the email shows it. */
function sectionsOf(issue: Issue): PreviewRendering['sections'] {
  return renderedFragments(issue).map((fragment) => ({
    id: fragment.id,
    heading: parseInline(fragmentHeadingText(fragment)).map(textOf).join('').trim(),
    file: fragment.path,
  }));
}

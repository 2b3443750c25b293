import { relative, resolve } from 'node:path';
import type { Context } from '../context.js';
import { EXPORT_PAGE_POLICY, exportedEmails } from '../core/preview/exported-email.js';
import { type PageLinks, previewPage } from '../core/preview/preview-page.js';
import { CliError } from '../errors.js';
import { type ExportFile, readExportFolder, writeExportFolder } from '../io/export-folder.js';
import { readLocalImage } from '../io/images.js';
import { readPreviewAssets } from '../io/preview-assets.js';
import { findWorkspaceRoot, issueFromHere } from '../io/workspace.js';
import { renderIssueState } from './preview-render.js';

export interface ExportOptions {
  issue?: string;
  /** A checkout of the site, whose images the export copies where the email and post show them (default: config siteRepo). */
  site?: string;
  /** The folder to write, relative to cwd. */
  dir: string;
}

export interface ExportResult {
  issue: string;
  /** The folder written, absolute. */
  dir: string;
  /** Every file written, relative to it, sorted. */
  files: string[];
}

/*
 * The layout of an export, every address in it relative, so that it opens from file:// and from
 * a site under any path (a GitHub Pages site lives under /<repo>/). No folder's name starts with
 * `_`, which Jekyll (GitHub Pages' default) would leave out; `.nojekyll` says not to run it.
 */
const ASSETS = 'assets/';
const REMOTE_IMAGE = `${ASSETS}remote-image.svg`;
const LINKS: PageLinks = {
  scripts: [`${ASSETS}page.js`],
  style: `${ASSETS}preview.css`,
  email: { light: 'email-light.html', dark: 'email-dark.html' },
  // The email's HTML is the frames' (with the export's policy): the raw one would ask the web for its images.
  raw: [
    ['email.txt', 'raw/email.txt'],
    ['email.mjml', 'raw/email.mjml'],
    ['blog.md', 'raw/blog.md'],
  ],
  policy: EXPORT_PAGE_POLICY,
  exported: true,
};

/**
 * Writes an issue's preview page as static files into a folder: the live preview's page, from
 * the same render, with nothing live, nothing outside the folder and nothing that changes between
 * two exports of the same sources (no version, no date relative to today).
 */
export async function exportPreview(ctx: Pick<Context, 'cwd' | 'now'>, options: ExportOptions): Promise<ExportResult> {
  const root = findWorkspaceRoot(resolve(ctx.cwd));
  const { id } = await issueFromHere(root, ctx.cwd, options.issue);
  const dir = resolve(ctx.cwd, options.dir);
  const shown = relative(ctx.cwd, dir) || '.';
  // Refused before any rendering: a folder of someone's work is never written into.
  const previous = readExportFolder(dir, shown);

  // 1. The issue through the live preview's one path, its images at the export's addresses.
  const site = options.site === undefined ? undefined : resolve(ctx.cwd, options.site);
  const { state } = await renderIssueState(root, id.slug, ctx.now(), '', site, { base: 'img/', others: REMOTE_IMAGE });
  if (state.error || !state.rendering || !state.outputs) {
    const error = state.error ?? { location: '', message: 'the issue did not render.' };
    throw new CliError(`${error.location ? `${error.location}: ` : ''}${error.message} Nothing was exported.`, error.hint ? { hint: error.hint } : {});
  }
  const rendering = { ...state.rendering, readiness: { ...state.rendering.readiness, due: '' } };

  // 2. The page, its own files, the email light and dark, the raw outputs, the images.
  const assets = await readPreviewAssets();
  const asset = (name: string) => assets.get(`/_preview/${name}`)!.body;
  const email = exportedEmails(state.outputs.html!, { images: rendering.images, otherImages: REMOTE_IMAGE });
  const files: ExportFile[] = [
    { path: 'index.html', content: previewPage({ slug: id.slug, issues: [id.slug], version: '', rendering }, LINKS) },
    { path: `${ASSETS}page.js`, content: asset('page.js') },
    { path: `${ASSETS}preview.css`, content: asset('preview.css') },
    { path: REMOTE_IMAGE, content: asset('remote-image.svg') },
    { path: 'email-light.html', content: email.light },
    { path: 'email-dark.html', content: email.dark },
    { path: 'raw/email.txt', content: state.outputs.text! },
    { path: 'raw/email.mjml', content: state.outputs.mjml! },
    { path: 'raw/blog.md', content: state.outputs.blog!.text },
    { path: '.nojekyll', content: '' },
  ];
  for (const [name, file] of [...(state.images ?? [])].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    files.push({ path: `img/${name}`, content: Buffer.isBuffer(file) ? file : readLocalImage(root, file) });
  }

  // 3. All of it at once, replacing a previous export's files only.
  await writeExportFolder(dir, shown, files, previous);
  return { issue: id.slug, dir, files: files.map((file) => file.path).sort() };
}

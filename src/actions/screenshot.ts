import { isAbsolute, join, resolve } from 'node:path';
import type { Context } from '../context.js';
import { imageContentType } from '../core/images/images.js';
import { assertBuildable } from '../core/issue/issue.js';
import { localImagesInEmail } from '../core/email/render-email.js';
import { findBrowser, launchBrowser, screenshotHtml, type Shot } from '../io/browser.js';
import { writeFilesAtomically } from '../io/files.js';
import { readLocalImage } from '../io/images.js';
import { issueDir, relativeTo } from '../io/workspace.js';
import { openIssuePipeline, openNamedIssue, readIssueInputs, renderIssueOutputs, siteNote } from '../pipeline.js';
import { optionalSiteCheckoutOf } from '../io/site.js';
import { checkoutImagesIn } from '../io/site.js';

export interface ScreenshotOptions {
  issue?: string;
  out?: string;
  browser?: string;
  /** Ask the network for nothing: remote images are left out of the pictures. */
  offline?: boolean;
  /** A checkout of the site, whose images the pictures show from it (default: config siteRepo). */
  site?: string;
}

export interface ScreenshotResult {
  issue: string;
  /** The PNGs written, absolute, in the order of SHOTS. */
  files: string[];
  /** The folder they are in, relative to the workspace when inside it. */
  outDir: string;
}

/** A phone and a desktop, each light and dark: what a reviewer looks at before sending. */
export const SHOTS: readonly Shot[] = [
  { width: 375, dark: false },
  { width: 375, dark: true },
  { width: 800, dark: false },
  { width: 800, dark: true },
];

/**
 * Pictures of an issue's email as inboxes show it, taken in Chromium: the email rendered
 * through the issue pipeline (the bytes build writes), the issue's own images served from the
 * workspace and site images from the checkout, since the site may not have them yet.
 */
export async function screenshot(ctx: Pick<Context, 'cwd' | 'env'> & Partial<Pick<Context, 'stderr'>>, options: ScreenshotOptions): Promise<ScreenshotResult> {
  const browserPath = findBrowser(options.browser, ctx.env, ctx.cwd);
  const { workspace, known, id } = await openNamedIssue(ctx.cwd, options.issue, undefined, ctx.stderr);
  const { root, config } = workspace;
  const site = await optionalSiteCheckoutOf(workspace, ctx.cwd, siteNote(ctx.stderr), options.site);
  const pipeline = openIssuePipeline(await readIssueInputs(workspace, id, { known, templates: ['email.mjml.hbs'], site }), { emailRules: false });
  assertBuildable(pipeline.issue);
  const { html } = await renderIssueOutputs(pipeline, config, { blog: false, email: true, text: false }, relativeTo(root, issueDir(root, id)));

  // The site has neither the issue's own images nor, until its pull request is deployed, those only the checkout holds.
  const files = new Map([
    ...(await checkoutImagesIn(site, html!, config)).map(({ address, name, content }) => [address, { type: imageContentType(name), body: content }] as const),
    ...localImagesInEmail(pipeline.issue, config).map(
      ({ address, image }) => [address, { type: imageContentType(image.name), body: readLocalImage(root, image.file) }] as const,
    ),
  ]);

  const outDir = options.out ? (isAbsolute(options.out) ? options.out : resolve(ctx.cwd, options.out)) : join(root, 'dist', id.slug, 'screenshots');
  const browser = await launchBrowser(browserPath);
  let pictures: Buffer[];
  try {
    pictures = await screenshotHtml(browser, html!, [...SHOTS], { files, offline: !!options.offline });
  } finally {
    await browser.close();
  }
  const written = SHOTS.map((shot, i) => ({ path: join(outDir, `email-${shot.width}-${shot.dark ? 'dark' : 'light'}.png`), content: pictures[i]! }));
  await writeFilesAtomically(written);
  const shown = relativeTo(root, outDir);
  return { issue: id.slug, files: written.map((file) => file.path), outDir: shown.startsWith('..') ? outDir : shown };
}

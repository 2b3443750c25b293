import { createHash } from 'node:crypto';
import type { Config } from '../core/config/config.js';
import type { Diagnostic } from '../core/diagnostic.js';
import { addressOf, displayNameOf } from '../core/email/email-message.js';
import { localImagesInEmail } from '../core/email/render-email.js';
import type { ImageFile } from '../core/images/images.js';
import { parseSourceParts } from '../core/issue/front-matter.js';
import { assertBuildable, fragmentHeadingText, renderedFragments, type Issue } from '../core/issue/issue.js';
import { issueStatus, whenDue } from '../core/issue/readiness.js';
import { parseInline, textOf, visit } from '../core/markdown/markdown.js';
import { blogPreviewHtml, type PreviewRendering, type PreviewView } from '../core/preview/preview-page.js';
import { CliError } from '../errors.js';
import { checkoutImagesIn, optionalSiteCheckoutOf } from '../io/site.js';
import { issueDir, listIssues, relativeTo, SECTIONS_DIR } from '../io/workspace.js';
import { openCheckedWorkspace, openIssuePipeline, readIssueInputs, renderIssueOutputs, type IssueOutputs } from '../pipeline.js';

/*
 * An issue rendered for a preview page, the live server's and an export's alike: one path
 * through the issue pipeline to every output and to what the page shows of them.
 */

/** Where a page shows an issue's images from, and what it shows for any other (an export's). */
export interface ImagePlaces {
  /** Before each image's name: the live server's `/<issue>/img/`, an export's `img/`. */
  base: string;
  /** What the blog post shows for an image the page does not hold: an export asks nothing of anyone else. Left out, the image's own address. */
  others?: string;
}

/** What the last render of an issue left: its outputs and page when good, its error when not. */
export interface IssueState {
  version: string;
  error?: PreviewView['error'];
  outputs?: IssueOutputs;
  /** The email as the live page's frames show it (preview.ts): the images the preview holds at its own addresses, so the frames never ask the site for them. */
  shownHtml?: string;
  rendering?: PreviewRendering;
  /**
   * The images the preview may serve of the issue: its own by published name (read afresh from
   * the workspace), and the site checkout's it shows, already read (`site_N.ext`: a name no
   * published image has).
   */
  images?: ReadonlyMap<string, ImageFile | Buffer>;
}

/**
 * An issue rendered for the preview, through the issue pipeline: every output build writes, and
 * what the page shows of them; or the one-line error that stops it (a content error, not a bug).
 * `issues`: the workspace's issues, as read on the way.
 */
export async function renderIssueState(
  root: string,
  slug: string,
  now: Date,
  version: string,
  siteGiven: string | undefined,
  places: ImagePlaces = { base: `/${slug}/img/` },
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
    return { state: { version, outputs, ...previewRendering(places, pipeline.issue, workspace.config, outputs, diagnostics, now, siteImages) }, issues };
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
  places: ImagePlaces,
  issue: Issue,
  config: Config,
  outputs: IssueOutputs,
  diagnostics: Diagnostic[],
  now: Date,
  siteImages: { address: string; sitePath: string; name: string; content: Buffer }[],
): { rendering: PreviewRendering; images: Map<string, ImageFile | Buffer> } {
  const status = issueStatus(issue, diagnostics, config, now);
  const images = new Map<string, ImageFile | Buffer>();
  const addresses: Record<string, string> = {};
  // Site images the checkout holds, shown before the site's pull request is deployed.
  siteImages.forEach(({ address, sitePath, name, content }, index) => {
    const served = `site_${index}${name.slice(name.lastIndexOf('.'))}`;
    images.set(served, content);
    addresses[address] = `${places.base}${served}`;
    addresses[sitePath] = `${places.base}${served}`;
  });
  for (const { address, image } of localImagesInEmail(issue, config)) {
    images.set(image.name, image.file);
    const served = `${places.base}${image.name}`;
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
      html: blogPreviewHtml(blog.body, addresses, places.others),
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
  return { rendering, images };
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

import type { Element, Nodes as HastNodes } from 'hast';
import { toHtml } from 'hast-util-to-html';
import type { Diagnostic } from '../diagnostic.js';
import { safeHtmlTree } from '../email/email-blocks.js';
import { parseMarkdown } from '../markdown/markdown.js';
import { EMAIL_CLIP_BYTES } from '../email/render-email.js';
import { errorsAndWarnings, plural } from '../text.js';

/*
 * The preview's page: plain data in, one HTML document out, for the live server and for an
 * export alike (PageLinks says where each finds its files). The page's script
 * (assets/preview/page.js, and live.js on the server) works it; the page reads well without it too.
 */

/** A section as the preview names it: where its problems are grouped and how its heading reads. */
export interface PreviewSection {
  id: string;
  /** Its heading as readers see it, plain text: how the page finds it in the email. */
  heading: string;
  /** The fragment, relative to the workspace. */
  file: string;
}

/** What one good render of an issue shows. */
export interface PreviewRendering {
  inbox: { from: string; subject: string; preheader: string };
  text: string;
  blog: { title: string; byline: string; html: string; hidden: boolean };
  sections: PreviewSection[];
  /**
   * The lint diagnostics of the issue; `inbox` marks those of the subject, preheader and front
   * matter, `block` the words of the block a problem is in (what a click finds in the email).
   */
  diagnostics: (Diagnostic & { inbox?: boolean; block?: string })[];
  /** The address each of the issue's own images has in the email, and where the preview serves it. */
  images: Record<string, string>;
  /** Changes when, and only when, the email's HTML does. */
  emailVersion: string;
  /** The email's HTML, in bytes, against Gmail's clip. */
  emailBytes: number;
  /** Whether the issue can ship (status's verdict, the one readiness), and when it is due. */
  readiness: { ready: boolean; blockers: string[]; date: string; due: string };
}

export interface PreviewView {
  slug: string;
  /** Every issue of the workspace, for the switcher. */
  issues: string[];
  /** Changes with every render, good or failed. */
  version: string;
  /** Why the last render failed; the last good rendering stays on show beneath it. */
  error?: { location: string; message: string; hint?: string };
  rendering?: PreviewRendering;
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);

/** The Content-Security-Policy of the preview's own pages: its script and style, nothing inline. */
export const PAGE_POLICY =
  "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' https: http: data:; connect-src 'self'; frame-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

/**
 * The policy of the rendered email as the preview serves it: its inline styles, remote images
 * and web fonts, and no script at all, as in an inbox.
 */
export const EMAIL_POLICY =
  "default-src 'none'; style-src 'unsafe-inline' https:; img-src 'self' https: http: data:; font-src https: data:; base-uri 'none'; form-action 'none'; frame-ancestors 'self'";

/** Where a page finds its own files and the issue's outputs: the live server's addresses, or an export's relative ones. */
export interface PageLinks {
  /** The page's script and style, in the order they load. */
  scripts: string[];
  style: string;
  /** The email the frames show; `dark`, where dark mode is a file of its own (an export: from file:// the page cannot reach into its frames). */
  email: { light: string; dark?: string };
  /** The raw outputs, by name. */
  raw: [name: string, href: string][];
  /** A policy the page carries itself, for an export, which no server sends with a header. */
  policy?: string;
  /** An export: one issue, no switcher, nothing live. */
  exported: boolean;
}

/** The live server's addresses: its assets at /_preview/, the issue's outputs under /<issue>/. */
export function liveLinks(slug: string): PageLinks {
  return {
    scripts: ['/_preview/page.js', '/_preview/live.js'],
    style: '/_preview/preview.css',
    email: { light: `/${slug}/email.html?shown` },
    raw: ['email.html', 'email.txt', 'email.mjml', 'blog.md'].map((name) => [name, `/${slug}/${name}`]),
    exported: false,
  };
}

export function previewPage(view: PreviewView, links: PageLinks = liveLinks(view.slug)): string {
  const { slug, rendering } = view;
  const errors = rendering?.diagnostics.filter((d) => d.severity === 'error').length ?? 0;
  const warnings = (rendering?.diagnostics.length ?? 0) - errors;
  const status = view.error ? 'Not rendered: the last save has an error' : errorsAndWarnings(errors, warnings);
  const options = view.issues.map((id) => `<option value="${escapeHtml(id)}"${id === slug ? ' selected' : ''}>${escapeHtml(id)}</option>`).join('');
  // The policy first: it governs only what comes after it.
  const policy = links.policy ? `\n<meta http-equiv="Content-Security-Policy" content="${escapeHtml(links.policy)}">` : '';
  const scripts = links.scripts.map((src) => `<script src="${escapeHtml(src)}" defer></script>`).join('\n');
  // An export has no version (the same sources give the same bytes) and nothing to update.
  const data = links.exported ? 'data-static' : `data-version="${escapeHtml(view.version)}" data-email-version="${escapeHtml(rendering?.emailVersion ?? '')}"`;
  const issue = links.exported
    ? `<span class="issue">Issue ${escapeHtml(slug)}</span>`
    : `<label>Issue <select id="issue-switch" aria-label="Issue" data-live>${options}</select></label>`;
  const raw = links.raw.map(([name, href]) => `<a href="${escapeHtml(href)}">${escapeHtml(name)}</a>`).join(' ');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">${policy}
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(slug)} · newsletter preview</title>
<link rel="stylesheet" href="${escapeHtml(links.style)}">
${scripts}
</head>
<body data-issue="${escapeHtml(slug)}" ${data}>
<header class="bar">
  ${issue}
  <p id="status" class="${view.error || errors > 0 ? 'bad' : warnings > 0 ? 'warn' : 'good'}" data-live>${escapeHtml(status)}</p>
  <label class="switch"><input type="checkbox" id="dark"> Dark mode</label>
  <nav class="raw" aria-label="Raw outputs">Raw: ${raw}</nav>
</header>
<div id="error" role="alert" data-live${view.error ? '' : ' hidden'}>${view.error ? errorHtml(view.error, !!rendering) : ''}</div>
${rendering ? renderedHtml(links, rendering) : '<p class="empty">Nothing to show until the issue renders.</p>'}
</body>
</html>
`;
}

function errorHtml(error: NonNullable<PreviewView['error']>, shown: boolean): string {
  const note = shown ? 'Below is the last version that rendered; the page updates at the next good save.' : 'The issue shows here at the next good save.';
  return `<p><strong>${escapeHtml(error.location ? `${error.location}: ` : '')}${escapeHtml(error.message)}</strong></p>${error.hint ? `<p>${escapeHtml(error.hint)}</p>` : ''}<p class="note">${note}</p>`;
}

function renderedHtml(links: PageLinks, rendering: PreviewRendering): string {
  const { inbox, blog } = rendering;
  const { light, dark } = links.email;
  const sources = `src="${escapeHtml(light)}"${dark ? ` data-light-src="${escapeHtml(light)}" data-dark-src="${escapeHtml(dark)}"` : ''}`;
  const frame = (id: string, width: number, label: string) =>
    `<figure class="device ${id}"><figcaption>${label}</figcaption><iframe id="${id}" name="${id}" class="email" ${sources} width="${width}" title="The email, ${label.toLowerCase()}" sandbox="allow-same-origin allow-popups allow-popups-to-escape-sandbox"></iframe></figure>`;
  return `<section id="inbox" class="inbox" aria-label="As the inbox lists it" data-live>
  <span class="from">${escapeHtml(inbox.from)}</span>
  <span class="subject">${escapeHtml(inbox.subject)}</span>
  <span class="preheader">${escapeHtml(inbox.preheader)}</span>
</section>
<div class="layout">
<main>
<nav class="tabs" role="tablist">
  <button role="tab" data-tab="email" aria-selected="true">Email</button>
  <button role="tab" data-tab="text" aria-selected="false">Plain text</button>
  <button role="tab" data-tab="blog" aria-selected="false">Blog post</button>
</nav>
<section id="tab-email" class="panel" role="tabpanel">
${frame('phone', 375, 'Phone, 375 px')}
${frame('desktop', 800, 'Desktop, 800 px')}
</section>
<section id="tab-text" class="panel" role="tabpanel" hidden><pre id="text" data-live>${escapeHtml(rendering.text)}</pre></section>
<section id="tab-blog" class="panel" role="tabpanel" hidden><article id="blog" class="post" data-live>${blogHtml(blog)}</article></section>
</main>
<aside id="problems" aria-label="Can it ship, and its problems" data-live>${shipHtml(rendering)}${problemsHtml(rendering)}</aside>
</div>
<script type="application/json" id="images" data-live>${scriptJson(rendering.images)}</script>`;
}

/** JSON inside a script element, which HTML does not unescape: no `<` can close it early. */
function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

function blogHtml(blog: PreviewRendering['blog']): string {
  const hidden = blog.hidden ? '<p class="note">hidePost is true: the site lists this post nowhere.</p>' : '';
  return `${hidden}<h1>${escapeHtml(blog.title)}</h1><p class="byline">${escapeHtml(blog.byline)}</p>${blog.html}`;
}

/** The editor's questions first: can it ship, when is it due, does the email fit Gmail. */
function shipHtml(rendering: PreviewRendering): string {
  const { readiness, emailBytes } = rendering;
  const kb = (bytes: number) => `${(bytes / 1024).toFixed(0)} KB`;
  const size = `<p>Email ${kb(emailBytes)} of HTML; Gmail clips past ${kb(EMAIL_CLIP_BYTES)}.</p>`;
  // An export leaves out how far off that is: it would change from one day to the next.
  const due = `<p>Due ${escapeHtml(readiness.date)}${readiness.due ? ` (${escapeHtml(readiness.due)})` : ''}.</p>`;
  if (readiness.ready) return `<h2 class="good">Ready to ship</h2>${due}${size}`;
  const blockers = readiness.blockers.map((b) => `<li>${escapeHtml(b)}</li>`).join('');
  return `<h2 class="bad">Not ready: ${plural(readiness.blockers.length, 'blocker')}</h2>${due}${size}<details><summary>What stands in the way</summary><ul class="blockers">${blockers}</ul></details>`;
}

/** Problems grouped as the issue reads: the issue's own file first, then each section, then the rest. */
function problemsHtml(rendering: PreviewRendering): string {
  const { diagnostics, sections } = rendering;
  if (diagnostics.length === 0) return '<h2>Problems</h2><p class="good">None: lint finds nothing in this issue.</p>';
  const groups = new Map<string, { title: string; section?: PreviewSection; items: PreviewRendering['diagnostics'] }>();
  for (const section of sections) groups.set(section.file, { title: section.heading, section, items: [] });
  for (const d of diagnostics) {
    if (!groups.has(d.file)) groups.set(d.file, { title: d.file.endsWith('issue.md') ? 'The issue (subject, preheader, intro)' : d.file, items: [] });
    groups.get(d.file)!.items.push(d);
  }
  const ordered = [...groups.values()].filter((g) => g.items.length > 0).sort((a, b) => Number(!!a.section) - Number(!!b.section));
  const list = ordered
    .map((group) => {
      const items = group.items
        .map((d) => {
          const target = d.inbox
            ? ' data-target="inbox"'
            : group.section
              ? ` data-heading="${escapeHtml(group.section.heading)}"${d.block ? ` data-block="${escapeHtml(d.block)}"` : ''}`
              : '';
          const where = `${d.file}:${d.line}:${d.column}`;
          return `<li class="problem-${d.severity}"><button type="button" class="problem"${target}><span class="where">${escapeHtml(where)}</span> <span class="severity">${d.severity === 'error' ? 'error' : 'warning'}</span> ${escapeHtml(d.message)}${d.ruleId ? ` <span class="rule">${escapeHtml(d.ruleId)}</span>` : ''}</button>${d.hint ? `<p class="hint">${escapeHtml(d.hint)}</p>` : ''}</li>`;
        })
        .join('');
      return `<section class="group"><h3>${escapeHtml(group.title)}</h3><ul>${items}</ul></section>`;
    })
    .join('');
  return `<h2>Problems <span class="count">${diagnostics.length}</span></h2>${list}`;
}

/**
 * The blog post's Markdown body as the site shows it: raw HTML parsed and allowlisted as for
 * the email (no script reaches the preview), the issue's own images shown from the preview
 * (`images`: their address in the post, and where the preview serves them). `otherImages`, for
 * an export, which asks nothing outside its folder: what every other image shows instead.
 */
export function blogPreviewHtml(body: string, images: Record<string, string>, otherImages?: string): string {
  const hast = safeHtmlTree(parseMarkdown(body).tree);
  const visit = (node: HastNodes): void => {
    if (node.type === 'element' && (node as Element).tagName === 'img') {
      const src = String((node as Element).properties.src ?? '');
      if (Object.hasOwn(images, src)) (node as Element).properties.src = images[src];
      else if (otherImages !== undefined && !src.startsWith('data:')) (node as Element).properties.src = otherImages;
    }
    if ('children' in node) for (const child of node.children) visit(child as HastNodes);
  };
  visit(hast);
  return toHtml(hast);
}

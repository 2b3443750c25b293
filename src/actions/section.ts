import { join } from 'node:path';
import type { Context } from '../context.js';
import { CliError, usageError } from '../errors.js';
import { EVENTS_SECTION, isSectionId } from '../core/config/config.js';
import { parseIssue } from '../core/issue/issue.js';
import { ownSection, scaffoldFragment, withSectionOrder } from '../core/issue/scaffold.js';
import { LIMITS } from '../core/limits.js';
import { closest } from '../core/suggest.js';
import { readFileBytes, writeFilesAtomically } from '../io/files.js';
import { readIssueSources } from '../io/workspace.js';
import { openNamedIssue } from '../pipeline.js';

export interface SectionAddOptions {
  id: string;
  issue?: string;
  heading?: string;
  owner?: string;
  /** A section of the issue's own: its tagline (shown when the issue's headings carry taglines), and whether lint requires it written. */
  tagline?: string;
  required?: boolean;
  /** Where it goes in the reading order: after or before another section; by default before the events, else last. */
  after?: string;
  before?: string;
}

export interface SectionAddResult {
  issue: string;
  file: string;
  order: string[];
  /** Whether the section is one of config's, or this issue's own. */
  own: boolean;
}

/**
 * Adds a section to an issue: its fragment, with its owner and guide, and its place in the
 * reading order, which issue.md then holds as one visible list (`sections:`). Never replaces a
 * fragment; both files are written at once or not at all.
 */
export async function addSection(ctx: Pick<Context, 'cwd'> & Partial<Pick<Context, 'stderr'>>, options: SectionAddOptions): Promise<SectionAddResult> {
  if (!isSectionId(options.id)) {
    throw usageError(
      `"${options.id}" is not a section id.`,
      'A section id is lower-case words joined by hyphens, such as summit-spotlight (it names the file: summit-spotlight.md).',
    );
  }
  // Each is written into the fragment's guide comment, where a --> would end it and let the rest reach readers.
  for (const [flag, value] of [
    ['--heading', options.heading],
    ['--owner', options.owner],
    ['--tagline', options.tagline],
  ] as const) {
    const marker = value === undefined ? null : /<!--|--!?>/.exec(value);
    if (marker)
      throw usageError(
        `${flag} holds "${marker[0]}", which would end the comment that holds the section's guide; nothing was changed.`,
        `Write ${flag} without <!-- or -->.`,
      );
  }
  const { workspace, id } = await openNamedIssue(ctx.cwd, options.issue, undefined, ctx.stderr);
  const { root, config } = workspace;
  const sources = await readIssueSources(root, id);
  const issue = parseIssue(sources, config);
  const file = `sections/${id.slug}/${options.id}.md`;
  if (issue.fragments.some((f) => f.id === options.id))
    throw new CliError(`${file} is there already; nothing was changed.`, { file, hint: 'Edit it, or give the new section another id.' });
  const order = issue.fragments.map((f) => f.id);
  for (const [flag, other] of [
    ['--after', options.after],
    ['--before', options.before],
  ] as const) {
    if (other !== undefined && !order.includes(other)) {
      const near = closest(other, order);
      throw usageError(`${flag} ${other}: this issue has no such section.`, `${near ? `Did you mean ${near}? ` : ''}Its sections: ${order.join(', ')}.`);
    }
  }
  const place =
    options.after !== undefined
      ? order.indexOf(options.after) + 1
      : options.before !== undefined
        ? order.indexOf(options.before)
        : order.includes(EVENTS_SECTION)
          ? order.indexOf(EVENTS_SECTION)
          : order.length;
  order.splice(place, 0, options.id);

  const configured = config.sections.find((s) => s.id === options.id);
  const section = configured
    ? { ...configured, ...(options.owner ? { owner: options.owner } : {}), ...(options.heading ? { heading: options.heading } : {}) }
    : ownSection(options.id, options.heading, options.owner, { tagline: options.tagline, required: options.required });
  const fragment = scaffoldFragment(section, issue.taglines, undefined, !configured || options.heading !== undefined);
  const issuePath = issue.path ?? `sections/${id.slug}/issue.md`;
  // Edited as written: the sources' text has LF line ends and no byte order mark, which the
  // file keeps (an editor on Windows wrote them).
  const issueText = sources.issueFile
    ? readFileBytes(join(root, issuePath), issuePath, { within: root, maxBytes: LIMITS.fragmentBytes }).toString('utf8')
    : '---\n---\n';
  await writeFilesAtomically([
    { path: join(root, file), content: fragment },
    { path: join(root, issuePath), content: withSectionOrder(issueText, order, issuePath) },
  ]);
  return { issue: id.slug, file, order, own: !configured };
}

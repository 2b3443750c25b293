import { join } from 'node:path';
import type { Context } from '../context.js';
import { CliError, usageError } from '../errors.js';
import { EVENTS_SECTION } from '../core/config/config.js';
import { openDeadlines, type IssueEvent } from '../core/events/events.js';
import { eventsFromProse, withEventsData, type ProseConversion } from '../core/events/events-from-prose.js';
import { parseSourceParts } from '../core/issue/front-matter.js';
import { issueDateOf, parseIssue } from '../core/issue/issue.js';
import { writeFilesAtomically } from '../io/files.js';
import { readIssueSources } from '../io/workspace.js';
import { openNamedIssue } from '../pipeline.js';

export interface EventsOptions {
  issue?: string;
  /** Turn the events section's prose into `events:` data, where it can with certainty. */
  toData?: boolean;
  dryRun?: boolean;
}

export interface EventsResult {
  issue: string;
  /** The issue's events as data, by fragment, in the order of their dates. */
  events: (IssueEvent & { open: number; closed: number })[];
  /** With --to-data: the fragment, what became data and what stayed prose; `written` unless --dry-run or nothing changed. */
  conversion?: { file: string; converted: ProseConversion['events']; left: ProseConversion['left']; written: boolean };
}

/**
 * An issue's events as data (the latest issue by default), and with --to-data the events
 * section's prose turned into `events:` where every line of an event is read with certainty.
 */
export async function events(ctx: Pick<Context, 'cwd'> & Partial<Pick<Context, 'stderr'>>, options: EventsOptions): Promise<EventsResult> {
  const { workspace, id } = await openNamedIssue(ctx.cwd, options.issue, undefined, ctx.stderr);
  const { root, config } = workspace;
  const sources = await readIssueSources(root, id);
  let issue = parseIssue(sources, config);
  const result: EventsResult = { issue: id.slug, events: [] };
  if (options.toData) {
    const fragment = issue.fragments.find((f) => f.id === EVENTS_SECTION);
    if (!fragment)
      throw usageError(
        `${id.slug} has no ${EVENTS_SECTION} section (sections/${id.slug}/${EVENTS_SECTION}.md).`,
        'Add one with newsletter new, or write its events: by hand.',
      );
    if (fragment.parts.data.events !== undefined) {
      throw new CliError('this section already has events: as data; --to-data adds to a section without any.', {
        kind: 'usage',
        file: fragment.path,
        line: 1,
        hint: 'Move the rest of its events into events: by hand.',
      });
    }
    const conversion = eventsFromProse(fragment.parts.body, fragment.parts.bodyLine, issueDateOf(issue));
    const written = conversion.events.length > 0 && !options.dryRun;
    if (written) {
      const text = withEventsData(
        fragment.parts.matter,
        fragment.parts.hasFrontMatter,
        conversion.events.map(({ line: _line, ...event }) => event),
        conversion.body,
      );
      // What this writes must read back as what it converted: parsed again before anything is written.
      parseSourceParts(text, fragment.path);
      await writeFilesAtomically([{ path: join(root, fragment.path), content: text }]);
      issue = parseIssue(await readIssueSources(root, id), config);
    }
    result.conversion = { file: fragment.path, converted: conversion.events, left: conversion.left, written };
  }
  const issueDate = issueDateOf(issue);
  result.events = issue.fragments
    .flatMap((f) => f.events)
    .map((event) => {
      const open = openDeadlines(event, issueDate).length;
      return { ...event, open, closed: event.deadlines.length - open };
    });
  return result;
}

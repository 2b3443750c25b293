import type { ChalkInstance } from 'chalk';
import type { StatusFormat } from '../actions/status.js';
import type { Context } from '../context.js';
import { whenDue, type IssueStatus, type SectionState, type SectionStatus } from '../core/issue/readiness.js';
import { markdownCell, plural, printable, printableJson } from '../core/text.js';
import { paint, SHOWN_BLOCKERS } from './output.js';
import type { Printer } from '../commands/spec.js';
import type command from '../commands/status.js';

/** Prints an issue's status on stdout in the chosen format. */
export function printStatus(ctx: Pick<Context, 'stdout' | 'color'>, status: IssueStatus, format: StatusFormat): void {
  if (format === 'json') ctx.stdout.write(`${printableJson(statusJson(status), 2)}\n`);
  else if (format === 'markdown') ctx.stdout.write(statusMarkdown(status));
  else ctx.stdout.write(statusText(status, paint(ctx)));
}

/** The JSON contract of `status --format json` (see the README). */
export function statusJson(status: IssueStatus) {
  return {
    issue: status.issue,
    date: status.date,
    daysLeft: status.daysLeft,
    subject: status.subject,
    preheader: status.preheader,
    ready: status.ready,
    blockers: status.blockers,
    sections: status.sections.map((s) => ({
      id: s.id,
      heading: s.heading,
      owner: s.owner ?? null,
      state: s.state,
      words: s.words,
      errors: s.errors,
      warnings: s.warnings,
      file: s.file,
    })),
    errors: status.errors,
    warnings: status.warnings,
    words: status.words,
  };
}

const STATE_COLOUR: Record<SectionState, keyof Pick<ChalkInstance, 'red' | 'yellow' | 'green'>> = {
  missing: 'red',
  empty: 'yellow',
  draft: 'yellow',
  ready: 'green',
};

function statusText(status: IssueStatus, c: ChalkInstance): string {
  const header = ['section', 'heading', 'owner', 'state', 'words', 'errors', 'warnings'];
  const rows = status.sections.map((s) => [
    printable(s.id),
    printable(s.heading),
    printable(s.owner ?? '-'),
    s.state,
    String(s.words),
    String(s.errors),
    String(s.warnings),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => [...row[i]!].length)));
  // Text columns to the left, counts to the right; the last column carries no trailing spaces.
  const cell = (text: string, i: number) =>
    i >= 4 ? text.padStart(widths[i]!) : i === header.length - 1 ? text : text + ' '.repeat(widths[i]! - [...text].length);
  const lines = [c.bold(`${status.issue}`), `  ${header.map((h, i) => c.dim(cell(h, i))).join('  ')}`];
  status.sections.forEach((s, r) => {
    lines.push(`  ${rows[r]!.map((text, i) => (i === 3 ? c[STATE_COLOUR[s.state]](cell(text, i)) : cell(text, i))).join('  ')}`);
  });
  lines.push(
    '',
    `  date       ${status.date} (${whenDue(status.daysLeft)})`,
    `  subject    ${printable(status.subject)}`,
    `  preheader  ${printable(status.preheader)}`,
    `  total      ${plural(status.words, 'word')}, ${plural(status.errors, 'error')}, ${plural(status.warnings, 'warning')}`,
    '',
  );
  if (status.ready) lines.push(c.green(`ready: ${status.issue} can ship.`));
  else {
    lines.push(c.red(`not ready: ${plural(status.blockers.length, 'thing')} in the way`));
    for (const blocker of status.blockers.slice(0, SHOWN_BLOCKERS)) lines.push(`  - ${printable(blocker)}`);
    if (status.blockers.length > SHOWN_BLOCKERS)
      lines.push(`  and ${status.blockers.length - SHOWN_BLOCKERS} more: run newsletter lint ${status.issue} to see every problem.`);
  }
  return `${lines.join('\n')}\n`;
}

/** An owner written as a GitHub handle (`@jdoe`) stays one, so the summary mentions them; anyone else is plain text. */
function ownerCell(owner: string | undefined): string {
  if (owner === undefined) return '';
  return /^@[A-Za-z0-9](?:-?[A-Za-z0-9]){0,38}$/.test(owner) ? owner : markdownCell(owner);
}

function statusMarkdown(status: IssueStatus): string {
  const lines = [
    `### ${markdownCell(status.issue)}: ${status.ready ? 'ready' : 'not ready'}`,
    '',
    '| Section | Owner | State | Words | Errors | Warnings |',
    '|---|---|---|---:|---:|---:|',
    ...status.sections.map(
      (s: SectionStatus) => `| ${markdownCell(s.heading)} (\`${s.id}\`) | ${ownerCell(s.owner)} | ${s.state} | ${s.words} | ${s.errors} | ${s.warnings} |`,
    ),
    '',
    `**Date:** ${status.date} (${whenDue(status.daysLeft)}) · **Subject:** ${markdownCell(status.subject)} · **Preheader:** ${markdownCell(status.preheader)}`,
    '',
    `**Total:** ${plural(status.words, 'word')}, ${plural(status.errors, 'error')}, ${plural(status.warnings, 'warning')}`,
    '',
  ];
  if (!status.ready) {
    lines.push('**In the way:**', '', ...status.blockers.slice(0, SHOWN_BLOCKERS).map((b) => `- ${markdownCell(b)}`));
    if (status.blockers.length > SHOWN_BLOCKERS)
      lines.push(`- and ${status.blockers.length - SHOWN_BLOCKERS} more: run \`newsletter lint ${status.issue}\` to see every problem.`);
    lines.push('');
  }
  return `${lines.join('\n')}\n`;
}

export const print: Printer<typeof command> = (ctx, result, { flags }) => printStatus(ctx, result, flags.format);

/**
 * Small string helpers written as loops where a regular expression would backtrack: an
 * anchored class such as /[\s:]+$/ tries every start in a long run of those characters, which
 * costs the square of the run's length.
 */

/** `text` without the characters of `strip` at its end. */
export function trimEndOf(text: string, strip: (char: string) => boolean): string {
  let end = text.length;
  while (end > 0 && strip(text[end - 1]!)) end--;
  return text.slice(0, end);
}

/** `text` without the characters of `strip` at its start. */
export function trimStartOf(text: string, strip: (char: string) => boolean): string {
  let start = 0;
  while (start < text.length && strip(text[start]!)) start++;
  return text.slice(start);
}

/** Each run of white space that holds a line break becomes one space (what /\s*\n\s*\/g did, in one pass). */
export function joinLines(text: string): string {
  return text.includes('\n') ? text.replace(/\s+/g, (run) => (run.includes('\n') ? ' ' : run)) : text;
}

/**
 * Text from content, made safe to print on a terminal or in a CI log: control characters
 * (escape sequences could move the cursor, recolour or rewrite the screen, or set a terminal's
 * title), bidirectional overrides and line separators become `?`; a tab or line break becomes a
 * space, since every message is one line.
 */
const UNPRINTABLE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069]/g;

export function printable(text: string): string {
  return text.replace(/[\t\n]/g, ' ').replace(UNPRINTABLE, '?');
}

/**
 * Text without C0 and C1 control characters (tab and line ends kept): no output holds one. In
 * HTML they do nothing; in the plain text, shown in a terminal, ESC starts a sequence that acts
 * on it. paste-residue reports each at its line.
 */
export function withoutControls(text: string): string {
  return text.replace(CONTROLS, '');
}
const CONTROLS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g;

/**
 * A patch (`lint --fix-dry-run`'s) made safe to print as `printable` makes text, line by line,
 * but for what `git apply` reads: tabs, and the CR of a CRLF line end, are kept. `replaced`
 * counts the characters that became `?`: when any did, the patch as printed no longer applies.
 */
export function printablePatch(patch: string): { text: string; replaced: number } {
  let replaced = 0;
  const hide = () => {
    replaced++;
    return '?';
  };
  const text = patch
    .split('\n')
    .map((line) => {
      const end = line.endsWith('\r') ? '\r' : '';
      return line.slice(0, line.length - end.length).replace(UNPRINTABLE, hide) + end;
    })
    .join('\n');
  return { text, replaced };
}

/**
 * JSON as JSON.stringify writes it, but for the characters `printable` hides, which it leaves raw
 * (C1 controls such as U+009B, a CSI to some terminals; bidirectional overrides): written as
 * `\u` escapes, the same JSON to a reader, nothing a terminal acts on.
 */
export function printableJson(value: unknown, indent?: number): string {
  return JSON.stringify(value, null, indent).replace(UNPRINTABLE, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** "1 error", "2 errors": a count and its noun. */
export function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

/** "2 errors, 1 warning": the counts every report of diagnostics gives. */
export function errorsAndWarnings(errors: number, warnings: number): string {
  return `${plural(errors, 'error')}, ${plural(warnings, 'warning')}`;
}

/**
 * Text for a Markdown table cell: printable, one line, and nothing in it may open markup, an
 * entity or an image, or end the cell; nor mention anyone: an `@` is followed by a zero-width
 * space, which GitHub does not read as a mention (a summary must not notify a stranger).
 */
export function markdownCell(text: string): string {
  return printable(text)
    .replace(/[\\`*_[\]<>|#~&!]/g, (ch) => `\\${ch}`)
    .replace(/@/g, '@\u200b');
}

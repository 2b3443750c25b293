/**
 * `lint --fix`: the edits rules declare certain, applied to a file's text. ESLint's way: each
 * fix replaces one range; fixes that overlap one already taken wait for the next run, and a fix
 * whose range no longer holds the text the rule saw (the file changed since) is not applied.
 */

export interface Fix {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  /** The text the rule saw in the range, which must still be there. */
  original: string;
  /** What replaces it. */
  text: string;
}

export interface FixedText {
  text: string;
  /** The fixes applied, in the order of the file. */
  applied: Fix[];
}

/**
 * Offsets of each line's start in `text`, counted as lint counted them: the text it read had its
 * byte order mark dropped and every CRLF and lone CR made an LF (io/files.ts readTextFile), so a
 * lone CR ends a line here too, and line 1 starts after the mark. No line then holds a CR, and
 * columns within a line are the same in both texts.
 */
function lineStarts(text: string): number[] {
  const starts = [text.startsWith('\uFEFF') ? 1 : 0];
  for (const end of text.matchAll(/\r\n?|\n/g)) starts.push(end.index + end[0].length);
  return starts;
}

/** A range of the file as lint read it: its line ends as LF. */
const asRead = (slice: string) => slice.replace(/\r\n?/g, '\n');

export function applyFixes(source: string, fixes: readonly Fix[]): FixedText {
  const starts = lineStarts(source);
  const offset = (line: number, column: number) => (starts[line - 1] ?? Number.NaN) + column - 1;
  const placed = fixes
    .map((fix) => ({ fix, start: offset(fix.line, fix.column), end: offset(fix.endLine, fix.endColumn) }))
    .filter(({ fix, start, end }) => Number.isInteger(start) && Number.isInteger(end) && start <= end && asRead(source.slice(start, end)) === fix.original)
    .sort((a, b) => a.start - b.start || a.end - b.end);
  const applied: typeof placed = [];
  for (const one of placed) {
    const last = applied.at(-1);
    if (last && one.start < last.end) continue;
    applied.push(one);
  }
  let text = '';
  let at = 0;
  for (const { fix, start, end } of applied) {
    // A fix across a line end writes the file's own line end, as the range it replaces had it.
    const lineEnd = /\r\n?|\n/.exec(source.slice(start, end))?.[0] ?? '\n';
    text += source.slice(at, start) + fix.text.replace(/\n/g, lineEnd);
    at = end;
  }
  return { text: text + source.slice(at), applied: applied.map(({ fix }) => fix) };
}

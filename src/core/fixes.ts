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

/** Offsets of each line's start in `text` (lines end at \n; a \r before it stays in the line). */
function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

export function applyFixes(source: string, fixes: readonly Fix[]): FixedText {
  const starts = lineStarts(source);
  const offset = (line: number, column: number) => (starts[line - 1] ?? Number.NaN) + column - 1;
  const placed = fixes
    .map((fix) => ({ fix, start: offset(fix.line, fix.column), end: offset(fix.endLine, fix.endColumn) }))
    .filter(({ fix, start, end }) => Number.isInteger(start) && Number.isInteger(end) && start <= end && source.slice(start, end) === fix.original)
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
    text += source.slice(at, start) + fix.text;
    at = end;
  }
  return { text: text + source.slice(at), applied: applied.map(({ fix }) => fix) };
}

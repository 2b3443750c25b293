import { isScalar, LineCounter, parseDocument } from 'yaml';
import { parseYamlData, YAML_OPTIONS } from '../core/issue/front-matter.js';
import type { Report } from './types.js';

type FixEdit = NonNullable<Report['fix']>;

/**
 * A rule's fix in a front matter value, made into one that keeps what the front matter means,
 * or none. A fix sees the value as text; YAML reads its source: a zero-width space removed
 * before `*` leaves an alias, `&nbsp;` made a space before `#` starts a comment, before `: ` a
 * mapping. So the fix replaces the whole scalar, as written with the edit when that still
 * parses to the value meant, else quoted; the front matter is parsed again either way, and a
 * fix it would not read as meant is not offered. Replacing the whole scalar also keeps two fixes
 * of one value from being applied together (the second waits for the next run), each checked
 * alone. `line`..`endColumn`: the reported range in the file; `valueColumn`: where the value's
 * first line starts on its line (the column of the doc the rule read).
 */
export function frontMatterFix(
  matter: string,
  key: string,
  valueColumn: number,
  at: { line: number; column: number; endLine: number; endColumn: number },
  fix: FixEdit,
): FixEdit | undefined {
  if (at.endLine !== at.line) return undefined;
  const path = key.split('.');
  let data: unknown;
  try {
    data = parseYamlData(matter);
  } catch {
    return undefined;
  }
  const before = valueAt(data, path);
  if (typeof before !== 'string') return undefined;
  // What the rule meant: the value, its range replaced (a value written with escapes may not line up: no fix).
  const offset = at.column - valueColumn;
  if (offset < 0 || before.slice(offset, offset + fix.original.length) !== fix.original) return undefined;
  const meant = before.slice(0, offset) + fix.text + before.slice(offset + fix.original.length);

  const lineCounter = new LineCounter();
  const node = parseDocument(matter, { ...YAML_OPTIONS, lineCounter }).getIn(path, true);
  if (!isScalar(node) || !node.range) return undefined;
  const from = lineCounter.linePos(node.range[0]);
  const to = lineCounter.linePos(node.range[1]);
  // A scalar over several lines (folded, or a long quoted one) is left to the writer.
  if (from.line !== at.line || to.line !== at.line || at.column < from.col || at.endColumn > to.col) return undefined;
  const lines = matter.split('\n');
  const lineText = lines[at.line - 1]!;
  const written = lineText.slice(from.col - 1, to.col - 1);
  const edited = written.slice(0, at.column - from.col) + fix.text + written.slice(at.endColumn - from.col);
  const expected = JSON.stringify(withValueAt(data, path, meant));
  const readsAsMeant = (scalar: string): boolean => {
    const text = [...lines.slice(0, at.line - 1), lineText.slice(0, from.col - 1) + scalar + lineText.slice(to.col - 1), ...lines.slice(at.line)].join('\n');
    try {
      return JSON.stringify(parseYamlData(text)) === expected;
    } catch {
      return false;
    }
  };
  const range = { line: at.line, column: from.col, endLine: at.line, endColumn: to.col };
  // JSON's string is a YAML double-quoted scalar.
  for (const scalar of [edited, JSON.stringify(meant)]) if (readsAsMeant(scalar)) return { original: written, text: scalar, at: range };
  return undefined;
}

function valueAt(data: unknown, path: string[]): unknown {
  let value = data;
  for (const key of path)
    value = typeof value === 'object' && value !== null && Object.hasOwn(value, key) ? (value as Record<string, unknown>)[key] : undefined;
  return value;
}

function withValueAt(data: unknown, path: string[], value: string): unknown {
  if (path.length === 0) return value;
  const [key, ...rest] = path;
  const record = data as Record<string, unknown>;
  return { ...record, [key!]: withValueAt(record[key!], rest, value) };
}

import {
  isMap,
  isScalar,
  isSeq,
  LineCounter,
  parseDocument,
  YAMLError,
  YAMLParseError,
  type DocumentOptions,
  type ParseOptions,
  type SchemaOptions,
  type ToJSOptions,
} from 'yaml';
import { CliError } from '../../errors.js';
import { daysInMonth } from '../dates/dates.js';
import { monthName } from './slug.js';

/** A Markdown file split into its YAML front matter and its body. */
export interface SourceParts {
  data: Record<string, unknown>;
  /** The front matter's YAML text, as written (empty when there is none). */
  matter: string;
  hasFrontMatter: boolean;
  body: string;
  /** The file line on which the body starts (1-based). */
  bodyLine: number;
  /** The file line of each front matter key, by its path (`seo.twitterUsername` for nested ones). */
  keyLines: Record<string, number>;
}

/**
 * How every YAML text of a workspace is read (front matter and config): YAML 1.2's core schema
 * (dates stay strings as written), no duplicate keys, no custom tags, and no aliases, which
 * front matter has no use for and which can multiply a small file into gigabytes.
 */
export const YAML_OPTIONS: ParseOptions & DocumentOptions & SchemaOptions & ToJSOptions = {
  uniqueKeys: true,
  schema: 'core',
  customTags: [],
  maxAliasCount: 0,
  prettyErrors: true,
  logLevel: 'silent',
};

/**
 * Parses one YAML text into plain data. Throws YAMLParseError for a syntax error and for what
 * YAML would only warn about (an unknown tag, a directive): anything not plain data is refused.
 */
export function parseYamlData(text: string): unknown {
  return readYaml(text).data;
}

/** parseYamlData, and the line of each key (see SourceParts.keyLines). */
function readYaml(text: string): { data: unknown; keyLines: Record<string, number> } {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { ...YAML_OPTIONS, lineCounter });
  const problem = doc.errors[0] ?? doc.warnings[0];
  if (problem) throw problem;
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: 0 });
  } catch {
    // toJS refuses aliases with a ReferenceError; report it as YAML reports its errors.
    throw new YAMLParseError([0, 1], 'BAD_ALIAS', 'aliases (*name) are not read here; write the value out');
  }
  return { data: asData(data, 0), keyLines: keyLinesOf(doc.contents, lineCounter) };
}

/**
 * The line of every string key of nested mappings, by path, and of every item of a list, by
 * its index (`events.0.start`); the first of a repeated key.
 */
function keyLinesOf(contents: unknown, lineCounter: LineCounter): Record<string, number> {
  const lines = Object.create(null) as Record<string, number>;
  const walk = (node: unknown, prefix: string, depth: number): void => {
    if (depth > MAX_YAML_DEPTH) return;
    if (isSeq(node) && prefix !== '') {
      node.items.forEach((item, index) => {
        const offset = (item as { range?: [number, number, number] } | null)?.range?.[0];
        if (offset !== undefined) lines[`${prefix}.${index}`] ??= lineCounter.linePos(offset).line;
        walk(item, `${prefix}.${index}`, depth + 1);
      });
      return;
    }
    if (!isMap(node)) return;
    for (const pair of node.items) {
      const key = isScalar(pair.key) ? pair.key.value : undefined;
      const offset = isScalar(pair.key) ? pair.key.range?.[0] : undefined;
      if (typeof key !== 'string' || offset === undefined) continue;
      const path = prefix === '' ? key : `${prefix}.${key}`;
      lines[path] ??= lineCounter.linePos(offset).line;
      walk(pair.value, path, depth + 1);
    }
  };
  walk(contents, '', 0);
  return lines;
}

/**
 * The key lines of front matter that is not valid YAML, as far as YAML can tell, so that
 * problems found in the rest of the file still point at their line.
 */
export function looseKeyLines(matterText: string): Record<string, number> {
  const lineCounter = new LineCounter();
  return keyLinesOf(parseDocument(matterText, { ...YAML_OPTIONS, lineCounter }).contents, lineCounter);
}

/** Deeper than this, YAML is not front matter or config but a way to exhaust the stack. */
const MAX_YAML_DEPTH = 20;

/**
 * Mappings become objects without a prototype, so that a key named `__proto__`, `toString` or
 * `valueOf` is only ever a key: nothing reading the data can reach Object.prototype through it.
 */
function asData(value: unknown, depth: number): unknown {
  if (typeof value !== 'object' || value === null) return value;
  if (depth > MAX_YAML_DEPTH) throw new YAMLParseError([0, 1], 'RESOURCE_EXHAUSTION', `values are nested more than ${MAX_YAML_DEPTH} levels deep`);
  if (Array.isArray(value)) return value.map((item) => asData(item, depth + 1));
  const out = Object.create(null) as Record<string, unknown>;
  for (const [key, item] of Object.entries(value)) {
    Object.defineProperty(out, key, { value: asData(item, depth + 1), enumerable: true, writable: true, configurable: true });
  }
  return out;
}

/**
 * Front matter is YAML between a first line of `---` (or `---yaml`, which names YAML) and the
 * next line of `---`. A first line such as `---js` or `---json` names another language: front
 * matter in any language but YAML is refused, never evaluated. A first line of four or more
 * dashes is a Markdown rule, not front matter.
 */
const OPENING = /^---(?:[ \t]*|[ \t]*ya?ml[ \t]*)(?:\n|$)/i;
const OTHER_LANGUAGE = /^---[ \t]*([A-Za-z]\S*)/;
const CLOSING = /^---[ \t]*$/m;

/**
 * Splits and parses front matter. Throws a CliError naming the file and line when it cannot be
 * read. The text may come as an editor saved it: a byte order mark and CRLF or CR line ends are
 * read as LF (and `body` has LF line ends).
 */
export function parseSourceParts(written: string, file: string): SourceParts {
  const text = written.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const language = OTHER_LANGUAGE.exec(text.slice(0, 64));
  if (language && !OPENING.test(text)) {
    throw new CliError(`front matter must be YAML; "---${language[1]!.slice(0, 20)}" names another language.`, {
      file,
      line: 1,
      hint: 'Start the file with a line of just --- and write the front matter as YAML.',
    });
  }
  if (!OPENING.test(text)) return { data: {}, matter: '', hasFrontMatter: false, body: text, bodyLine: 1, keyLines: {} };
  const afterOpening = text.indexOf('\n') === -1 ? text.length : text.indexOf('\n') + 1;
  const rest = text.slice(afterOpening);
  const close = CLOSING.exec(rest);
  if (!close) {
    throw new CliError('the front matter that starts on line 1 has no closing --- line.', {
      file,
      line: 1,
      hint: 'Add a line with --- where the front matter ends, before the Markdown.',
    });
  }
  // Kept with the newline that ends the opening line, so that line N of this text is line N of the file.
  const matterText = `\n${rest.slice(0, close.index).replace(/\n$/, '')}`;
  const lineEnd = rest.indexOf('\n', close.index);
  const body = lineEnd === -1 ? '' : rest.slice(lineEnd + 1);
  let data: unknown;
  let keyLines: Record<string, number> = {};
  try {
    if (matterText.trim() === '') data = {};
    else ({ data, keyLines } = readYaml(matterText));
  } catch (error) {
    throw frontMatterError(error, file);
  }
  if (data === null || data === undefined) data = {};
  if (typeof data !== 'object' || Array.isArray(data)) {
    throw new CliError('front matter must be a mapping of keys to values.', {
      file,
      line: 2,
      hint: 'Write it as lines of "key: value" between the two --- lines.',
    });
  }
  return {
    data: data as Record<string, unknown>,
    matter: matterText,
    hasFrontMatter: true,
    body,
    bodyLine: countLines(text.slice(0, text.length - body.length)),
    keyLines,
  };
}

function frontMatterError(error: unknown, file: string): CliError {
  if (error instanceof YAMLError) {
    const where = error.linePos?.[0];
    // The front matter text starts with the newline of the opening ---: its line N is the file's line N.
    const reason = error.message.split('\n')[0]?.replace(/ at line \d+, column \d+:?$/, '') ?? 'invalid YAML';
    return new CliError(`front matter is not valid YAML: ${reason}.`, {
      file,
      line: where?.line,
      column: where?.col,
      hint: 'Check the quotes, colons and indentation of that line; a value with ": " in it needs quotes.',
    });
  }
  const message = error instanceof Error ? error.message : String(error);
  return new CliError(`front matter cannot be read: ${message.split('\n')[0]}.`, { file, line: 1 });
}

function countLines(text: string): number {
  let lines = 1;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) lines++;
  return lines;
}

/**
 * The file line of a front matter key (`seo.twitterUsername` for nested ones), for messages:
 * that of its nearest parent when it is missing, else line 1, where the front matter starts.
 */
export function frontMatterKeyLine(parts: Pick<SourceParts, 'keyLines'> | undefined, keyPath: string): number {
  const keys = keyPath.split('.');
  for (let length = keys.length; length > 0; length--) {
    const path = keys.slice(0, length).join('.');
    // Own keys only: keyLines of a file without front matter is a plain {}, and has a "constructor".
    if (parts && Object.hasOwn(parts.keyLines, path)) return parts.keyLines[path]!;
  }
  return 1;
}

/** The text of a file line of the front matter (frontMatterKeyLine's numbering), or '' past its end. */
export function frontMatterLineText(parts: Pick<SourceParts, 'matter'> | undefined, line: number): string {
  // matter starts with the newline that ends the opening ---, so its line N is the file's.
  return parts?.matter.split('\n')[line - 1] ?? '';
}

/** ISO 8601 dates as the CMS writes them: 2025-04-21 or 2025-04-21T17:11:25.697Z. */
const ISO_DATE = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;

/** The date an ISO 8601 string names, or undefined for anything else (including 2025-02-30). */
/**
 * Why a value is not a date YYYY-MM-DD (with a time or not): a day the calendar lacks, or a
 * date written another way, which readers read differently (02/09/2026: 2 September or 9 February?).
 */
export function whyNotIsoDate(value: unknown): string {
  const text = String(value);
  const day = /^(\d{4})-(\d{2})-(\d{2})/.exec(text);
  if (day) {
    const [y, m, d] = [Number(day[1]), Number(day[2]), Number(day[3])];
    if (m < 1 || m > 12) return `is not a day of the calendar: there is no month ${m} (${day[0]})`;
    if (d < 1 || d > daysInMonth(y, m)) return `is not a day of the calendar: ${monthName(m)} ${y} has ${daysInMonth(y, m)} days (${day[0]})`;
  }
  if (/^\d{1,2}[/.]\d{1,2}[/.]\d{2,4}$/.test(text.trim()))
    return `can be read two ways (${text}: day or month first?); write it YYYY-MM-DD, such as 2025-04-21`;
  return `is not a date (${text.slice(0, 40)}); write it YYYY-MM-DD, such as 2025-04-21`;
}

export function parseIsoDate(value: unknown): Date | undefined {
  if (typeof value !== 'string' || !ISO_DATE.test(value)) return undefined;
  const date = new Date(value.length === 10 ? `${value}T00:00:00Z` : value);
  if (Number.isNaN(date.getTime())) return undefined;
  // Date rolls 2025-02-30 over to March; a real date keeps its own day.
  if (date.toISOString().slice(0, 10) !== value.slice(0, 10) && !/[+-]\d{2}:?\d{2}$/.test(value)) return undefined;
  return date;
}

/**
 * A file's text with one top-level front matter key set as `yaml` writes it (`key: value`): in
 * place of that key where YAML reads it (however written: quoted, `key :`, its list after a
 * blank line), else last; everything else as written, comments included, and CRLF line ends
 * kept (a file that mixes them is given LF). A file without front matter is given some. The result is read again: when its front matter is not
 * the same data but for that key, the edit is refused with a CliError (`file` names it), and
 * nothing is to be written.
 */
export function withFrontMatterKey(text: string, key: string, yaml: string, file?: string): string {
  const bom = text.startsWith('\uFEFF') ? '\uFEFF' : '';
  const written = text.slice(bom.length);
  const lf = written.replace(/\r\n/g, '\n');
  // A file of CRLF lines keeps them; one that mixes them is given LF alone.
  const ends = (out: string) => `${bom}${lf !== written && !/(?:^|[^\r])\n/.test(written) ? out.replace(/\n/g, '\r\n') : out}`;
  if (!OPENING.test(lf)) return ends(`---\n${yaml}\n---\n${lf}`);
  const lines = lf.split('\n');
  const close = lines.findIndex((line, i) => i > 0 && /^---[ \t]*$/.test(line));
  if (close === -1) return text;
  const head = lines.slice(1, close).join('\n');
  const edited = withKeyInYaml(head, key, yaml);
  const refuse = (why: string) =>
    new CliError(`front matter's ${key}: cannot be rewritten in place (${why}); nothing was changed.`, {
      file,
      line: 1,
      hint: `Write ${key}: as a plain key of the front matter, then run the command again.`,
    });
  if (typeof edited !== 'string') throw refuse(edited.why);
  // What the edit made must read as what was there, but for the key's new value.
  let before: unknown;
  let after: unknown;
  try {
    before = head.trim() === '' ? {} : parseYamlData(head);
    after = parseYamlData(edited);
  } catch {
    throw refuse('its YAML cannot be read');
  }
  const wanted = { ...(before as Record<string, unknown>), [key]: (parseYamlData(yaml) as Record<string, unknown>)[key] };
  if (JSON.stringify(after) !== JSON.stringify(wanted)) throw refuse('the front matter would read otherwise');
  return ends(`${lines[0]}\n${edited}\n${lines.slice(close).join('\n')}`);
}

/** `head` (front matter's YAML, LF line ends) with `key` set as `yaml` writes it, or why it could not be. */
function withKeyInYaml(head: string, key: string, yaml: string): string | { why: string } {
  const doc = parseDocument(head, YAML_OPTIONS);
  if (doc.errors.length > 0) return { why: 'its YAML cannot be read' };
  const contents = doc.contents;
  if (contents !== null && !isMap(contents)) return { why: 'it is not a mapping of keys to values' };
  const pair = contents?.items.find((item) => isScalar(item.key) && item.key.value === key);
  if (!pair) return head.trim() === '' ? yaml : `${head}\n${yaml}`;
  const keyRange = (pair.key as { range?: [number, number, number] }).range;
  const valueRange = (pair.value as { range?: [number, number, number] } | null)?.range;
  if (!keyRange) return { why: 'its place cannot be found' };
  // From the start of the key's line (before `? ` when the key is explicit) to the end of its value, and the line end that closes it.
  const lineStart = head.lastIndexOf('\n', keyRange[0] - 1) + 1;
  const start = /^[ \t]*(?:\?[ \t]+)?$/.test(head.slice(lineStart, keyRange[0])) ? lineStart : keyRange[0];
  const end = Math.max(keyRange[1], valueRange?.[1] ?? 0);
  const ending = head.slice(start, end).endsWith('\n') ? '\n' : '';
  return `${head.slice(0, start)}${yaml}${ending}${head.slice(end)}`;
}

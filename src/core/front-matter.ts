import matter from 'gray-matter';
import { LineCounter, parse as parseYaml, parseDocument, YAMLParseError } from 'yaml';
import { CliError } from '../errors.js';

/** A Markdown file split into its YAML front matter and its body. */
export interface SourceParts {
  data: Record<string, unknown>;
  /** The front matter's YAML text, as written (empty when there is none). */
  matter: string;
  hasFrontMatter: boolean;
  body: string;
  /** The file line on which the body starts (1-based). */
  bodyLine: number;
}

// gray-matter splits; `yaml` parses (YAML 1.2: dates stay strings as written, errors carry lines).
const engines = {
  yaml: {
    parse: (text: string): object => (parseYaml(text, { uniqueKeys: true }) ?? {}) as object,
    stringify: (): string => {
      throw new Error('front matter is written with the yaml package, not gray-matter');
    },
  },
};

/** Splits and parses front matter. Throws a CliError naming the file and line when YAML does not parse. */
export function parseSourceParts(text: string, file: string): SourceParts {
  if (/^---[ \t]*\n/.test(text) && !/\n---[ \t]*(?:\n|$)/.test(text.slice(3))) {
    throw new CliError('the front matter that starts on line 1 has no closing --- line.', {
      file, line: 1, hint: 'Add a line with --- where the front matter ends, before the Markdown.',
    });
  }
  let parsed: matter.GrayMatterFile<string>;
  try {
    // Passing options also turns off gray-matter's cache, which would share objects between calls.
    parsed = matter(text, { engines, language: 'yaml' });
  } catch (error) {
    throw frontMatterError(error, file);
  }
  const data = parsed.data as unknown;
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    throw new CliError('front matter must be a mapping of keys to values.', {
      file, line: 2, hint: 'Write it as lines of "key: value" between the two --- lines.',
    });
  }
  const hasFrontMatter = parsed.matter !== undefined && text.trimStart().startsWith('---');
  const head = text.slice(0, text.length - parsed.content.length);
  return {
    data: data as Record<string, unknown>,
    matter: parsed.matter ?? '',
    hasFrontMatter,
    body: parsed.content,
    bodyLine: countLines(head),
  };
}

function frontMatterError(error: unknown, file: string): CliError {
  if (error instanceof YAMLParseError) {
    const where = error.linePos?.[0];
    // The front matter text starts right after the opening ---, so its line 1 is the file's line 1.
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
 * The file line of a front matter key (`seo.twitterUsername` for nested ones), for messages.
 * Falls back to line 1, where the front matter starts.
 */
export function frontMatterKeyLine(matterText: string, path: string): number {
  const { doc, lineCounter } = parsedMatter(matterText);
  const offset = findKeyOffset(doc.contents, path.split('.'));
  if (offset === undefined) return 1;
  return lineCounter.linePos(offset).line;
}

// Keys of one file are looked up one after another: keep the last parse.
let lastMatter: { text: string; doc: ReturnType<typeof parseDocument>; lineCounter: LineCounter } | undefined;

function parsedMatter(text: string): NonNullable<typeof lastMatter> {
  if (lastMatter?.text !== text) {
    const lineCounter = new LineCounter();
    lastMatter = { text, doc: parseDocument(text, { lineCounter }), lineCounter };
  }
  return lastMatter;
}

function findKeyOffset(node: unknown, path: string[]): number | undefined {
  let current = node as { items?: { key?: { value?: unknown; range?: number[] }; value?: unknown }[] } | undefined;
  let offset: number | undefined;
  for (const key of path) {
    const pair = current?.items?.find((item) => item.key?.value === key);
    if (!pair) return offset;
    offset = pair.key?.range?.[0];
    current = pair.value as typeof current;
  }
  return offset;
}

/** ISO 8601 dates as the CMS writes them: 2025-04-21 or 2025-04-21T17:11:25.697Z. */
const ISO_DATE = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;

/** The date an ISO 8601 string names, or undefined for anything else (including 2025-02-30). */
export function parseIsoDate(value: unknown): Date | undefined {
  if (typeof value !== 'string' || !ISO_DATE.test(value)) return undefined;
  const date = new Date(value.length === 10 ? `${value}T00:00:00Z` : value);
  if (Number.isNaN(date.getTime())) return undefined;
  // Date rolls 2025-02-30 over to March; a real date keeps its own day.
  if (date.toISOString().slice(0, 10) !== value.slice(0, 10) && !/[+-]\d{2}:?\d{2}$/.test(value)) return undefined;
  return date;
}

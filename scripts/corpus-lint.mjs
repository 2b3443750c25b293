// Lint over real posts the rules were not written against, as CI would have linted each on the
// day it was written: the six newsletters of test/fixtures/archive/corpus imported into one
// workspace (each the previous one's successor, for carried-over), and each of the forty other
// posts of test/fixtures/archive/blog as a one-section issue (its front matter as issue.md, its
// body as one fragment), dated by its own date. Every report, with the text it is about, for
// the expectations file the tests hold it to (test/fixtures/archive/lint-expectations.tsv) and
// the bench's precision per rule.

import { mkdtempSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO = join(dirname(fileURLToPath(import.meta.url)), '..');
export const ARCHIVE = join(REPO, 'test', 'fixtures', 'archive');
export const EXPECTATIONS = join(ARCHIVE, 'lint-expectations.tsv');

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

/**
 * A blog post is one section of its own, headed by its title (level 1, so that its ## are its
 * parts). The rules that check a post is this month's newsletter issue (its title and seo.url
 * name the issue's month; an issue is never hidden) do not apply to one that is not.
 */
const BLOG_CONFIG = [
  'sections:',
  '  - id: post',
  '    heading: Post',
  'headingLevel: 1',
  'email:',
  '  unsubscribeUrl: https://openinfra.org/unsubscribe',
  'rules:',
  '  title-mismatch: off',
  '  hidden-post: off',
  '',
].join('\n');
/** The archive's issues were made before a Spotlight was required: which sections an issue needs is its workspace's to say. */
const NEWSLETTER_CONFIG = 'email:\n  unsubscribeUrl: https://openinfra.org/unsubscribe\nrules:\n  required-section: off\n';

/**
 * Every report lint gives over the archive: `{ rule, file, line, column, severity, text, message }`,
 * `file` as `<post>` or `<post> > <fragment>`, `text` the words it is about (the range it
 * reports, else the start of its line). `main`: the CLI's main (lib/cli.js), run in-process.
 */
export async function corpusReports(main) {
  const work = mkdtempSync(join(tmpdir(), 'newsletter-corpus-'));
  try {
    return [...(await newsletterReports(main, join(work, 'newsletters'))), ...(await blogReports(main, join(work, 'blog')))];
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

async function newsletterReports(main, cwd) {
  mkdirSync(cwd, { recursive: true });
  writeFileSync(join(cwd, 'newsletter.config.yaml'), NEWSLETTER_CONFIG);
  const posts = readdirSync(join(ARCHIVE, 'corpus'))
    .filter((name) => name.endsWith('.md'))
    .sort();
  const named = new Map();
  for (const post of posts) {
    const out = await run(main, ['import', join(ARCHIVE, 'corpus', post)], cwd);
    const issue = /as sections\/([a-z]+-\d{4})\//.exec(out.stdout)?.[1];
    if (!issue) throw new Error(`import of ${post} failed: ${out.stderr}`);
    named.set(issue, post);
  }
  const reports = [];
  for (const [issue, post] of named) {
    // As CI would have on the day: the issue's own date is the one its rules read.
    const out = await run(main, ['lint', issue, '--format', 'json', '--no-cache'], cwd);
    reports.push(...fromJson(out.stdout, cwd, (file) => `${post} > ${file.split('/').pop()}`));
  }
  return reports;
}

async function blogReports(main, root) {
  const reports = [];
  for (const post of readdirSync(join(ARCHIVE, 'blog'))
    .filter((name) => name.endsWith('.md'))
    .sort()) {
    const text = readFileSync(join(ARCHIVE, 'blog', post), 'utf8');
    const end = text.indexOf('\n---\n', 4);
    const date = /^date:\s*(\d{4})-(\d{1,2})/m.exec(text.slice(0, end));
    const issue = `${MONTHS[Number(date[2]) - 1]}-${date[1]}`;
    const cwd = join(root, post.replace(/\.md$/, ''));
    mkdirSync(join(cwd, 'sections', issue), { recursive: true });
    writeFileSync(join(cwd, 'newsletter.config.yaml'), BLOG_CONFIG);
    writeFileSync(join(cwd, 'sections', issue, 'issue.md'), text.slice(0, end + 5));
    writeFileSync(join(cwd, 'sections', issue, 'post.md'), text.slice(end + 5));
    const out = await run(main, ['lint', issue, '--format', 'json', '--no-cache'], cwd);
    reports.push(...fromJson(out.stdout, cwd, (file) => (file.endsWith('issue.md') ? `${post} (front matter)` : post)));
  }
  return reports;
}

function fromJson(stdout, cwd, fileName) {
  const results = JSON.parse(stdout);
  return results.flatMap((result) => {
    const lines = readFileSync(result.filePath, 'utf8').split('\n');
    const file = fileName(result.filePath.slice(cwd.length + 1));
    return result.messages.map((m) => ({
      rule: m.ruleId ?? '(limits)',
      file,
      line: m.line,
      column: m.column,
      severity: m.severity === 2 ? 'error' : 'warn',
      text: reportedText(lines, m),
      message: m.message,
    }));
  });
}

/** The words a report is about: its range on its line, else the start of the line from its column. */
function reportedText(lines, m) {
  const line = lines[m.line - 1] ?? '';
  const text = m.endLine === m.line && m.endColumn > m.column ? line.slice(m.column - 1, m.endColumn - 1) : line.slice(m.column - 1, m.column + 59);
  // Whitespace alone is shown, so that the line tells what the report is about.
  const shown =
    text.trim() === ''
      ? text
          .replace(/ /g, '·')
          .replace(/\u00a0/g, '⍽')
          .replace(/\t/g, '→')
      : text.replace(/\t/g, ' ').trim();
  return shown.slice(0, 80);
}

async function run(main, args, cwd) {
  let stdout = '';
  let stderr = '';
  const ctx = {
    cwd,
    env: { XDG_CACHE_HOME: join(cwd, '.cache'), CI: 'true' },
    stdout: { write: (text) => void (stdout += text) },
    stderr: { write: (text) => void (stderr += text) },
    interactive: false,
    color: false,
    now: () => new Date('2026-12-01T00:00:00Z'),
    prompt: async () => {
      throw new Error('no prompt in a corpus run');
    },
    onInterrupt: () => () => undefined,
  };
  const code = await main(args, ctx);
  return { code, stdout, stderr };
}

/** A report's key in the expectations file: the rule, where, and what it is about. */
export function reportKey(report) {
  return [report.rule, report.file, report.line, report.text].join('\t');
}

/** The expectations file: each line a report's key, then `true` or `false`, then why. */
export function readExpectations(text = readFileSync(EXPECTATIONS, 'utf8')) {
  return text
    .split('\n')
    .filter((line) => line.trim() !== '' && !line.startsWith('#'))
    .map((line) => {
      const [rule, file, lineNumber, reported, verdict, why] = line.split('\t');
      return { key: [rule, file, lineNumber, reported].join('\t'), rule, verdict: verdict === 'true', why };
    });
}

/** Precision per rule: reports, those judged true, those judged false, and the errors among the false. */
export function precision(reports, expectations) {
  const verdicts = new Map(expectations.map((e) => [e.key, e.verdict]));
  const rows = new Map();
  for (const report of reports) {
    const row = rows.get(report.rule) ?? { rule: report.rule, reports: 0, true: 0, false: 0, unjudged: 0, falseErrors: 0 };
    const verdict = verdicts.get(reportKey(report));
    row.reports++;
    if (verdict === true) row.true++;
    else if (verdict === false) {
      row.false++;
      if (report.severity === 'error') row.falseErrors++;
    } else row.unjudged++;
    rows.set(report.rule, row);
  }
  return [...rows.values()].sort((a, b) => b.reports - a.reports || a.rule.localeCompare(b.rule));
}

import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/bin.js';
import { runMain, sampleWorkspace, snapshotTree, writeFiles } from '../helpers/workspace.js';

interface Case {
  name: string;
  files?: Record<string, string | Buffer>;
  args: string[];
  code: number;
  message: RegExp;
}

const issue = 'sections/april-2025';
const cases: Case[] = [
  {
    name: 'a slug that leaves the workspace',
    args: ['build', '../../etc-2025'],
    code: 2,
    message: /\.\.\/\.\.\/etc-2025 is not an issue's folder nor a file in one/,
  },
  { name: 'a slug with no year', args: ['new', 'april'], code: 2, message: /"april" is not an issue name/ },
  { name: 'an unknown issue', args: ['lint', 'march-2031'], code: 2, message: /there is no issue march-2031/ },
  { name: 'an unknown flag', args: ['build', '--mnify'], code: 2, message: /unknown option '--mnify'/ },
  { name: 'an unknown command', args: ['pubish'], code: 2, message: /unknown command 'pubish'\n\(Did you mean publish\?\)/ },
  {
    name: 'an image past the limit',
    files: { [`${issue}/img/poster.png`]: Buffer.alloc(26 * 1024 * 1024) },
    args: ['build'],
    code: 1,
    message: /img\/poster\.png: this image is 26 MB; .* at most 25 MB is read/,
  },
  {
    name: 'front matter that does not parse',
    files: { [`${issue}/kata.md`]: '---\ntitle: a: b\n---\nx\n' },
    args: ['build'],
    code: 1,
    message: /kata\.md:2:\d+: front matter is not valid YAML/,
  },
  {
    name: 'front matter never closed',
    files: { [`${issue}/kata.md`]: '---\ntitle: x\n* item\n' },
    args: ['build'],
    code: 1,
    message: /kata\.md:1: the front matter that starts on line 1 has no closing --- line/,
  },
  {
    name: 'front matter that is a list',
    files: { [`${issue}/kata.md`]: '---\n- a\n---\nx\n' },
    args: ['build'],
    code: 1,
    message: /kata\.md:2: front matter must be a mapping/,
  },
  {
    name: 'a wrongly typed key',
    files: { [`${issue}/kata.md`]: '---\norder: first\n---\nx\n' },
    args: ['build'],
    code: 1,
    message: /kata\.md:2: "order" must be a number/,
  },
  {
    name: 'an impossible date',
    files: { [`${issue}/issue.md`]: '---\ndate: 2025-02-30\n---\n' },
    args: ['build'],
    code: 1,
    message: /issue\.md:2: "date" is not a day of the calendar: February 2025 has 28 days \(2025-02-30\)/,
  },
  {
    name: 'a binary fragment',
    files: { [`${issue}/kata.md`]: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 1, 2]) },
    args: ['build'],
    code: 1,
    message: /kata\.md: this is a binary file/,
  },
  {
    name: 'invalid UTF-8',
    files: { [`${issue}/kata.md`]: Buffer.from([0x61, 0x0a, 0xc3, 0x28]) },
    args: ['build'],
    code: 1,
    message: /kata\.md:2: this file is not valid UTF-8/,
  },
  {
    name: 'a huge fragment',
    files: { [`${issue}/kata.md`]: 'word '.repeat(60_000) },
    args: ['build'],
    code: 1,
    message: /kata\.md: this file is 293 KB; .* at most 128 KB/,
  },
  {
    name: 'pathological nesting',
    files: { [`${issue}/kata.md`]: `${'> '.repeat(3000)}x\n` },
    args: ['build'],
    code: 1,
    message: /kata\.md:1: the Markdown here nests lists or quotes more than 40 levels/,
  },
  {
    name: 'pathological brackets',
    files: { [`${issue}/kata.md`]: `Intro\n\n${'['.repeat(20000)}x${'](y)'.repeat(20000)}\n` },
    args: ['build'],
    code: 1,
    message: /kata\.md:3: this paragraph holds more than 100 \[ brackets/,
  },
  {
    name: 'pathological references',
    files: { [`${issue}/kata.md`]: `${'[a]'.repeat(30000)}\n` },
    args: ['build'],
    code: 1,
    message: /kata\.md:1: this paragraph holds more than 100 \[ brackets/,
  },
  {
    name: 'a config that does not parse',
    files: { 'newsletter.config.yaml': 'site: [\n' },
    args: ['build'],
    code: 2,
    message: /newsletter\.config\.yaml:2:1: config is not valid YAML/,
  },
  {
    name: 'a wrongly typed config',
    files: { 'newsletter.config.yaml': 'headingLevel: two\n' },
    args: ['lint'],
    code: 2,
    message: /newsletter\.config\.yaml: headingLevel: expected a whole number from 1 to 4/,
  },
  {
    name: 'an unknown config key',
    files: { 'newsletter.config.yaml': 'twiter: "@x"\n' },
    args: ['build'],
    code: 2,
    message: /twiter: unknown setting; did you mean twitterUsername\?|twiter: unknown setting/,
  },
  {
    name: 'a config folder',
    files: { 'newsletter.config.yaml/x': '' },
    args: ['build'],
    code: 2,
    message: /newsletter\.config\.yaml: cannot be read: it is a folder/,
  },
  {
    name: 'an output that cannot be written',
    files: { blocker: 'a file' },
    args: ['build', '--out', 'blocker/out'],
    code: 1,
    message: /cannot write the output: a file stands where a folder must go/,
  },
  {
    name: 'a template that does not compile',
    files: { 'templates/blog-post.md.hbs': '{{#each sections}}' },
    args: ['build'],
    code: 2,
    message: /templates\/blog-post\.md\.hbs.*cannot be used/,
  },
  {
    name: 'an unknown section',
    args: ['new', 'may-2031', '--sections', 'kata,zuuul'],
    code: 2,
    message: /--sections names "zuuul", which is not a section[\s\S]*Did you mean zuul\?/,
  },
  {
    name: 'a post with no front matter',
    files: { 'post.md': '# Hello\n' },
    args: ['import', 'post.md'],
    code: 1,
    message: /post\.md:1: this is not a published post/,
  },
];

// Through main() in this process: the same code the bin runs, without a process each (cli.test.ts and
// security.test.ts run the bin itself, and the last case here goes through it too).
describe('bad input never crashes, hangs or loses work', () => {
  it.each(cases.map((c, i) => [c.name, c, i === cases.length - 1] as const))('%s', async (_, c, throughBin) => {
    const run = throughBin ? runCli : runMain;
    const cwd = await sampleWorkspace();
    // A previous build whose output must survive whatever happens next.
    expect((await run(['build'], { cwd })).code).toBe(0);
    await writeFiles(cwd, c.files ?? {});
    const before = await snapshotTree(cwd);
    const result = await run(c.args, { cwd });
    expect(result.code, result.stderr).toBe(c.code);
    if (c.code !== 0) {
      expect(result.stderr).toMatch(c.message);
      // One line of error (and one of hint), no stack, no internals.
      expect(result.stderr.trimEnd().split('\n').length, result.stderr).toBeLessThanOrEqual(4);
      expect(result.stderr).not.toMatch(/\n\s+at |TypeError|ReferenceError|hit a bug|Unhandled/);
    }
    const after = await snapshotTree(cwd);
    // Sources untouched, and the previous output intact (a successful run may add to dist/).
    for (const [path, content] of Object.entries(before)) {
      if (c.code !== 0 || !path.startsWith('dist/')) expect(after[path], path).toBe(content);
    }
    if (c.code !== 0) expect(Object.keys(after).sort()).toEqual(Object.keys(before).sort());
  });
});

describe('hostile content stays inert', () => {
  it('is literal in the blog post and text, dropped from the email, and reported by lint', async () => {
    const hostile = [
      'Say {{constructor.constructor "return process"}} and {{> partial}} and {{{raw}}}.',
      '',
      '<script>alert(1)</script>',
      '',
      '<iframe src="https://evil.example"></iframe>',
      '',
      '[click](javascript:alert(1)) <img src="/x.png" alt="x" onerror="alert(1)"> <a href="vbscript:x">v</a>',
      '',
      '<form action="https://evil.example"><input name="p"></form>',
    ].join('\n');
    const cwd = await sampleWorkspace({ 'sections/april-2025/zuul.md': hostile });
    const built = await runCli(['build', '--json'], { cwd });
    expect(built.code).toBe(0);
    const outputs = JSON.parse(built.stdout).outputs as Record<string, string>;
    const { readFile } = await import('node:fs/promises');
    const blog = await readFile(outputs.blog!, 'utf8');
    const html = await readFile(outputs.html!, 'utf8');
    const text = await readFile(outputs.text!, 'utf8');
    expect(blog).toContain('Say {{constructor.constructor "return process"}} and {{> partial}} and {{{raw}}}.');
    expect(text.replace(/\s+/g, ' ')).toContain('{{constructor.constructor "return process"}} and {{> partial}} and {{{raw}}}.');
    expect(html).toContain('{{constructor.constructor "return process"}}');
    expect(html.match(/<script(?![^>]*type="?text\/css)|<iframe|<form|<input|onerror|javascript:|vbscript:/i)?.[0]).toBeUndefined();
    const lint = await runCli(['lint', '--format', 'json'], { cwd });
    const zuul = (JSON.parse(lint.stdout) as { filePath: string; messages: { ruleId: string }[] }[]).find((r) => r.filePath.endsWith('zuul.md'))!;
    expect(zuul.messages.filter((m) => m.ruleId === 'unsafe-html').length).toBeGreaterThanOrEqual(5);
    expect(join(cwd, 'sections')).toBeTruthy();
  });
});

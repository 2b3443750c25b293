import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isInteractive } from '../../src/bin.js';
import { BIN, runCli } from '../helpers/bin.js';
import { sampleWorkspace, snapshotTree, tempDir, writeFiles, type RunResult } from '../helpers/workspace.js';

// A pull request controls everything under sections/, templates/ and the config: each case
// below is an attack found on an earlier main, run through the real bin, both as node runs
// the modules and as npm's link runs it (from the startup snapshot for build and lint).
const ISSUE = 'sections/april-2025';
const PATHS = [
  ['node bin/newsletter.js', false],
  ['the startup snapshot', true],
] as const;

/** One line of error (and one of hint), no stack, no internals. */
function expectOneLineError(result: RunResult, code: number, message: RegExp): void {
  expect(result.code, result.stderr + result.stdout).toBe(code);
  expect(result.stderr).toMatch(message);
  expect(result.stderr.trimEnd().split('\n').length, result.stderr).toBeLessThanOrEqual(2);
  expect(result.stderr).not.toMatch(/\n\s+at |hit a bug|\(node:\d+\)|Warning:/);
}

describe.each(PATHS)('content is data, through %s', (_, viaShebang) => {
  const cli = (args: string[], cwd: string, env?: Record<string, string>) => runCli(args, { cwd, viaShebang, env });

  it('never evaluates front matter that is not YAML (---js), in lint, build or import', async () => {
    const marker = join(await tempDir(), 'ran');
    const js = `---js\n{ x: process.getBuiltinModule("fs").writeFileSync(${JSON.stringify(marker)}, "ran") }\n---\nText.\n`;
    const cwd = await sampleWorkspace({ [`${ISSUE}/kata.md`]: js, 'post.md': js });
    const lint = await cli(['lint', '--format', 'json'], cwd);
    expect(lint.code).toBe(1);
    const kata = (JSON.parse(lint.stdout) as { filePath: string; messages: { line: number; message: string }[] }[]).find((r) =>
      r.filePath.endsWith('kata.md'),
    )!;
    expect(kata.messages[0]).toMatchObject({ line: 1, message: 'front matter must be YAML; "---js" names another language.' });
    expectOneLineError(await cli(['build'], cwd), 1, /kata\.md:1: front matter must be YAML; "---js" names another language/);
    const imported = await cli(['import', 'post.md', '--issue', 'may-2031'], cwd);
    expect(imported.code).toBe(1);
    expect(existsSync(join(cwd, 'sections', 'may-2031'))).toBe(false);
    expect(existsSync(marker)).toBe(false);
  });

  it('never lets the workspace configure the minifier (browserslist), by file, package.json or variable', async () => {
    const marker = join(await tempDir(), 'ran');
    const evil = `require('fs').writeFileSync(${JSON.stringify(marker)}, 'ran'); module.exports = ['defaults'];`;
    const cwd = await sampleWorkspace({
      '.browserslistrc': 'extends browserslist-config-evil\n',
      'node_modules/browserslist-config-evil/index.js': evil,
      'node_modules/browserslist-config-evil/package.json': '{"name":"browserslist-config-evil","main":"index.js"}',
    });
    expect((await cli(['build', '--minify'], cwd)).code).toBe(0);
    await writeFiles(cwd, { '.browserslistrc': 'this is ( not a query\n', 'package.json': '{"browserslist": ["extends browserslist-config-evil"]}' });
    expect((await cli(['build', '--minify'], cwd)).code).toBe(0);
    const env = { BROWSERSLIST: 'extends browserslist-config-evil', BROWSERSLIST_CONFIG: join(cwd, 'package.json'), BROWSERSLIST_DANGEROUS_EXTEND: '1' };
    const built = await cli(['build', '--minify'], cwd, env);
    expect(built.code, built.stderr).toBe(0);
    expect(existsSync(marker)).toBe(false);
  });

  it('writes no javascript: or data: URL into any output, however it is spelt', async () => {
    const cwd = await sampleWorkspace({
      [`${ISSUE}/zuul.md`]: [
        '[![Logo](/img/a.png)](javascript:alert(1))',
        '',
        '![Logo](javascript:alert(2))',
        '',
        '[![Logo](/img/b.png)](java&#9;script:alert(3))',
        '',
        '![Pixel](data:image/svg+xml;base64,PHN2Zz4=)',
        '',
        'Text with [a link](jav&#x61;script:alert(4)) and <a href="java&#x09;script:alert(5)">raw</a>.',
      ].join('\n'),
    });
    const built = await cli(['build', '--json'], cwd);
    expect(built.code, built.stderr).toBe(0);
    const outputs = JSON.parse(built.stdout).outputs as Record<string, string>;
    for (const key of ['blog', 'mjml', 'html', 'text']) {
      const content = readFileSync(outputs[key]!, 'utf8');
      expect(content, key).not.toMatch(/java(?:&#x?0*9;|&#x61;|\s)*script:|data:image|alert\(/i);
    }
    const html = readFileSync(outputs.html!, 'utf8');
    // The safe parts stay: the logo images, unlinked.
    expect(html).toContain('src="https://openinfra.org/img/a.png"');
    expect(html).toContain('src="https://openinfra.org/img/b.png"');
    const lint = await cli(['lint', '--format', 'json'], cwd);
    const zuul = (JSON.parse(lint.stdout) as { filePath: string; messages: { ruleId: string }[] }[]).find((r) => r.filePath.endsWith('zuul.md'))!;
    expect(zuul.messages.filter((m) => m.ruleId === 'unsafe-html')).toHaveLength(6);
  });

  it('treats front matter keys named like Object.prototype members as keys', async () => {
    const keys = ['valueOf', 'hasOwnProperty', '__proto__', 'toString', 'propertyIsEnumerable', 'toLocaleString'];
    const matter = `---\n${keys.map((k) => `${k}: 1`).join('\n')}\nseo:\n${keys.map((k) => `  ${k}: 2`).join('\n')}\n---\n`;
    const cwd = await sampleWorkspace({ [`${ISSUE}/issue.md`]: `${matter}![Hero](/img/hero.png)\n`, [`${ISSUE}/kata.md`]: `${matter}Text.\n` });
    const lint = await cli(['lint', '--format', 'json'], cwd);
    expect(lint.code).toBe(1);
    expect(lint.stderr).toBe('Issue: april-2025 (the latest)\n');
    const messages = (JSON.parse(lint.stdout) as { filePath: string; messages: { message: string }[] }[]).flatMap((r) => r.messages.map((m) => m.message));
    for (const key of keys)
      expect(
        messages.some((m) => m.includes(`"${key}"`)),
        key,
      ).toBe(true);
    const built = await cli(['build'], cwd);
    expect(built.stderr).not.toMatch(/hit a bug/);
  });

  it('refuses what is not a regular file in the workspace before reading it', async () => {
    const cwd = await sampleWorkspace();
    execFileSync('mkfifo', [join(cwd, 'newsletter.config.yaml')]);
    expectOneLineError(await cli(['build'], cwd), 2, /newsletter\.config\.yaml: this is not a regular file/);
    const other = await sampleWorkspace();
    // Sparse: 2.1 GB on paper, nothing on disk; refused by its size, never read.
    writeFileSync(join(other, ISSUE, 'kata.md'), '');
    truncateSync(join(other, ISSUE, 'kata.md'), Math.round(2.1 * 1024 ** 3));
    expectOneLineError(await cli(['build'], other), 1, /kata\.md: this file is \d+ KB; .* at most 128 KB/);
  });

  it('follows a link only within the workspace: never to /etc, /dev or another folder', async () => {
    const outside = join(await tempDir(), 'secret.md');
    writeFileSync(outside, 'root:x:0:0:secret\n');
    const cases: [string, string, number, RegExp][] = [
      [`${ISSUE}/kata.md`, outside, 1, /kata\.md: this is a link that leads outside the workspace/],
      ['templates/email.txt.hbs', outside, 1, /templates\/email\.txt\.hbs: this is a link that leads outside the workspace/],
      ['newsletter.config.yaml', outside, 2, /newsletter\.config\.yaml: this is a link that leads outside the workspace/],
      ['newsletter.config.yaml', '/dev/zero', 2, /newsletter\.config\.yaml: this is a link that leads outside the workspace/],
    ];
    for (const [link, target, code, message] of cases) {
      const cwd = await sampleWorkspace();
      mkdirSync(join(cwd, 'templates'), { recursive: true });
      if (link.startsWith(ISSUE)) execFileSync('rm', [join(cwd, link)]);
      symlinkSync(target, join(cwd, link));
      const result = await cli(['build'], cwd);
      expectOneLineError(result, code, message);
      expect(result.stderr).not.toContain('secret');
    }
    // A link to nothing is named as such, not a crash.
    const dangling = await sampleWorkspace();
    mkdirSync(join(dangling, 'templates'));
    symlinkSync(join(dangling, 'nowhere.hbs'), join(dangling, 'templates', 'email.txt.hbs'));
    expectOneLineError(await cli(['build'], dangling), 1, /templates\/email\.txt\.hbs: this is a link to nothing/);
    execFileSync('rm', [join(dangling, 'templates', 'email.txt.hbs'), join(dangling, ISSUE, 'kata.md')]);
    symlinkSync(join(dangling, 'nowhere.md'), join(dangling, ISSUE, 'kata.md'));
    expectOneLineError(await cli(['build'], dangling), 1, /kata\.md: this is a link to nothing/);
    // Within the workspace, a linked fragment is read like any other.
    const cwd = await sampleWorkspace({ 'shared/kata.md': 'Kata 3.14 is out, linked from the shared folder.\n' });
    execFileSync('rm', [join(cwd, ISSUE, 'kata.md')]);
    symlinkSync(join(cwd, 'shared', 'kata.md'), join(cwd, ISSUE, 'kata.md'));
    const built = await cli(['build', '--text', '--json'], cwd);
    expect(built.code, built.stderr).toBe(0);
    expect(readFileSync(JSON.parse(built.stdout).outputs.text, 'utf8')).toContain('linked from the shared folder');
  });

  it('never hangs on a cache folder or output folder that cannot be made', async () => {
    const cwd = await sampleWorkspace();
    const lint = await cli(['lint'], cwd, { XDG_CACHE_HOME: '/proc/newsletter-cache' });
    expect(lint.code).toBe(1);
    expect(lint.stderr).toBe('Issue: april-2025 (the latest)\n');
    expectOneLineError(await cli(['build', '--out', '/proc/newsletter-out'], cwd), 1, /cannot write the output/);
  });
});

describe('bad input, one case each', () => {
  it('refuses an issue folder of 10,000 fragments by counting them, before reading any', async () => {
    const cwd = await sampleWorkspace();
    for (let i = 0; i < 10_000; i++) writeFileSync(join(cwd, ISSUE, `extra-${i}.md`), 'x\n');
    expectOneLineError(await runCli(['build'], { cwd }), 1, /april-2025: this issue folder holds 10007 Markdown files; .* at most 40 are read/);
  });

  it('reports the line of an invalid byte at the end of a large file, and no state leaks to the next file', async () => {
    const cwd = await tempDir();
    const cut = Buffer.concat([
      Buffer.from(`---\ntitle: "Inside Open Infrastructure: May 2031"\n---\n${'A line of text.\n'.repeat(7000)}`),
      Buffer.from([0xc3]),
    ]);
    const valid = '---\ntitle: "Inside Open Infrastructure: June 2031"\n---\n## OpenStack\n\nText.\n';
    await writeFiles(cwd, { 'a.md': cut, 'b.md': valid });
    const result = await runCli(['import', 'a.md', 'b.md'], { cwd });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/a\.md:7004: this file is not valid UTF-8/);
    expect(result.stdout).toMatch(/Imported b\.md as sections\/june-2031\//);
  });

  it('imports the valid posts of a batch that holds a bad one', async () => {
    const cwd = await tempDir();
    await writeFiles(cwd, {
      'bad.md': '---js\n{}\n---\n',
      'good.md': '---\ntitle: "Inside Open Infrastructure: June 2031"\n---\n## OpenStack\n\nText.\n',
    });
    const result = await runCli(['import', 'bad.md', 'good.md'], { cwd });
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/Imported good\.md/);
  });

  it('runs from a deleted folder with an absolute --cwd, and says what is wrong without one', async () => {
    const cwd = await sampleWorkspace();
    const gone = await tempDir();
    const run = (args: string[]) =>
      new Promise<RunResult>((resolve) => {
        // sh removes its own folder, then becomes the CLI in it.
        const child = spawn('sh', ['-c', 'cd "$1" && rmdir "$1" && shift && exec "$@"', 'sh', gone, process.execPath, BIN, ...args], {
          env: { ...process.env, CI: '1', NO_COLOR: '1' },
        });
        let stdout = '';
        let stderr = '';
        child.stdout.on('data', (d) => (stdout += d));
        child.stderr.on('data', (d) => (stderr += d));
        child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
      });
    expectOneLineError(await run(['lint']), 2, /the current folder no longer exists/);
    mkdirSync(gone);
    const built = await run(['build', '--cwd', cwd]);
    expect(built.code, built.stderr).toBe(0);
  });

  it('leaves no temporary file behind, and replaces all outputs or none', async () => {
    const cwd = await sampleWorkspace();
    expect((await runCli(['build'], { cwd })).code).toBe(0);
    const dist = join(cwd, 'dist', 'april-2025');
    // What a build killed mid-write leaves: a temporary file of a process that is gone.
    writeFileSync(join(dist, '.newsletter-999999999-0123456789ab.tmp'), 'half a file');
    expect((await runCli(['build'], { cwd })).code).toBe(0);
    expect(readdirSync(dist).filter((name) => name.startsWith('.'))).toEqual([]);
    // email.txt cannot be replaced (a folder stands there): the other outputs stay as they were.
    await writeFiles(cwd, { [`${ISSUE}/kata.md`]: 'Kata 3.15 is out.\n' });
    execFileSync('rm', [join(dist, 'email.txt')]);
    mkdirSync(join(dist, 'email.txt', 'x'), { recursive: true });
    const before = await snapshotTree(dist);
    const failed = await runCli(['build'], { cwd });
    expectOneLineError(failed, 1, /cannot write the output: a folder stands where a file must go/);
    expect(failed.stderr).toContain('nothing was changed');
    expect(await snapshotTree(dist)).toEqual(before);
    expect(readdirSync(dist).filter((name) => name.startsWith('.'))).toEqual([]);
  });

  it('reads no YAML tags, directives or aliases, and prints no node warnings', async () => {
    const bomb = `---\na: &a ["x","x","x","x","x","x","x","x","x"]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\n---\nText.\n`;
    for (const [text, message] of [
      [bomb, /kata\.md(:\d+)?: front matter is not valid YAML: aliases \(\*name\) are not read here/],
      ['---\ntitle: !custom x\n---\nText.\n', /kata\.md:2:\d+: front matter is not valid YAML/],
      ['---\n%YAML 1.1\n---\ntitle: x\n---\nText.\n', /kata\.md:\d+(:\d+)?: front matter/],
    ] as const) {
      const cwd = await sampleWorkspace({ [`${ISSUE}/kata.md`]: text });
      expectOneLineError(await runCli(['build'], { cwd }), 1, message);
    }
  });

  it('prints no terminal escape sequence that content holds', async () => {
    const cwd = await sampleWorkspace({ [`${ISSUE}/kata.md`]: 'TODO \u001b]0;owned\u0007 \u001b[2J\u001b[31mred \u202eevil\n' });
    for (const format of ['stylish', 'github']) {
      const lint = await runCli(['lint', '--format', format], { cwd });
      expect(lint.code).toBe(1);
      expect(lint.stdout).toMatch(/placeholder/);
      expect(lint.stdout).not.toMatch(/[\u001b\u0007\u202e]/);
    }
  });

  it('refuses an issue name no command could address (a year with a leading zero)', async () => {
    const cwd = await tempDir();
    expectOneLineError(await runCli(['new', 'may-0999', '--yes'], { cwd }), 2, /"may-0999" is not an issue name/);
    expect(existsSync(join(cwd, 'sections'))).toBe(false);
  });

  it('keeps build --json valid JSON when a template override logs', async () => {
    const cwd = await sampleWorkspace({ 'templates/email.txt.hbs': '{{log "hello"}}{{title}}\n' });
    const built = await runCli(['build', '--json'], { cwd });
    expect(built.code, built.stderr).toBe(0);
    expect(JSON.parse(built.stdout).issue).toBe('april-2025');
  });

  it('lints every issue and prints its JSON when one issue holds a binary fragment', async () => {
    const cwd = await sampleWorkspace();
    await writeFiles(cwd, { 'sections/may-2025/issue.md': '---\n---\n', 'sections/may-2025/kata.md': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 1]) });
    const lint = await runCli(['lint', '--all', '--format', 'json'], { cwd });
    expect(lint.code).toBe(1);
    const results = JSON.parse(lint.stdout) as { filePath: string; messages: { message: string }[] }[];
    expect(results.find((r) => r.filePath.endsWith('may-2025/kata.md'))?.messages[0]?.message).toBe('this is a binary file, not Markdown.');
    expect(results.some((r) => r.filePath.endsWith('april-2025/events.md'))).toBe(true);
  });

  it('never prompts when CI is set, even to nothing', () => {
    expect(isInteractive({ CI: '' }, true, true)).toBe(false);
    expect(isInteractive({ CI: 'true' }, true, true)).toBe(false);
    expect(isInteractive({ CI: 'false' }, true, true)).toBe(true);
    expect(isInteractive({}, true, true)).toBe(true);
    expect(isInteractive({}, false, true)).toBe(false);
  });
});

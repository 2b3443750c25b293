import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { read, runMain, sampleWorkspace, writeFiles } from '../helpers/workspace.js';

type Json = { filePath: string; messages: { ruleId: string | null; severity: number; line: number; column: number; message: string }[] }[];
const messagesOf = (stdout: string, file: string) => (JSON.parse(stdout) as Json).find((r) => r.filePath.endsWith(file))?.messages ?? [];

describe('the workspace', () => {
  it('is found from any folder inside it, as git finds its repository', async () => {
    const cwd = await sampleWorkspace();
    const inside = join(cwd, 'sections', 'april-2025');
    const lint = await runMain(['lint', '--format', 'json'], { cwd: inside });
    expect(lint.code).toBe(1);
    expect(messagesOf(lint.stdout, 'spotlight.md').map((m) => m.ruleId)).toContain('placeholder');
    const made = await runMain(['new', 'may-2031', '--yes'], { cwd: inside });
    expect(made.code, made.stderr).toBe(0);
    expect(existsSync(join(cwd, 'sections', 'may-2031', 'issue.md'))).toBe(true);
    expect(existsSync(join(inside, 'sections'))).toBe(false);
  });

  it('reads newsletter.config.yml as it reads .yaml, and refuses both at once', async () => {
    const cwd = await sampleWorkspace({ 'newsletter.config.yml': 'rules:\n  placeholder: off\n' });
    const lint = await runMain(['lint', '--format', 'json'], { cwd });
    expect(messagesOf(lint.stdout, 'spotlight.md').map((m) => m.ruleId)).not.toContain('placeholder');
    await writeFiles(cwd, { 'newsletter.config.yaml': 'lang: en\n' });
    const both = await runMain(['lint'], { cwd });
    expect(both.code).toBe(2);
    expect(both.stderr).toMatch(/both newsletter\.config\.yaml and newsletter\.config\.yml are here/);
  });
});

describe('lint sees everything a reader sees', () => {
  it("lints a fragment's title, the subject and the preheader where they are written", async () => {
    const cwd = await sampleWorkspace({
      'sections/april-2025/openstack.md': '---\ntitle: "[OpenStack](https://docs.google.com/document/d/abc)"\n---\n* News\n',
      'sections/april-2025/spotlight.md': '---\ntitle: "TODO: headline"\n---\nA story.\n',
    });
    const issue = await read(cwd, 'sections/april-2025/issue.md');
    await writeFiles(cwd, { 'sections/april-2025/issue.md': issue.replace('hidePost: true', 'hidePost: false\nsubject: "March news: TBD"') });
    const lint = await runMain(['lint', '--format', 'json', '--no-cache'], { cwd });
    expect(messagesOf(lint.stdout, 'openstack.md').find((m) => m.ruleId === 'internal-link')).toMatchObject({ line: 2, column: 9 });
    expect(messagesOf(lint.stdout, 'spotlight.md').find((m) => m.ruleId === 'placeholder')).toMatchObject({ line: 2, column: 9 });
    const onIssue = messagesOf(lint.stdout, 'issue.md');
    expect(onIssue.find((m) => m.ruleId === 'title-mismatch')?.message).toMatch(/^subject names March, but this is the April 2025 issue/);
    expect(onIssue.find((m) => m.ruleId === 'placeholder')?.message).toMatch(/TBD/);
  });

  it('reports a misnamed fragment and a scratch file, with "did you mean"', async () => {
    const cwd = await sampleWorkspace({ 'sections/april-2025/starlinx.md': '* StarlingX 11 is out.\n', 'sections/april-2025/draft-ideas.md': '* ideas\n' });
    const lint = await runMain(['lint', '--format', 'json', '--no-cache'], { cwd });
    expect(messagesOf(lint.stdout, 'starlinx.md')[0]?.message).toMatch(/no section is named "starlinx".*did you mean starlingx\.md\?/);
    expect(messagesOf(lint.stdout, 'draft-ideas.md')[0]?.ruleId).toBe('unknown-section');
  });

  it('makes mojibake and zero-width characters errors', async () => {
    const cwd = await sampleWorkspace({ 'sections/april-2025/kata.md': 'The communityâ€™s news, with a zero\u200bwidth space.\n' });
    const lint = await runMain(['lint', '--format', 'json', '--no-cache'], { cwd });
    const residue = messagesOf(lint.stdout, 'kata.md').filter((m) => m.ruleId === 'paste-residue');
    expect(residue.map((m) => m.severity)).toEqual([2, 2]);
  });

  it('never writes an image with no source into the email or the blog post', async () => {
    const cwd = await sampleWorkspace();
    const issue = await read(cwd, 'sections/april-2025/issue.md');
    await writeFiles(cwd, { 'sections/april-2025/issue.md': `${issue}\nText ![]() more.\n` });
    const built = await runMain(['build'], { cwd });
    expect(built.code).toBe(0);
    expect(await read(cwd, 'dist/april-2025/email.html')).not.toMatch(/<img[^>]*src=""|<img(?![^>]*src=)/);
    const blog = await read(cwd, 'dist/april-2025/inside-open-infrastructure-april-2025.md');
    expect(blog).toContain('Text  more.');
    expect(blog).not.toContain('![]()');
  });
});

describe('lint lists', () => {
  it('a problem with a file that is not there (a missing issue.md)', async () => {
    const cwd = await sampleWorkspace();
    const { rm } = await import('node:fs/promises');
    await rm(join(cwd, 'sections', 'april-2025', 'issue.md'));
    const lint = await runMain(['lint', '--format', 'json', '--no-cache'], { cwd });
    expect(messagesOf(lint.stdout, 'april-2025/issue.md').map((m) => m.message)).toContain(
      'the issue has no issue.md; add one with its title, author and date (newsletter new makes it).',
    );
  });
});

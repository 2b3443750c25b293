import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseSourceParts } from '../../src/core/issue/front-matter.js';
import { readingBlocks } from '../helpers/blocks.js';
import { read, runMain, snapshotTree, tempDir, writeFiles } from '../helpers/workspace.js';

const FRONT = `---
templateKey: blog-post
title: "Inside Open Infrastructure: June 2025"
author: Someone
date: 2025-06-20T10:00:00.000Z
category:
  - value: category-A7fnZYrE1
    label: News & Announcements
hidePost: false
seo:
  url: https://openinfra.dev/blog/openinfra-newsletter-june-2025
  twitterUsername: "@openinradev"
  title: "Inside Open Infrastructure: June 2025"
  description: All the news
  customSeo: kept
extraKey: also kept
---
`;

/** A post that varies the way published ones do: levels, link and bold headings, bold lines. */
const POST = `${FRONT}![Hero](/img/hero.png)

### A Lead Story About Zuul

The story, with a line break  
here, and <span class="x">raw HTML</span>.

**OpenInfra Foundation News**

* Item one
  * nested [link](https://openinfra.org/a)
* Item two

## [OpenStack](https://www.openstack.org/): Open source software for creating private and public clouds

* OpenStack news

# OpenInfra Members' Updates

# Zuul

* Zuul news

Community Events
----------------

**[An Event](https://example.org/event)**

* 17-19 October | Paris
`;

async function importFixture(files: Record<string, string>, args: string[] = []) {
  const cwd = await tempDir();
  await writeFiles(cwd, files);
  const result = await runMain(['import', ...Object.keys(files), ...args], { cwd });
  return { cwd, result };
}

describe('newsletter import', () => {
  it('splits a post into issue.md and fragments, losslessly, and says what it found', async () => {
    const { cwd, result } = await importFixture({ 'post.md': POST });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Imported post.md as sections/june-2025/');
    expect(result.stdout).toContain('sections: spotlight, foundation, openstack, openinfra-members-updates, zuul, events');
    expect(result.stdout).toContain('"OpenInfra Members\' Updates"');
    expect((await readdir(join(cwd, 'sections/june-2025'))).sort()).toEqual([
      'events.md',
      'foundation.md',
      'issue.md',
      'openinfra-members-updates.md',
      'openstack.md',
      'spotlight.md',
      'zuul.md',
    ]);
    // Front matter unchanged, misspelt handle and unknown keys included; the post's # headings kept by headingLevel.
    expect(await read(cwd, 'sections/june-2025/issue.md')).toBe(`${FRONT.replace(/---\n$/, 'headingLevel: 1\n---\n')}![Hero](/img/hero.png)\n\n`);
    expect(await read(cwd, 'sections/june-2025/spotlight.md')).toBe(
      '---\ntitle: A Lead Story About Zuul\norder: 1\n---\nThe story, with a line break  \nhere, and <span class="x">raw HTML</span>.\n\n',
    );
    expect(await read(cwd, 'sections/june-2025/openstack.md')).toMatch(
      /^---\ntitle: "\[OpenStack\]\(https:\/\/www\.openstack\.org\/\): Open source software for creating private and public clouds"\norder: 3\n---\n/,
    );
    // The post said "Zuul", as a section without its tagline is headed: no title of its own needed.
    expect(await read(cwd, 'sections/june-2025/zuul.md')).toBe('---\norder: 5\n---\n* Zuul news\n\n');

    const built = await runMain(['build', '--blog', '--json'], { cwd });
    const rebuilt = await read(cwd, JSON.parse(built.stdout).outputs.blog.slice(cwd.length + 1));
    expect(parseSourceParts(rebuilt, 'r').data).toEqual(parseSourceParts(POST, 'p').data);
    expect(readingBlocks(rebuilt)).toEqual(readingBlocks(POST));
    // Headed as the post was, at level 1 (issue.md's headingLevel).
    expect(rebuilt).toContain("# OpenInfra Members' Updates\n\n# Zuul");
  });

  it('takes --issue over the title', async () => {
    const { cwd, result } = await importFixture({ 'post.md': POST }, ['--issue', '2025-07']);
    expect(result.code).toBe(0);
    expect(await readdir(join(cwd, 'sections'))).toEqual(['july-2025']);
  });

  it.each([
    ['empty.md', '', /empty\.md: this file is empty, not a published post\./],
    ['notes.md', '# Just notes\n\nNo front matter.\n', /notes\.md:1: this is not a published post: it has no front matter/],
    ['image.md', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0]).toString('latin1'), /image\.md: this is a binary file, not Markdown\./],
    ['untitled.md', '---\ntitle: Newsletter\n---\nText\n', /untitled\.md: cannot tell which issue this post is[\s\S]*--issue/],
  ])('refuses %s with one clear line, exit 1, and writes nothing', async (name, content, message) => {
    const { cwd, result } = await importFixture({ [name]: content });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(message);
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(Object.keys(await snapshotTree(cwd))).toEqual([name]);
  });

  it('refuses to write into an issue that exists, and goes on with the other posts', async () => {
    const cwd = await tempDir();
    await writeFiles(cwd, { 'sections/june-2025/kata.md': 'mine', 'a.md': POST, 'b.md': POST.replaceAll('June 2025', 'July 2025') });
    const result = await runMain(['import', 'a.md', 'b.md'], { cwd });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('sections/june-2025 already exists; nothing was changed.');
    expect(result.stdout).toContain('Imported b.md as sections/july-2025/');
    expect(await readdir(join(cwd, 'sections/june-2025'))).toEqual(['kata.md']);
  });

  it('refuses --issue with several posts, and a missing file', async () => {
    const { result } = await importFixture({ 'a.md': POST, 'b.md': POST }, ['--issue', 'june-2025']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--issue names one issue, but several posts were given.');
    const cwd = await tempDir();
    const missing = await runMain(['import', 'nope.md'], { cwd });
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('nope.md: no such file.');
  });
});

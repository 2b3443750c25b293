import { describe, expect, it } from 'vitest';
import { parseSourceParts } from '../../src/core/issue/front-matter.js';
import { withSectionOrder } from '../../src/core/issue/scaffold.js';
import { read, readyMayIssue, runMain, snapshotTree, tempDir, writeFiles } from '../helpers/workspace.js';

/*
 * Issue #36, cases 11 and 12: `section add` on what a pull request brings. It edits issue.md's
 * `sections:` as YAML reads it, however validly written, or refuses in one line and changes
 * nothing; and no heading, owner or tagline ends the fragment's guide comment, so that words
 * meant as a guide never reach readers.
 */

const ISSUE_HEAD = '---\ntitle: "Inside Open Infrastructure: May 2025"\ndate: 2025-05-20\n';
const ORDER = ['spotlight', 'foundation', 'events'];

async function issueWith(issueMd: string, extra: Record<string, string> = {}): Promise<string> {
  const cwd = await tempDir();
  await writeFiles(cwd, { ...readyMayIssue(), 'sections/may-2025/issue.md': issueMd, ...extra });
  return cwd;
}

describe("section add edits issue.md's sections: as YAML reads it (#36, case 11)", () => {
  const WRITTEN_OTHERWISE: [string, string, string][] = [
    ['a blank line before the list', 'sections:\n\n  - spotlight\n  - foundation\n  - events\n', ''],
    ['a quoted key', '"sections": [spotlight, foundation, events] # the reading order\n', ' # the reading order'],
    ['a space before the colon', 'sections :\n- spotlight\n- foundation\n- events\n', ''],
    ['a single-quoted key and a comment line after it', "'sections':\n  - spotlight\n  - foundation\n  - events\n# kept\n", '# kept'],
    ['an explicit key', '? sections\n: [spotlight, foundation, events]\n', ''],
  ];
  for (const [how, written, kept] of WRITTEN_OTHERWISE) {
    it(`reads sections: written with ${how}, and changes it alone`, async () => {
      const cwd = await issueWith(`${ISSUE_HEAD}${written}status: ready\n---\nThe hero.\n`);
      const result = await runMain(['section', 'add', 'promo', 'may-2025'], { cwd });
      expect(result.stderr).toBe('');
      expect(result.code).toBe(0);
      const text = await read(cwd, 'sections/may-2025/issue.md');
      const parts = parseSourceParts(text, 'issue.md');
      expect(parts.data.sections).toEqual(['spotlight', 'foundation', 'promo', 'events']);
      expect(parts.data.status).toBe('ready');
      expect(text.startsWith(ISSUE_HEAD)).toBe(true);
      expect(text).toContain(kept);
      expect(text.endsWith('status: ready\n---\nThe hero.\n')).toBe(true);
      // The issue reads as it did, with the new section in its place.
      const status = await runMain(['status', '--format', 'json'], { cwd });
      expect(status.code, status.stderr).toBe(0);
      expect(JSON.parse(status.stdout).sections.map((s: { id: string }) => s.id)).toEqual(['spotlight', 'foundation', 'promo', 'events']);
    });
  }

  it('keeps CRLF line ends and a byte order mark in issue.md', async () => {
    const cwd = await issueWith(`\uFEFF${ISSUE_HEAD}sections:\n  - ${ORDER.join('\n  - ')}\n---\nThe hero.\n`.replace(/\n/g, '\r\n'));
    const result = await runMain(['section', 'add', 'promo', 'may-2025', '--before', 'foundation'], { cwd });
    expect(result.code, result.stderr).toBe(0);
    expect(await read(cwd, 'sections/may-2025/issue.md')).toBe(
      `\uFEFF${ISSUE_HEAD}sections: [spotlight, promo, foundation, events]\n---\nThe hero.\n`.replace(/\n/g, '\r\n'),
    );
  });

  it('keeps CRLF line ends and a byte order mark where it edits a file as written', () => {
    const written = `\uFEFF${ISSUE_HEAD}sections:\n\n  - ${ORDER.join('\n  - ')}\n---\nThe hero.\n`.replace(/\n/g, '\r\n');
    expect(withSectionOrder(written, ['spotlight', 'promo', 'foundation', 'events'])).toBe(
      `\uFEFF${ISSUE_HEAD}sections: [spotlight, promo, foundation, events]\n---\nThe hero.\n`.replace(/\n/g, '\r\n'),
    );
    expect(withSectionOrder(`\uFEFF${ISSUE_HEAD}---\n`.replace(/\n/g, '\r\n'), ['spotlight'])).toBe(
      `\uFEFF${ISSUE_HEAD}sections: [spotlight]\n---\n`.replace(/\n/g, '\r\n'),
    );
  });

  it('refuses in one line, changing nothing, front matter it cannot edit in place (a flow mapping)', async () => {
    const cwd = await issueWith('---\n{title: "Inside Open Infrastructure: May 2025", date: 2025-05-20}\n---\nThe hero.\n');
    const before = await snapshotTree(cwd);
    const result = await runMain(['section', 'add', 'promo', 'may-2025'], { cwd });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      /^error sections\/may-2025\/issue\.md:1: front matter's sections: cannot be rewritten in place \(.*\); nothing was changed\.\n {2}\S.*\n$/,
    );
    expect(await snapshotTree(cwd)).toEqual(before);
  });
});

describe('section add never ends the guide comment early (#36, case 12)', () => {
  for (const flag of ['--heading', '--owner', '--tagline']) {
    for (const marker of ['-->', '<!--', '--!>']) {
      it(`refuses ${flag} holding ${marker} as a usage error, changing nothing`, async () => {
        const cwd = await issueWith(`${ISSUE_HEAD}---\n`);
        const before = await snapshotTree(cwd);
        const result = await runMain(['section', 'add', 'promo', 'may-2025', flag, `Promo ${marker} **Visible** <!--`], { cwd });
        expect(result.code).toBe(2);
        expect(result.stderr.split('\n')[0]).toBe(
          `error ${flag} holds "${marker}", which would end the comment that holds the section's guide; nothing was changed.`,
        );
        expect(await snapshotTree(cwd)).toEqual(before);
      });
    }
  }

  it('keeps a heading and a guide from config that hold --> inside the comment: nothing of them reaches readers', async () => {
    const cwd = await issueWith(`${ISSUE_HEAD}---\n`, {
      'newsletter.config.yaml': `${readyMayIssue()['newsletter.config.yaml']}sections:\n  - id: spotlight\n  - id: foundation\n  - id: events\n  - id: promo\n    heading: "Promo --> **Visible** <!--"\n    guide: "Write it --> **Leaked** here."\n`,
    });
    const result = await runMain(['section', 'add', 'promo', 'may-2025'], { cwd });
    expect(result.code, result.stderr).toBe(0);
    const fragment = await read(cwd, 'sections/may-2025/promo.md');
    const { body } = parseSourceParts(fragment, 'promo.md');
    expect(body.match(/-->/g)).toHaveLength(1);
    expect(body.trim()).toMatch(/^<!--[^]*-->$/);
    const status = await runMain(['status', '--format', 'json'], { cwd });
    expect(JSON.parse(status.stdout).sections.find((s: { id: string }) => s.id === 'promo')).toMatchObject({ state: 'empty', words: 0 });
  });

  it('writes a heading with a line break from config on one line of the YAML comment, adding no key', async () => {
    const cwd = await issueWith(`${ISSUE_HEAD}---\n`, {
      'newsletter.config.yaml': `${readyMayIssue()['newsletter.config.yaml']}sections:\n  - id: spotlight\n  - id: foundation\n  - id: events\n  - id: promo\n    heading: "Promo\\rstatus: ready"\n`,
    });
    const result = await runMain(['section', 'add', 'promo', 'may-2025'], { cwd });
    expect(result.code, result.stderr).toBe(0);
    const fragment = await read(cwd, 'sections/may-2025/promo.md');
    expect(parseSourceParts(fragment, 'promo.md').data.status).toBe('draft');
  });
});

import { describe, expect, it } from 'vitest';
import { git, initRepository, commitAll } from '../helpers/git.js';
import { read, runMain, snapshotTree, tempDir, writeFiles } from '../helpers/workspace.js';

const ISSUE = {
  'newsletter.config.yaml': 'email: { platform: mailchimp }\n',
  'sections/may-2025/issue.md': '---\ntitle: "Inside Open Infrastructure: May 2025"\ndate: 2025-05-20\n---\n![The Summit crowd in Paris](/img/hero.png)\n',
  'sections/may-2025/spotlight.md': '---\ntitle: A lead story\n---\nAnother productive Another productive week at the PTG.\n',
  // Trailing spaces that make a line break no one sees.
  'sections/may-2025/foundation.md': '* Read [the notes] (https://openinfra.org/notes) on Openstack.   \n  The rest follows.\n* Contact TBD for more.\n',
  'sections/may-2025/events.md': '#### **Upcoming events**\n\n* 17-19 October 2025 | Paris-Saclay, FR\n',
};

describe('newsletter lint --fix', () => {
  it('applies the fixes rules are sure of, one write per file, then reports only what is left', async () => {
    const cwd = await tempDir();
    await writeFiles(cwd, ISSUE);
    const before = await runMain(['lint'], { cwd });
    expect(before.stdout).toContain('2 errors, 3 warnings potentially fixable with the `--fix` option.');

    const result = await runMain(['lint', '--fix'], { cwd });
    expect(await read(cwd, 'sections/may-2025/spotlight.md')).toBe('---\ntitle: A lead story\n---\nAnother productive week at the PTG.\n');
    expect(await read(cwd, 'sections/may-2025/foundation.md')).toBe(
      '* Read [the notes](https://openinfra.org/notes) on OpenStack.\\\n  The rest follows.\n* Contact TBD for more.\n',
    );
    expect(await read(cwd, 'sections/may-2025/events.md')).toBe('#### Upcoming events\n\n* 17-19 October 2025 | Paris-Saclay, FR\n');
    // The issue taken is said once, though lint runs again after the fixes.
    expect(result.stderr.match(/^Issue: .*$/gm)).toEqual(['Issue: may-2025 (the latest)']);
    expect(result.stderr).toContain(
      '✔ fixed 5 problems in 3 files:\n  sections/may-2025/events.md (1)\n  sections/may-2025/foundation.md (3)\n  sections/may-2025/spotlight.md (1)\n',
    );
    // What no fix can decide is left, and decides the exit code.
    expect(result.stdout).toMatch(/3:11\s+error\s+placeholder "TBD" left in the text/);
    expect(result.stdout).not.toContain('potentially fixable');
    expect(result.code).toBe(1);

    // Nothing left to fix: a second run changes nothing.
    const tree = await snapshotTree(cwd);
    const again = await runMain(['lint', '--fix'], { cwd });
    expect(again.stderr).toContain('--fix: nothing to fix.');
    expect(await snapshotTree(cwd)).toEqual(tree);
  });

  it('--fix-dry-run prints the change as a patch git applies, and writes nothing', async () => {
    const cwd = await tempDir();
    await writeFiles(cwd, ISSUE);
    initRepository(cwd);
    commitAll(cwd, 'the issue');
    const tree = await snapshotTree(cwd);
    const result = await runMain(['lint', '--fix-dry-run'], { cwd });
    expect(await snapshotTree(cwd)).toEqual(tree);
    expect(result.stdout).toContain(
      '--- a/sections/may-2025/spotlight.md\n+++ b/sections/may-2025/spotlight.md\n@@ -1,4 +1,4 @@\n ---\n title: A lead story\n ---\n-Another productive Another productive week at the PTG.\n+Another productive week at the PTG.\n',
    );
    expect(result.stderr).toContain('--fix would fix 5 problems in 3 files and leave');
    expect(result.stderr).toContain('nothing was written.');
    expect(result.code).toBe(1);
    await writeFiles(cwd, { 'fix.patch': result.stdout });
    git(cwd, 'apply', 'fix.patch');
    expect(await read(cwd, 'sections/may-2025/spotlight.md')).toBe('---\ntitle: A lead story\n---\nAnother productive week at the PTG.\n');
  });

  it('refuses --fix with --fix-dry-run', async () => {
    const cwd = await tempDir();
    await writeFiles(cwd, ISSUE);
    const result = await runMain(['lint', '--fix', '--fix-dry-run'], { cwd });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('give --fix or --fix-dry-run, not both.');
  });
});

import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { imageSize } from 'image-size';
import { describe, expect, it } from 'vitest';
import { browserMissing, CHROMIUM } from '../helpers/browser.js';
import { timeFor } from '../helpers/budget.js';
import { png } from '../helpers/images.js';
import { runCli } from '../helpers/bin.js';
import { sampleWorkspace, tempDir, writeFiles } from '../helpers/workspace.js';

const missing = browserMissing();
if (missing) console.warn(`screenshot tests ${missing}`);

/** One `newsletter screenshot`: the bin builds the email, starts Chromium and draws it four times. */
const SCREENSHOT_RUN = { cliRuns: 1, browserStarts: 1, pages: 4 };

describe('newsletter screenshot', () => {
  it.skipIf(missing)(
    'saves the email at 375 and 800 px, light and dark, as PNGs, from a workspace outside this repository',
    async () => {
      const dir = await sampleWorkspace({ 'sections/april-2025/img/team.png': png(1200, 600) });
      const out = await tempDir();
      const result = await runCli(['screenshot', '--offline', '--out', out, '--browser', CHROMIUM], { cwd: dir, work: SCREENSHOT_RUN });
      expect(result.stderr).toBe('Issue: april-2025 (the latest)\n');
      expect(result.code).toBe(0);
      expect(result.stdout).toBe(
        `✔ april-2025: 4 screenshots in ${out}\n  email-375-light.png\n  email-375-dark.png\n  email-800-light.png\n  email-800-dark.png\n`,
      );
      expect((await readdir(out)).sort()).toEqual(['email-375-dark.png', 'email-375-light.png', 'email-800-dark.png', 'email-800-light.png']);
      const shots = Object.fromEntries(
        await Promise.all(
          ['375-light', '375-dark', '800-light', '800-dark'].map(async (name) => [name, await readFile(join(out, `email-${name}.png`))] as const),
        ),
      );
      for (const [name, bytes] of Object.entries(shots)) {
        const size = imageSize(bytes);
        expect(size.type, name).toBe('png');
        expect(size.width, name).toBe(Number(name.slice(0, 3)));
        // The whole email, not one screen of it.
        expect(size.height, name).toBeGreaterThan(2000);
      }
      expect(shots['375-dark']!.equals(shots['375-light']!)).toBe(false);
      expect(shots['800-dark']!.equals(shots['800-light']!)).toBe(false);
    },
    timeFor(SCREENSHOT_RUN),
  );

  it.skipIf(missing)(
    'draws the site images the checkout holds, before the site is deployed, even offline',
    async () => {
      const dir = await sampleWorkspace({ 'sections/april-2025/kata.md': '![The Kata team at the PTG](/img/kata-team.png)\n' });
      const site = await tempDir();
      await writeFiles(site, { 'static/img/kata-team.png': png(1200, 1200) });
      const heights: number[] = [];
      for (const [config, flags] of [
        ['', []],
        [`siteRepo: ${site}\n`, []],
        ['', ['--site', site]],
      ] as const) {
        await writeFiles(dir, { 'newsletter.config.yaml': config });
        const out = await tempDir();
        const result = await runCli(['screenshot', '--offline', '--out', out, '--browser', CHROMIUM, ...flags], { cwd: dir, work: SCREENSHOT_RUN });
        expect(result.code, result.stderr).toBe(0);
        heights.push(imageSize(await readFile(join(out, 'email-375-light.png'))).height!);
      }
      // Without the checkout the image is a line of alt text; with it, a square about 330 px high at 375 px.
      expect(heights[1]! - heights[0]!).toBeGreaterThan(250);
      // --site names the checkout as siteRepo does.
      expect(heights[2]).toBe(heights[1]);
      // Three runs of Chromium, each drawing four pictures: the time follows from the work.
    },
    timeFor({ cliRuns: 3, browserStarts: 3, pages: 3 * 4 }),
  );

  it.skipIf(missing)(
    'writes into dist/<issue>/screenshots by default',
    async () => {
      const dir = await sampleWorkspace();
      const result = await runCli(['screenshot', 'april-2025', '--offline'], { cwd: dir, env: { CHROME_PATH: CHROMIUM }, work: SCREENSHOT_RUN });
      expect(result.code).toBe(0);
      expect(result.stdout).toContain('4 screenshots in dist/april-2025/screenshots');
      expect((await readdir(join(dir, 'dist/april-2025/screenshots'))).length).toBe(4);
    },
    timeFor(SCREENSHOT_RUN),
  );

  it('says in one line what to install when there is no browser, with exit 2', async () => {
    const dir = await sampleWorkspace();
    const result = await runCli(['screenshot', '--browser', 'no/such/chromium'], { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      `error no browser at ${join(dir, 'no/such/chromium')} (from --browser): install Chromium (apt-get install chromium), or name a Chrome or Chromium with --browser PATH or CHROME_PATH.\n`,
    );
    const fromEnv = await runCli(['screenshot'], { cwd: dir, env: { CHROME_PATH: '/no/chrome' } });
    expect(fromEnv.code).toBe(2);
    expect(fromEnv.stderr).toMatch(/^error no browser at \/no\/chrome \(from CHROME_PATH\): install Chromium/);
  });
});

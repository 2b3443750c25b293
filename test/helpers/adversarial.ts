import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
// The generator is shared with `npm run bench`, which times the same inputs through the CLI.
import { adversarialFragments } from '../../scripts/adversarial-inputs.mjs';
import { defaultConfig } from '../../src/core/config/config.js';
import { importPost } from '../../src/core/issue/import-post.js';
import { LIMITS } from '../../src/core/limits.js';
import { RULES } from '../../src/lint/index.js';
import { openIssuePipeline } from '../../src/pipeline.js';
import { builtinTemplates, issueSourcesFrom } from './issue.js';
import { timeFor } from './budget.js';
import { REPO } from './workspace.js';

/*
 * Every shape of the generator, at the size limits, through every lint rule and every renderer
 * (blog post, MJML, HTML, text) and through import. What is asserted is the work done, not the
 * time it took: each output grows at most linearly with the input, lint reports at most a few
 * messages per line, and a refusal names the file and line. The inputs that once took minutes
 * (quadratic parsing, backtracking patterns) each take at most 8 s of CPU here; the test's
 * timeout, many times that (test/helpers/budget.ts), is a backstop, and `npm run bench` prints the
 * real timings.
 */
const defaults = defaultConfig();
const sampleDir = join(REPO, 'sections', 'april-2025');
const sample = Object.fromEntries(readdirSync(sampleDir).map((name) => [name, readFileSync(join(sampleDir, name), 'utf8')]));

/**
 * The shapes whose index is `part` modulo `parts`, each a test: the shapes are split over test
 * files so that vitest's workers share them (together they are minutes of CPU).
 */
export function describeShapes(part: number, parts: number): void {
  describe(`adversarial inputs at the limits finish with bounded work (part ${part + 1} of ${parts})`, () => {
    const shapes = adversarialFragments().filter((_, i) => i % parts === part);

    it.each(shapes.map((shape) => [shape.name, shape] as const))(
      '%s',
      async (_, { text, words }) => {
        const config = words ? { ...defaultConfig(), words } : defaults;
        // Each stage is seconds of synchronous work: let the worker answer vitest between them.
        const breathe = () => new Promise((resolve) => setImmediate(resolve));
        // Two fragments of the shape beside the sample issue: the most one issue may hold.
        const pipeline = openIssuePipeline({
          config,
          sources: issueSourcesFrom({ ...sample, 'kata.md': text, 'starlingx.md': text }),
          templates: builtinTemplates(),
        });
        const inputBytes = Buffer.byteLength(text) * 2 + 8 * 1024;
        const refused = pipeline.issue.problems.filter((p) => p.fatal);
        for (const problem of refused) {
          expect(problem.file).toMatch(/(kata|starlingx)\.md$/);
          expect(problem.line).toBeGreaterThanOrEqual(1);
          expect(problem.line).toBeLessThanOrEqual(LIMITS.fragmentLines + 1);
        }

        await breathe();
        const lines = text.split('\n').length * 2 + 200;
        const messages = await pipeline.diagnostics();
        // Rules report per construct, never per pair of constructs.
        expect(messages.length).toBeLessThanOrEqual(RULES.length * lines + Buffer.byteLength(text));

        await breathe();
        expect(Buffer.byteLength(pipeline.blog())).toBeLessThanOrEqual(2 * inputBytes);
        // Sanitised HTML can spell a character as an entity, and each block has its markup: at most some times the input.
        expect(Buffer.byteLength(pipeline.mjml())).toBeLessThanOrEqual(40 * inputBytes);
        // Each link's URL is written out after its text, campaign-tagged: dense links make the text several times longer.
        expect(Buffer.byteLength(pipeline.text())).toBeLessThanOrEqual(10 * inputBytes);
        const { html, notCompiled } = await pipeline.email();
        const emailSize = messages.filter((m) => m.ruleId === 'email-size');
        if (notCompiled !== undefined) expect(emailSize.some((m) => m.message.includes('not compiled'))).toBe(true);
        else if (Buffer.byteLength(html) > 102 * 1024) expect(emailSize).toHaveLength(1);

        await breathe();
        // The same text as a published post, through import.
        const post = `---\ntitle: "Inside Open Infrastructure: May 2031"\n---\n## OpenStack\n\n${text}\n## Kata Containers\n\n${text}`;
        try {
          const imported = importPost(post, 'post.md', config, undefined);
          expect([...imported.files.values()].reduce((n, f) => n + Buffer.byteLength(f), 0)).toBeLessThanOrEqual(2 * Buffer.byteLength(post) + 4096);
        } catch (error) {
          expect((error as Error).name).toBe('CliError');
        }
      },
      timeFor({ limitIssues: 1 }),
    );
  });
}

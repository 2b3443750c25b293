#!/usr/bin/env node
// Part of npm run bench: the least work any `lint --all` over a workspace must do, measured
// alone. Every issue's Markdown goes through the parser once and its email through MJML once
// (the email-size and mjml rules need the compiled email); nothing else is timed: no file
// reading, front matter, rules, email view or output. The passes repeat in one process, so the
// later ones run code that V8 has fully optimised, which a fresh process never has.
// Usage: node scripts/bench-floor.mjs <workspace> (each issue built: dist/<issue>/email.mjml).
// Prints JSON: { issues, first, warm } in ms; warm is the median of the last ten passes.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseSourceParts } from '../lib/core/issue/front-matter.js';
import { parseMarkdown } from '../lib/core/markdown/markdown.js';
import { compileMjml } from '../lib/io/mjml.js';
import { listIssues, readIssueSources } from '../lib/io/workspace.js';

const PASSES = 20;
const root = process.argv[2];
const issues = [];
for (const id of await listIssues(root)) {
  // The emails come built by the CLI (dist/), so that nothing here has run the parser before
  // the first pass: it must meet the Markdown as cold as a fresh lint does.
  const { issueFile, fragments } = await readIssueSources(root, id);
  const parts = [issueFile, ...fragments].filter(Boolean).map((file) => parseSourceParts(file.text, file.path));
  issues.push({ parts, mjml: readFileSync(join(root, 'dist', id.slug, 'email.mjml'), 'utf8') });
}

await compileMjml('<mjml><mj-body></mj-body></mjml>'); // loads MJML outside the timings
const passes = [];
for (let pass = 0; pass < PASSES; pass++) {
  const start = performance.now();
  for (const issue of issues) {
    for (const { body, bodyLine } of issue.parts) parseMarkdown(body, bodyLine);
    await compileMjml(issue.mjml);
  }
  passes.push(performance.now() - start);
}
const last = passes.slice(-10).sort((a, b) => a - b);
console.log(JSON.stringify({ issues: issues.length, first: passes[0], warm: last[Math.floor(last.length / 2)] }));

import { closest } from '../../core/suggest.js';
import { imageUsesOf } from '../images.js';
import { defineRule } from '../rule.js';

export const localImage = defineRule({
  id: 'local-image',
  defaultSeverity: 'error',
  description:
    "An image path relative to the fragment (the issue's own images, such as img/photo.png in the issue's folder) that names no file there, leaves the folder, or is written as raw HTML, which the blog post would keep relative.",
  examples: {
    ok: [{ files: { 'kata.md': '![The Kata team at the PTG](img/team.png)' }, images: { 'img/team.png': { width: 1200, height: 800 } } }],
    notOk: [
      {
        files: { 'kata.md': '![The Kata team](img/teem.png)' },
        images: { 'img/team.png': {} },
        messages: ['kata.md:1:1 img/teem.png is not in sections/april-2025/; did you mean img/team.png? Add the file there, or fix the path.'],
      },
      {
        files: { 'kata.md': '![Logo](../logo.png)' },
        messages: [
          "kata.md:1:1 ../logo.png leaves the issue's folder; keep the issue's images in sections/april-2025/ (img/ by custom), or use a site path such as /img/logo.png.",
        ],
      },
      {
        files: { 'kata.md': '<img src="img/team.png" alt="The team">' },
        images: { 'img/team.png': {} },
        messages: [
          "kata.md:1:6 img/team.png is the issue's own image in raw HTML, which the blog post keeps as written; write it as Markdown: ![What it shows](img/team.png).",
        ],
      },
    ],
  },
  check(context) {
    const folder = `sections/${context.issue.id.slug}/`;
    const known = [...context.issue.images.keys()];
    // The issue's own files that were refused (a link out, not an image): errors of no rule, at each file.
    const refused = new Map(context.issue.problems.filter((p) => p.ruleId === null && p.fatal && p.file.startsWith(folder)).map((p) => [p.file, p.message]));
    for (const use of imageUsesOf(context)) {
      if (!use.local) continue;
      const at = { file: use.file, ...use.range };
      if (use.local.outside) {
        context.report({
          ...at,
          message: `${use.url} leaves the issue's folder; keep the issue's images in ${folder} (img/ by custom), or use a site path such as /img/${use.local.path.split('/').pop()}.`,
        });
      } else if (!use.local.image && refused.has(folder + use.local.path)) {
        // The file is there but was refused (its own error says why, at the file): not "not in the folder".
        context.report({
          ...at,
          message: `${use.url} cannot be shown: the file is refused (see ${folder}${use.local.path}): ${refused.get(folder + use.local.path)}`,
        });
      } else if (!use.local.image) {
        // A path is short; a pasted monster is not worth comparing.
        const near = use.local.path.length <= 300 ? nearestPath(use.local.path, known) : undefined;
        context.report({ ...at, message: `${use.url} is not in ${folder}; ${near ? `did you mean ${near}? Add` : 'add'} the file there, or fix the path.` });
      } else if (use.html) {
        context.report({
          ...at,
          message: `${use.url} is the issue's own image in raw HTML, which the blog post keeps as written; write it as Markdown: ![What it shows](${use.url}).`,
        });
      }
    }
  },
});

/** A known image with a name a typo away from this one's (the shared folder and extension do not count as alike). */
function nearestPath(path: string, known: string[]): string | undefined {
  const name = (p: string) => p.slice(p.lastIndexOf('/') + 1);
  const nearest = closest(name(path), known.map(name));
  return nearest === undefined ? undefined : known.find((k) => name(k) === nearest);
}

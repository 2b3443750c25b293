import { brokenAddress } from '../../core/markdown/urls.js';
import { defineRule } from '../rule.js';
import { inOnePiece, proseBlocks } from '../../core/dates/prose.js';
import { proseRange } from '../prose.js';
import { urlsOf } from '../source.js';

// No [ inside brackets: a line of [[[[ costs one pass, not one per bracket.
// [text] (https://...): the space makes it text in brackets, then an address in parentheses.
const SPACED = /\[[^[\]\n]+\]([ \t]+)\((?=\s*(?:https?:\/\/|mailto:|www\.|\/))/g;
// [text](an address with spaces) or ![alt](img/Photo 1.JPG), as cameras name files: Markdown ends a destination at a space, so the whole is text.
// The runs of the destination alternate (no space, then spaces), so a line without its ) costs one pass.
const SPACED_DESTINATION = /(!?)\[([^[\]\n]*)\]\(([^()\s<>"']+(?:[ \t]+[^()\s<>"']+)+)\)/g;
// [text][label] or [text][] left as text: Markdown made no link, since no "[label]: url" line defines the label.
const UNDEFINED_REFERENCE = /(!?)\[([^[\]\n]+)\]\[([^[\]\n]*)\]/g;

export const linkSyntax = defineRule({
  id: 'link-syntax',
  defaultSeverity: 'error',
  fixable: true,
  description:
    'Link syntax that reaches readers as brackets: a space between ] and ( ("[text] (https://...)"), an address or image path with spaces ("![alt](img/Photo 1.JPG)"), a reference ([text][label]) whose label no "[label]: url" line defines; and an address mistyped: "https//", "http:/", the scheme twice, a space or %20 in the host. --fix closes the gap, writes an image path with spaces in angle brackets (the outputs carry its published address, without them), and repairs the scheme.',
  examples: {
    ok: [{ files: { 'zuul.md': '[Release notes][zuul12] and [the docs](https://zuul-ci.org/docs) [sic].\n\n[zuul12]: https://zuul-ci.org/notes' } }],
    notOk: [
      {
        files: { 'zuul.md': 'Read [the notes] (https://zuul-ci.org/notes).' },
        messages: ['zuul.md:1:17 a space between ] and ( leaves "[the notes]" as text and the address bare; remove the space.'],
        fixed: { 'zuul.md': 'Read [the notes](https://zuul-ci.org/notes).' },
      },
      {
        files: { 'zuul.md': 'See [the notes][zuul12].' },
        messages: [
          'zuul.md:1:5 "[the notes][zuul12]" refers to a link "zuul12" that no line defines; add "[zuul12]: https://..." below, or write [the notes](https://...).',
        ],
      },
      {
        files: { 'zuul.md': '[Docs](https//zuul-ci.org/docs) and [notes](https://https://zuul-ci.org/notes)' },
        messages: [
          'zuul.md:1:1 the address "https//zuul-ci.org/docs" lacks the colon after https; write https://zuul-ci.org/docs.',
          'zuul.md:1:37 the address "https://https://zuul-ci.org/notes" has its scheme twice; write https://zuul-ci.org/notes.',
        ],
        fixed: { 'zuul.md': '[Docs](https://zuul-ci.org/docs) and [notes](https://zuul-ci.org/notes)' },
      },
      {
        files: { 'zuul.md': 'The team:\n\n![The UPP hackathon team](img/UPP Hackathon 2026.JPG)' },
        messages: [
          'zuul.md:3:1 the image\'s path "img/UPP Hackathon 2026.JPG" holds spaces, so Markdown shows "![The UPP hackathon team](img/UPP Hackathon 2026.JPG)" as text; write it in angle brackets: (<img/UPP Hackathon 2026.JPG>).',
        ],
        fixed: { 'zuul.md': 'The team:\n\n![The UPP hackathon team](<img/UPP Hackathon 2026.JPG>)' },
      },
      {
        files: { 'zuul.md': 'See [the slides](https://example.org/PTG slides.pdf).' },
        messages: [
          'zuul.md:1:5 the link\'s address "https://example.org/PTG slides.pdf" holds a space, so Markdown shows "[the slides](https://example.org/PTG slides.pdf)" as text; write the space as %20: https://example.org/PTG%20slides.pdf.',
        ],
      },
      {
        files: { 'zuul.md': '[Docs](https://zuul-ci%20.org/docs)' },
        messages: ['zuul.md:1:1 the address "https://zuul-ci%20.org/docs" has a space in its host; fix the address.'],
      },
    ],
  },
  check({ docs, report }) {
    for (const { file, doc } of docs) {
      for (const prose of proseBlocks(doc)) {
        for (const match of prose.text.matchAll(SPACED)) {
          const gap = match[1]!;
          const at = (match.index ?? 0) + match[0].length - 1 - gap.length;
          const shown = match[0].slice(0, match[0].length - 1 - gap.length);
          report({
            file,
            ...proseRange(doc, prose, at, gap.length),
            message: `a space between ] and ( leaves "${shown}" as text and the address bare; remove the space.`,
            fix: { original: gap, text: '' },
          });
        }
        for (const match of prose.text.matchAll(SPACED_DESTINATION)) {
          const [whole, bang, , address] = match as unknown as [string, string, string, string];
          const web = /^(?:[a-z][a-z0-9+.-]*:|www\.)/i.test(address);
          const what = bang ? "image's" : "link's";
          const mended = web ? address.replace(/[ \t]+/g, (gap) => '%20'.repeat(gap.length)) : `<${address}>`;
          const at = (match.index ?? 0) + whole.length - 1 - address.length;
          report({
            file,
            ...proseRange(doc, prose, match.index ?? 0, whole.length),
            message: `the ${what} ${web ? 'address' : 'path'} "${address}" holds ${/[ \t].*[ \t]/.test(address) ? 'spaces' : 'a space'}, so Markdown shows "${whole}" as text; ${web ? `write the space as %20: ${mended}` : `write it in angle brackets: (${mended})`}.`,
            // Only where the address is one piece of text (a web address may be a link of its own inside it).
            ...(inOnePiece(prose, at, address.length)
              ? { fix: { original: whole, text: `${whole.slice(0, whole.length - 1 - address.length)}${mended})` } }
              : {}),
          });
        }
        for (const match of prose.text.matchAll(UNDEFINED_REFERENCE)) {
          const [whole, , text, label] = match as unknown as [string, string, string, string];
          const name = label === '' ? text : label;
          report({
            file,
            ...proseRange(doc, prose, match.index ?? 0, whole.length),
            message: `"${whole}" refers to a link "${name}" that no line defines; add "[${name}]: https://..." below, or write [${text}](https://...).`,
          });
        }
      }
      for (const { url, range, node, kind } of urlsOf(doc)) {
        const broken = brokenAddress(url);
        if (!broken) continue;
        const start = node.position?.start.offset ?? 0;
        const end = node.position?.end.offset ?? start;
        const source = doc.source.slice(start, end);
        const at = source.lastIndexOf(url);
        report({
          file,
          ...range,
          message: `the address "${url}" ${broken.problem}; ${broken.meant ? `write ${broken.meant}` : 'fix the address'}.`,
          // The fix replaces the whole link, with the address it holds mended.
          ...(broken.meant && kind !== 'html' && at >= 0 && range.endLine !== undefined
            ? { fix: { original: source, text: source.slice(0, at) + broken.meant + source.slice(at + url.length) } }
            : {}),
        });
      }
    }
  },
});

import { defineRule } from '../rule.js';
import { positionAt } from '../source.js';

/** Leftovers of copying from a word processor, a web page or a sent email. */
// Mojibake and invisible characters reach readers as garbage (or hide words from search): errors.
// The rest renders as intended and only clutters the source: warnings.
const RESIDUE: { pattern: RegExp; what: string; severity?: 'warn'; fix?: (found: string) => string | undefined }[] = [
  { pattern: /<!--\s*(?:StartFragment|EndFragment)\s*-->/g, what: 'a clipboard marker', severity: 'warn', fix: () => '' },
  { pattern: /[\u200B\u200C\u2060\uFEFF\u00AD]/g, what: 'an invisible character', fix: () => '' },
  // â€[™œ\u009d˜”“¦¢]|â€|Ã[©¨¡³±¶¼ª§]|Â[\u00A0 ], escaped: a bundle with one non-ASCII character is
  // held by V8 as a two-byte string, twice the size, and the startup snapshot carries it.
  {
    pattern:
      /\u00E2\u20AC[\u2122\u0153\u009D\u02DC\u201D\u201C\u00A6\u00A2]|\u00E2\u20AC|\u00C3[\u00A9\u00A8\u00A1\u00B3\u00B1\u00B6\u00BC\u00AA\u00A7]|\u00C2[\u00A0 ]/g,
    what: 'mojibake (text decoded with the wrong encoding)',
    fix: undoMojibake,
  },
  // A control character does nothing in HTML, but one in the plain text, or a terminal showing
  // it (ESC starts a sequence that retitles a window or clears it), acts on it (#36). U+009D
  // after â€ is mojibake's, reported above.
  { pattern: /[\u0001-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009C\u009E\u009F]|(?<!\u00E2\u20AC)\u009D/g, what: 'a control character', fix: () => '' },
  { pattern: /&nbsp;/g, what: 'an &nbsp; entity', severity: 'warn', fix: () => ' ' },
  { pattern: /<o:p>|class="?Mso\w*|mso-[a-z-]+:/gi, what: 'Word formatting', severity: 'warn' },
];

export const pasteResidue = defineRule({
  id: 'paste-residue',
  defaultSeverity: 'error',
  fixable: true,
  description:
    "Clipboard and word-processor leftovers. Mojibake such as â€™, zero-width characters and control characters (ESC, BEL, DEL...) are errors (readers see them, and a terminal showing the plain text acts on them); <!--StartFragment-->, &nbsp; entities and Word's mso- styles are warnings. --fix deletes markers, invisible and control characters, turns &nbsp; into a space and mojibake back into the character it was.",
  examples: {
    ok: [{ files: { 'events.md': '**OpenInfra Days** – the community’s events, 6 & 7 March.' } }],
    notOk: [
      {
        files: { 'events.md': '**OpenInfra Days**<!--StartFragment-->' },
        messages: ['events.md:1:19 a clipboard marker left from pasting: "<!--StartFragment-->"; delete it.'],
      },
      { files: { 'events.md': 'The community\u200Bs events' }, messages: ['events.md:1:14 an invisible character left from pasting: U+200B; delete it.'] },
      {
        files: { 'events.md': 'The communityâ€™s events' },
        messages: ['events.md:1:14 mojibake (text decoded with the wrong encoding) left from pasting: "â€™"; write "’".'],
        fixed: { 'events.md': 'The community’s events' },
      },
      {
        files: { 'events.md': '**OpenInfra Days**<!--StartFragment--> in Paris\u200B, Register&nbsp;now' },
        messages: [
          'events.md:1:19 a clipboard marker left from pasting: "<!--StartFragment-->"; delete it.',
          'events.md:1:48 an invisible character left from pasting: U+200B; delete it.',
          'events.md:1:59 an &nbsp; entity left from pasting: "&nbsp;"; delete it.',
        ],
        fixed: { 'events.md': '**OpenInfra Days** in Paris, Register now' },
      },
      {
        files: { 'events.md': 'Bell\u0007 and \u001B]0;title\u0007 here' },
        messages: [
          'events.md:1:5 a control character left from pasting: U+0007; delete it.',
          'events.md:1:11 a control character left from pasting: U+001B; delete it.',
          'events.md:1:20 a control character left from pasting: U+0007; delete it.',
        ],
        fixed: { 'events.md': 'Bell and ]0;title here' },
      },
      { files: { 'events.md': 'Register&nbsp;now' }, messages: ['events.md:1:9 an &nbsp; entity left from pasting: "&nbsp;"; delete it.'] },
      // In front matter, a space before # would start a YAML comment: the fixed title is quoted, and means what it meant.
      {
        files: { 'events.md': '---\ntitle: Events&nbsp;#1\n---\nText.\n' },
        messages: ['events.md:2:14 an &nbsp; entity left from pasting: "&nbsp;"; delete it.'],
        fixed: { 'events.md': '---\ntitle: "Events #1"\n---\nText.\n' },
      },
    ],
  },
  check({ docs, report }) {
    for (const { file, doc } of docs) {
      for (const { pattern, what, severity, fix } of RESIDUE) {
        for (const match of doc.source.matchAll(pattern)) {
          const start = positionAt(doc, match.index ?? 0);
          const end = positionAt(doc, (match.index ?? 0) + match[0].length);
          const shown = /^[\u200B\u200C\u2060\uFEFF\u00AD\u0001-\u001F\u007F-\u009F]$/.test(match[0])
            ? `U+${match[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`
            : `"${match[0]}"`;
          const replacement = fix?.(match[0]);
          const advice = replacement === undefined || replacement === '' || replacement === ' ' ? 'delete it' : `write "${replacement}"`;
          report({
            file,
            line: start.line,
            column: start.column,
            endLine: end.line,
            endColumn: end.column,
            message: `${what} left from pasting: ${shown}; ${advice}.`,
            severity,
            ...(replacement === undefined ? {} : { fix: { original: match[0], text: replacement } }),
          });
        }
      }
    }
  },
});

// Windows-1252's characters at 0x80-0x9F; every other character below 0x100 is its own byte.
const CP1252 = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ';

/**
 * The character that UTF-8 text read as Windows-1252 turned into `found` ("â€™" is ’), or
 * undefined when its bytes are not whole UTF-8 (a byte was lost): then no fix is certain.
 * "Â " was a no-break space: a space.
 */
function undoMojibake(found: string): string | undefined {
  if (/^\u00C2[\u00A0 ]$/.test(found)) return ' ';
  const bytes: number[] = [];
  for (const char of found) {
    const at = CP1252.indexOf(char);
    const code = at >= 0 ? 0x80 + at : char.charCodeAt(0);
    if (code > 0xff) return undefined;
    bytes.push(code);
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(Uint8Array.from(bytes));
  } catch {
    return undefined;
  }
}

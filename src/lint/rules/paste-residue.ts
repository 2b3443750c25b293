import type { Rule } from '../types.js';
import { positionAt } from '../source.js';

/** Leftovers of copying from a word processor, a web page or a sent email. */
// Mojibake and invisible characters reach readers as garbage (or hide words from search): errors.
// The rest renders as intended and only clutters the source: warnings.
const RESIDUE: { pattern: RegExp; what: string; severity?: 'warn' }[] = [
  { pattern: /<!--\s*(?:StartFragment|EndFragment)\s*-->/g, what: 'a clipboard marker', severity: 'warn' },
  { pattern: /[\u200B\u200C\u2060\uFEFF\u00AD]/g, what: 'an invisible character' },
  // â€[™œ\u009d˜”“¦¢]|â€|Ã[©¨¡³±¶¼ª§]|Â[\u00A0 ], escaped: a bundle with one non-ASCII character is
  // held by V8 as a two-byte string, twice the size, and the startup snapshot carries it.
  { pattern: /\u00E2\u20AC[\u2122\u0153\u009D\u02DC\u201D\u201C\u00A6\u00A2]|\u00E2\u20AC|\u00C3[\u00A9\u00A8\u00A1\u00B3\u00B1\u00B6\u00BC\u00AA\u00A7]|\u00C2[\u00A0 ]/g, what: 'mojibake (text decoded with the wrong encoding)' },
  { pattern: /&nbsp;/g, what: 'an &nbsp; entity', severity: 'warn' },
  { pattern: /<o:p>|class="?Mso\w*|mso-[a-z-]+:/gi, what: 'Word formatting', severity: 'warn' },
];

export const pasteResidue: Rule = {
  id: 'paste-residue',
  defaultSeverity: 'error',
  description: 'Clipboard and word-processor leftovers. Mojibake such as â€™ and zero-width characters are errors (readers see them); <!--StartFragment-->, &nbsp; entities and Word\'s mso- styles are warnings.',
  examples: {
    ok: [{ files: { 'events.md': '**OpenInfra Days** – the community’s events, 6 & 7 March.' } }],
    notOk: [
      { files: { 'events.md': '**OpenInfra Days**<!--StartFragment-->' }, messages: ['events.md:1:19 a clipboard marker left from pasting: "<!--StartFragment-->"; delete it.'] },
      { files: { 'events.md': 'The community\u200Bs events' }, messages: ['events.md:1:14 an invisible character left from pasting: U+200B; delete it.'] },
      { files: { 'events.md': 'The communityâ€™s events' }, messages: ['events.md:1:14 mojibake (text decoded with the wrong encoding) left from pasting: "â€™"; delete it.'] },
      { files: { 'events.md': 'Register&nbsp;now' }, messages: ['events.md:1:9 an &nbsp; entity left from pasting: "&nbsp;"; delete it.'] },
    ],
  },
  check({ docs, report }) {
    for (const { file, doc } of docs) {
      for (const { pattern, what, severity } of RESIDUE) {
        for (const match of doc.source.matchAll(pattern)) {
          const start = positionAt(doc, match.index ?? 0);
          const end = positionAt(doc, (match.index ?? 0) + match[0].length);
          const shown = /^[\u200B\u200C\u2060\uFEFF\u00AD]$/.test(match[0]) ? `U+${match[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}` : `"${match[0]}"`;
          report({ file, line: start.line, column: start.column, endLine: end.line, endColumn: end.column, message: `${what} left from pasting: ${shown}; delete it.`, severity });
        }
      }
    }
  },
};

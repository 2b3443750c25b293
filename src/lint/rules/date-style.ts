import { restyleDate } from '../../core/dates/dates.js';
import { issueDateOf } from '../../core/issue/issue.js';
import { defineRule } from '../rule.js';
import { inOnePiece, issueDateStyle, proseBlocks, proseDates } from '../../core/dates/prose.js';
import { proseRange } from '../prose.js';

const STYLES = { 'month-first': 'September 2', 'day-first': '2 September' } as const;
type Style = keyof typeof STYLES;

export const dateStyle = defineRule({
  id: 'date-style',
  defaultSeverity: 'warn',
  fixable: true,
  description:
    'Dates written two ways in one issue ("September 2" beside "2 September"): the fewer are reported, or every date not in the style the option `style` names (month-first or day-first). --fix writes them the other way.',
  options: {
    style: {
      type: 'choice',
      values: ['month-first', 'day-first'],
      default: undefined,
      description: 'the one style dates take: month-first (September 2) or day-first (2 September); unset, the style most dates of the issue take',
    },
  },
  examples: {
    ok: [{ files: { 'events.md': '* September 2: Paris\n* October 17-19, 2025: Berlin', 'kata.md': 'Kata 3.14 came out on May 6.' } }],
    notOk: [
      {
        files: { 'events.md': '* September 2: Paris\n* October 17-19: Berlin\n* 6 November: Tokyo' },
        messages: ['events.md:3:3 "6 November" is written day first, and the issue\'s other dates month first; write "November 6".'],
        fixed: { 'events.md': '* September 2: Paris\n* October 17-19: Berlin\n* November 6: Tokyo' },
      },
      {
        files: { 'events.md': '* September 2: Paris' },
        config: { rules: { 'date-style': ['warn', { style: 'day-first' }] } },
        messages: ['events.md:1:3 "September 2" is written month first, and the config asks for day first; write "2 September".'],
        fixed: { 'events.md': '* 2 September: Paris' },
      },
      {
        files: { 'kata.md': 'Kata 3.14 came out on 28 April 2025; 3.15 is due June 18th, 2025 and 3.16 on 1 & 2 July.' },
        messages: ['kata.md:1:50 "June 18th, 2025" is written month first, and the issue\'s other dates day first; write "18th June 2025".'],
        fixed: { 'kata.md': 'Kata 3.14 came out on 28 April 2025; 3.15 is due 18th June 2025 and 3.16 on 1 & 2 July.' },
      },
    ],
  },
  check({ issue, docs, options, report }) {
    const issueDate = issueDateOf(issue);
    const found = docs.flatMap(({ file, doc }) =>
      proseBlocks(doc).flatMap((prose) =>
        proseDates(prose, issueDate)
          .filter((m) => m.style)
          .map((mention) => ({ file, doc, prose, mention })),
      ),
    );
    const configured = options.style;
    // The style the issue's events are written in too (core/dates/prose.ts): the rule and the outputs never disagree.
    const expected = issueDateStyle(
      docs.map(({ doc }) => doc),
      issueDate,
      configured,
    );
    if (!expected) return;
    const words = (style: Style) => style.replace('-first', ' first');
    for (const { file, doc, prose, mention } of found) {
      if (mention.style === expected) continue;
      const against = configured ? `the config asks for ${words(expected)}` : `the issue's other dates ${words(expected)}`;
      const restyled = restyleDate(mention.text, expected);
      report({
        file,
        ...proseRange(doc, prose, mention.index, mention.text.length),
        message: `"${mention.text}" is written ${words(mention.style!)}, and ${against}; ${restyled ? `write "${restyled}"` : `write it ${STYLES[expected]}-style`}.`,
        ...(restyled && inOnePiece(prose, mention.index, mention.text.length) ? { fix: { original: mention.text, text: restyled } } : {}),
      });
    }
  },
});

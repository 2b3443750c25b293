import { formatDayRange } from '../../core/events.js';
import { issueDateOf } from '../../core/issue.js';
import type { Rule } from '../types.js';
import { issueDateStyle, proseBlocks } from '../../core/prose.js';
import { proseRange } from '../prose.js';

const RELATIVE = /\b(?:today|tomorrow|yesterday|tonight|(?:this|next|last) (?:week(?:end)?|morning|afternoon|evening)|later this week|earlier this week)\b(?!['\u2019]s)/giu;
// "Today" also means "nowadays" ("shifts in open source today") and closes calls to act ("Contact
// Jimmy today to find out more!"), both true whenever read: it is a day only first in its
// sentence ("Today, we...") or next to news ("released today", "today announced").
const NEWS = /\b(?:announc\w*|releas\w*|launch\w*|publish\w*|unveil\w*|available|(?:is|are) out|goes live|went live|opens|opened|closes|closed|starts|started|begins|began|ends|ended|kicks? off|ships|shipped)\b/i;
// "the cloud of tomorrow" is a figure of speech.
const FIGURE = /\b(?:of|for)\s+$/i;

export const relativeDate: Rule = {
  id: 'relative-date',
  defaultSeverity: 'warn',
  description: 'Today, tomorrow, yesterday, tonight, this week, next week... in a monthly issue read days or weeks after it is written: name the day instead. "Today" counts first in its sentence or next to news (released, available, announced...); "Register today", "development today" and "today\'s" are fine.',
  examples: {
    ok: [{ files: { 'foundation.md': 'Register today for the Summit. Zuul maps to today\'s AI workflows. Contact [Jimmy](mailto:jimmy@openinfra.dev) today to find out more! The biggest shift in open source today. The cloud of tomorrow. On May 6, Kata 3.15 came out.' } }],
    // The day shown is the issue's own date (the first of its month when none is written), in the issue's date style.
    notOk: [
      { files: { 'foundation.md': 'Today, we are announcing the new board.' }, messages: ['foundation.md:1:1 "Today" is read days or weeks after it is written; name the day it means, as the issue writes dates (the issue\'s own date: 1 April).'] },
      { files: { 'issue.md': '---\ndate: 2025-12-02\n---\n', 'events.md': 'Registration opened on November 3. The CFP closes next week.' }, slug: 'december-2025', messages: ['events.md:1:51 "next week" is read days or weeks after it is written; name the day it means, as the issue writes dates (the issue\'s own date: December 2).'] },
      { files: { 'issue.md': '---\ndate: 2025-05-20\n---\n', 'kata.md': 'Kata 3.15 is available today.' }, slug: 'may-2025', config: { rules: { 'date-style': ['warn', { style: 'month-first' }] } }, messages: ['kata.md:1:24 "today" is read days or weeks after it is written; name the day it means, as the issue writes dates (the issue\'s own date: May 20).'] },
    ],
  },
  check({ issue, config, docs, report }) {
    // An example of the day named as the writer should: the issue's own date, in the style its
    // dates take (date-style's, core/prose.ts; day first, as its events, when nothing says).
    // Found at the first report: most issues have none.
    let example: string | undefined;
    const exampleDay = (): string => {
      if (example !== undefined) return example;
      const issueDate = issueDateOf(issue);
      const configured = config.rules['date-style']?.options.style;
      const style = issueDateStyle(docs.map(({ doc }) => doc), issueDate, configured === 'month-first' || configured === 'day-first' ? configured : undefined) ?? 'day-first';
      const day = issueDate.toISOString().slice(0, 10);
      return (example = formatDayRange(day, day, style, false));
    };
    for (const { file, doc } of docs) {
      for (const prose of proseBlocks(doc)) {
        for (const match of prose.text.matchAll(RELATIVE)) {
          const index = match.index ?? 0;
          const before = prose.text.slice(Math.max(0, index - 40), index);
          if (FIGURE.test(before)) continue;
          if (/^today$/i.test(match[0])) {
            const sentenceStart = /(?:^|[.!?:]\s+)[\s"'*_(]*$/.test(before) && (index >= 40 || /^[\s"'*_(]*$|[.!?:]\s+[\s"'*_(]*$/.test(before));
            const near = `${before.split(/\s+/).slice(-3).join(' ')} ${prose.text.slice(index + match[0].length, index + match[0].length + 30).split(/\s+/).slice(0, 4).join(' ')}`;
            if (!sentenceStart && !NEWS.test(near)) continue;
          }
          report({ file, ...proseRange(doc, prose, index, match[0].length), message: `"${match[0]}" is read days or weeks after it is written; name the day it means, as the issue writes dates (the issue's own date: ${exampleDay()}).` });
        }
      }
    }
  },
};

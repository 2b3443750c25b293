import type { Rule } from '../types.js';
import { proseBlocks } from '../../core/prose.js';
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
    notOk: [
      { files: { 'foundation.md': 'Today, we are announcing the new board.' }, messages: ['foundation.md:1:1 "Today" is read days or weeks after it is written; name the day (on May 6, 2025).'] },
      { files: { 'events.md': 'The CFP closes next week.' }, messages: ['events.md:1:16 "next week" is read days or weeks after it is written; name the day (on May 6, 2025).'] },
      { files: { 'kata.md': 'Kata 3.15 is available today.' }, messages: ['kata.md:1:24 "today" is read days or weeks after it is written; name the day (on May 6, 2025).'] },
    ],
  },
  check({ docs, report }) {
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
          report({ file, ...proseRange(doc, prose, index, match[0].length), message: `"${match[0]}" is read days or weeks after it is written; name the day (on May 6, 2025).` });
        }
      }
    }
  },
};

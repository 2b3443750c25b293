import { formatDayRange } from '../../core/events/events.js';
import { issueDateOf } from '../../core/issue/issue.js';
import { defineRule } from '../rule.js';
import { issueDateStyle, proseBlocks, sentenceAround } from '../../core/dates/prose.js';
import { findDates } from '../../core/dates/dates.js';
import { proseRange } from '../prose.js';

const RELATIVE =
  /\b(?:today|tomorrow|yesterday|tonight|(?:this|next|last) (?:week(?:end)?|morning|afternoon|evening)|later this week|earlier this week)\b(?!['\u2019]s)/giu;
// "Today" is the day the post or the issue is dated, which readers see on it: "today announced"
// in an announcement, "Today, we run OpenStack..." (nowadays), "Register today" are all true
// whenever read. It misleads only as a deadline, which is over by the time the issue is read.
const DEADLINE = /\b(?:clos(?:es|ing)|ends|ending|deadline|last day|expires?|due|opens|final day)\b/i;
// "the cloud of tomorrow" is a figure of speech.
const FIGURE = /\b(?:of|for)\s+$/i;

export const relativeDate = defineRule({
  id: 'relative-date',
  defaultSeverity: 'warn',
  description:
    'Tomorrow, yesterday, tonight, this week, next week... in a monthly issue read days or weeks after it is written: name the day instead. "Today" is the day the issue or post is dated, and counts only as a deadline ("registration closes today"); a relative day with the day named beside it ("this week, on May 7") is fine.',
  examples: {
    ok: [
      {
        files: {
          'foundation.md':
            "Register today for the Summit. Zuul maps to today's AI workflows. Contact [Jimmy](mailto:jimmy@openinfra.dev) today to find out more! The biggest shift in open source today. The cloud of tomorrow. On May 6, Kata 3.15 came out. The OpenInfra Foundation today announced its new board. Today, we run OpenStack in three regions. Kata 3.15 came out this week, on May 7.",
        },
      },
    ],
    // The day shown is the issue's own date (the first of its month when none is written), in the issue's date style.
    notOk: [
      {
        files: { 'foundation.md': 'Early bird registration ends today.' },
        messages: [
          'foundation.md:1:30 "today" is read days or weeks after it is written; name the day it means, as the issue writes dates (the issue\'s own date: 1 April).',
        ],
      },
      {
        files: { 'issue.md': '---\ndate: 2025-12-02\n---\n', 'events.md': 'Registration opened on November 3. The CFP closes next week.' },
        slug: 'december-2025',
        messages: [
          'events.md:1:51 "next week" is read days or weeks after it is written; name the day it means, as the issue writes dates (the issue\'s own date: December 2).',
        ],
      },
      {
        files: { 'issue.md': '---\ndate: 2025-05-20\n---\n', 'kata.md': 'Kata 3.15 came out yesterday.' },
        slug: 'may-2025',
        config: { rules: { 'date-style': ['warn', { style: 'month-first' }] } },
        messages: [
          'kata.md:1:20 "yesterday" is read days or weeks after it is written; name the day it means, as the issue writes dates (the issue\'s own date: May 20).',
        ],
      },
    ],
  },
  check({ issue, config, docs, report }) {
    // An example of the day named as the writer should: the issue's own date, in the style its
    // dates take (date-style's, core/dates/prose.ts; day first, as its events, when nothing says).
    // Found at the first report: most issues have none.
    let example: string | undefined;
    const exampleDay = (): string => {
      if (example !== undefined) return example;
      const issueDate = issueDateOf(issue);
      const configured = config.rules['date-style']?.options.style;
      const style =
        issueDateStyle(
          docs.map(({ doc }) => doc),
          issueDate,
          configured === 'month-first' || configured === 'day-first' ? configured : undefined,
        ) ?? 'day-first';
      const day = issueDate.toISOString().slice(0, 10);
      return (example = formatDayRange(day, day, style, false));
    };
    for (const { file, doc } of docs) {
      for (const prose of proseBlocks(doc)) {
        for (const match of prose.text.matchAll(RELATIVE)) {
          const index = match.index ?? 0;
          const before = prose.text.slice(Math.max(0, index - 40), index);
          if (FIGURE.test(before)) continue;
          const sentence = sentenceAround(prose.text, index);
          if (/^today$/i.test(match[0]) && !DEADLINE.test(sentence)) continue;
          // "this week, on May 7": the day is named beside it.
          if (findDates(sentence, issueDateOf(issue)).some((mention) => !mention.monthOnly)) continue;
          report({
            file,
            ...proseRange(doc, prose, index, match[0].length),
            message: `"${match[0]}" is read days or weeks after it is written; name the day it means, as the issue writes dates (the issue's own date: ${exampleDay()}).`,
          });
        }
      }
    }
  },
});

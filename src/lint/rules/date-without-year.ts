import { yearIsCertain, YEAR_CERTAIN_DAYS_BEFORE } from '../../core/dates/dates.js';
import { issueDateOf, issueDayShown } from '../../core/issue/issue.js';
import { defineRule } from '../rule.js';
import { PAST_TENSE, proseBlocks, proseDates, sentenceAround } from '../../core/dates/prose.js';
import { proseRange } from '../prose.js';

export const dateWithoutYear = defineRule({
  id: 'date-without-year',
  defaultSeverity: 'warn',
  description: `A day without a year ("September 8-9", "6 September") more than ${YEAR_CERTAIN_DAYS_BEFORE} days before the issue's date or six months after it: a reader, and past-date, cannot tell which year it means. Dates in between read in the obvious year, and so does a date in a sentence that names the year ("later this year") or tells what happened ("On November 17, the Foundation hosted...").`,
  examples: {
    ok: [
      {
        files: {
          'issue.md': '---\ndate: 2025-12-02\n---\n',
          'events.md':
            '* OpenInfra Days Europe: September 8-9, 2026\n* Deadline: 15 December\n* Summit: 17-19 May\n* Spring: in March\n* On June 17 and 18, the Foundation hosted its first two-day event.\n* The white paper will be published later this year, on October 17.',
        },
        slug: 'december-2025',
      },
    ],
    notOk: [
      {
        files: { 'issue.md': '---\ndate: 2025-12-02\n---\n', 'events.md': '* OpenInfra Days Europe will take place on September 8-9.' },
        slug: 'december-2025',
        messages: ['events.md:1:44 "September 8-9" has no year and is months from the issue\'s date (2025-12-02); write the year.'],
      },
      {
        files: { 'issue.md': '---\ndate: 2025-04-21\n---\n', 'foundation.md': 'The board meets on 6 December.' },
        messages: ['foundation.md:1:20 "6 December" has no year and is months from the issue\'s date (2025-04-21); write the year.'],
      },
    ],
  },
  check({ issue, docs, report }) {
    const issueDate = issueDateOf(issue);
    const shown = issueDayShown(issue);
    for (const { file, doc } of docs) {
      for (const prose of proseBlocks(doc)) {
        for (const mention of proseDates(prose, issueDate)) {
          // A month alone ("in March") is a season, not a date to put in a calendar.
          if (mention.monthOnly || yearIsCertain(mention, issueDate)) continue;
          // The sentence tells the year: it names one ("later this year", "in 2021"), or tells what
          // happened, whose date is the last one of that name before the issue.
          const sentence = sentenceAround(prose.text, mention.index);
          if (/\b(?:this|next|last) year\b|\b(?:19|20)\d{2}\b/i.test(sentence.replace(mention.text, ''))) continue;
          if (new RegExp(PAST_TENSE.source, 'i').test(sentence)) continue;
          report({
            file,
            ...proseRange(doc, prose, mention.index, mention.text.length),
            message: `"${mention.text}" has no year and is months from the issue's date (${shown}); write the year.`,
          });
        }
      }
    }
  },
});

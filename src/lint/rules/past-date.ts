import { yearIsCertain, YEAR_CERTAIN_DAYS_BEFORE } from '../../core/dates/dates.js';
import { issueDateOf, issueDayShown } from '../../core/issue/issue.js';
import { defineRule } from '../rule.js';
import { PAST_TENSE as PAST, proseBlocks, proseDates, textOutsideLinks } from '../../core/dates/prose.js';
import { proseRange } from '../prose.js';

// "Open" looks forward only as a verb or a state ("opens", "is open"): "open source", "Open Infrastructure" and "the Four Opens" do not.
const FORWARD =
  /\b(?:deadlines?|until|by|closes?|closing|register|registration|submit|submissions?|apply|applications?|will|upcoming|join|attend|need to|due|before|starts?|opens|(?:is|are|now|still) open|takes? place|save the date|coming|soon|end of|stay tuned|don't miss)\b/gi;

export const pastDate = defineRule({
  id: 'past-date',
  defaultSeverity: 'error',
  description: `A date already past on the issue's date where the text still looks forward: any date in an events section, elsewhere dates next to words such as deadline, until, register, will ("open" only as "opens" or "is open"). Past-tense recaps, titles and headings are fine, and a range is judged by its end ("July - September"). Only a date whose year is certain (written, or from ${YEAR_CERTAIN_DAYS_BEFORE} days before the issue's date to six months after: date-without-year asks for the others' year), and never the issue's own month.`,
  options: { eventSections: { type: 'string[]', default: ['events'], description: 'section ids in which any past date is reported' } },
  examples: {
    ok: [
      {
        files: {
          'issue.md': '---\ndate: 2025-04-21\n---\n',
          'kata.md': '* Kata 3.14 was released on April 1.',
          'events.md': '* 17-19 October 2025 | Paris\n* 29 & 30 April: Erlangen',
        },
      },
      {
        files: { 'issue.md': '---\ntitle: "Inside Open Infrastructure: April 2025"\ndate: 2025-05-02\n---\nThe April 2025 issue: what comes next.' },
        slug: 'april-2025',
      },
      {
        files: { 'issue.md': '---\ndate: 2025-12-02\n---\n', 'events.md': '* OpenInfra Days Europe will take place on September 8-9.' },
        slug: 'december-2025',
      },
      // "Open" as a name, a linked page's title, a heading, a range not over: none looks forward to a past day.
      {
        files: {
          'issue.md': '---\ndate: 2025-06-29\n---\n',
          'foundation.md':
            '## The November 2024 PTG\n\nWe became the Open Infrastructure Foundation in October 2020.\n\n* May 13: [How to start contributing upstream](https://example.org/recap/) with the interns.\n* May - July: a series of meetups.',
        },
        slug: 'june-2025',
      },
    ],
    notOk: [
      {
        files: { 'issue.md': '---\ndate: 2025-04-21\n---\n', 'events.md': '* OpenInfra Days North America will take place on March 6 & 7.' },
        messages: ['events.md:1:51 "March 6 & 7" is already past on the issue\'s date (2025-04-21); remove it or say what happened.'],
      },
      {
        files: { 'issue.md': '---\ndate: 2025-04-21\n---\n', 'openstack.md': '* Users may need to find an alternative at the end of March.' },
        messages: ['openstack.md:1:55 "March" is already past on the issue\'s date (2025-04-21); remove it or say what happened.'],
      },
      {
        files: { 'issue.md': '---\ndate: 2025-04-21\n---\n', 'foundation.md': '* Submit a talk: the deadline is 13 April.' },
        messages: ['foundation.md:1:34 "13 April" is already past on the issue\'s date (2025-04-21); remove it or say what happened.'],
      },
    ],
  },
  check({ issue, docs, options, report }) {
    const issueDate = issueDateOf(issue);
    const eventSections = options.eventSections;
    const shown = issueDayShown(issue);
    // "April 2025" in the April issue published on 2 May names the issue, not a deadline.
    const isOwnMonth = (mention: { monthOnly: boolean; month: number; year: number }) =>
      mention.monthOnly && mention.month === issue.id.month && mention.year === issue.id.year;
    for (const { file, doc, fragment, at } of docs) {
      // A title names what the issue is about ("October 2025 PTG Summary"), never a deadline.
      if (at) continue;
      const inEvents = fragment !== undefined && eventSections.includes(fragment.id);
      for (const prose of proseBlocks(doc)) {
        if (prose.block.type === 'heading') continue;
        const past = proseDates(prose, issueDate).filter((mention) => mention.last < issueDate && yearIsCertain(mention, issueDate) && !isOwnMonth(mention));
        if (past.length === 0) continue;
        const forward = inEvents ? undefined : forwardLooking(textOutsideLinks(prose));
        for (const mention of past) {
          if (forward && !forward(mention.index)) continue;
          report({
            file,
            ...proseRange(doc, prose, mention.index, mention.text.length),
            message: `"${mention.text}" is already past on the issue's date (${shown}); remove it or say what happened.`,
          });
        }
      }
    }
  },
});

/**
 * Whether the sentence around a date looks forward. The nearest cue before the date, in its
 * sentence, decides ("was released on April 1" is a recap); with none before it, a forward cue
 * after it counts, unless a past one is there too. Sentences and cues are found once per block,
 * so a block with thousands of dates costs no more than its length.
 */
function forwardLooking(text: string): (index: number) => boolean {
  const ends = sentenceEnds(text);
  const cues = [
    ...[...text.matchAll(FORWARD)].map((m) => ({ at: m.index ?? 0, forward: true })),
    ...[...text.matchAll(PAST)].map((m) => ({ at: m.index ?? 0, forward: false })),
  ].sort((a, b) => a.at - b.at);
  const cueAt = cues.map((c) => c.at);
  // Past cues up to each cue, so that "any past cue between two points" is one subtraction.
  const pastBefore: number[] = [0];
  for (const cue of cues) pastBefore.push(pastBefore.at(-1)! + (cue.forward ? 0 : 1));
  const forwardBefore: number[] = [0];
  for (const cue of cues) forwardBefore.push(forwardBefore.at(-1)! + (cue.forward ? 1 : 0));
  return (index) => {
    const sentence = firstAtOrAfter(ends, index);
    const end = ends[sentence] ?? text.length;
    const start = ends[sentence - 1] ?? 0;
    const from = firstAtOrAfter(cueAt, start);
    const at = firstAtOrAfter(cueAt, index);
    const to = firstAtOrAfter(cueAt, end);
    if (at > from) return cues[at - 1]!.forward;
    const after = cues[at]?.at === index ? at + 1 : at;
    const forwards = forwardBefore[to]! - forwardBefore[after]!;
    const pasts = pastBefore[to]! - pastBefore[after]!;
    return forwards > 0 && pasts === 0;
  };
}

/** Offsets just past each sentence end (`.`, `!` or `?` then a space or the end of the text). */
function sentenceEnds(text: string): number[] {
  const ends: number[] = [];
  for (const m of text.matchAll(/[.!?](?=\s|$)/g)) ends.push((m.index ?? 0) + 1);
  return ends;
}

/** The first index of a sorted list whose value is at or after `value` (the list's length if none). */
function firstAtOrAfter(sorted: number[], value: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (sorted[mid]! < value) low = mid + 1;
    else high = mid;
  }
  return low;
}

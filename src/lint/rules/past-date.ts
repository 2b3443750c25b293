import { findDates } from '../../core/dates.js';
import { parseIsoDate } from '../../core/front-matter.js';
import { defaultIssueDate } from '../../core/issue.js';
import type { Rule } from '../types.js';
import { proseBlocks, proseRange, sentenceAround } from '../prose.js';
import { stringList } from '../source.js';

const FORWARD = /\b(?:deadlines?|until|by|closes?|closing|register|registration|submit|submissions?|apply|applications?|will|upcoming|join|attend|need to|due|before|starts?|opens?|takes? place|save the date|coming|soon|end of|stay tuned|don't miss)\b/gi;
const PAST = /\b(?:was|were|took place|happened|released|held|has been|have been|had|recap|ago|completed|concluded|announced|launched|published|met|elected|wrapped up)\b/gi;

export const pastDate: Rule = {
  id: 'past-date',
  defaultSeverity: 'warn',
  description: 'A date already past on the issue\'s date where the text still looks forward: any date in an events section, elsewhere dates next to words such as deadline, until, register, will. Past-tense recaps are fine. Options: eventSections.',
  examples: {
    ok: [
      { files: { 'issue.md': '---\ndate: 2025-04-21\n---\n', 'kata.md': '* Kata 3.14 was released on April 1.', 'events.md': '* 17-19 October 2025 | Paris\n* 29 & 30 April: Erlangen' } },
    ],
    notOk: [
      { files: { 'issue.md': '---\ndate: 2025-04-21\n---\n', 'events.md': '* OpenInfra Days North America will take place on March 6 & 7.' } },
      { files: { 'issue.md': '---\ndate: 2025-04-21\n---\n', 'openstack.md': '* Users may need to find an alternative at the end of March.' } },
      { files: { 'issue.md': '---\ndate: 2025-04-21\n---\n', 'foundation.md': '* Submit a talk: the deadline is 13 April.' } },
    ],
  },
  check({ issue, docs, options, report }) {
    const issueDate = parseIsoDate(issue.meta.date) ?? new Date(defaultIssueDate(issue.id));
    const eventSections = stringList(options.eventSections, ['events']);
    const shown = issue.meta.date.slice(0, 10);
    for (const { file, doc, fragment } of docs) {
      const inEvents = fragment !== undefined && eventSections.includes(fragment.id);
      for (const prose of proseBlocks(doc)) {
        for (const mention of findDates(prose.text, issueDate)) {
          if (mention.last >= issueDate) continue;
          if (!inEvents && !looksForward(prose.text, mention.index)) continue;
          report({
            file,
            ...proseRange(doc, prose, mention.index, mention.text.length),
            message: `"${mention.text}" is already past on the issue's date (${shown}); remove it or say what happened.`,
          });
        }
      }
    }
  },
};

/**
 * Whether the sentence around a date looks forward. The nearest cue before the date decides
 * ("was released on April 1" is a recap); with none before it, a forward cue after it counts.
 */
function looksForward(text: string, index: number): boolean {
  const sentence = sentenceAround(text, index);
  const at = index - sentence.start;
  const cues = [
    ...[...sentence.text.matchAll(FORWARD)].map((m) => ({ at: m.index ?? 0, forward: true })),
    ...[...sentence.text.matchAll(PAST)].map((m) => ({ at: m.index ?? 0, forward: false })),
  ].sort((a, b) => a.at - b.at);
  const before = cues.filter((c) => c.at < at).at(-1);
  if (before) return before.forward;
  const after = cues.filter((c) => c.at > at);
  return after.some((c) => c.forward) && !after.some((c) => !c.forward);
}

import { formatDayRange, zoneLabel } from '../../core/events/events.js';
import { issueDateOf, issueDayShown } from '../../core/issue/issue.js';
import { defineRule } from '../rule.js';

/** Within this many days of the issue's date, a start or a deadline may reach readers too late. */
const SOON_DAYS = 3;
const DAY_MS = 86_400_000;

const SUMMIT = '---\nevents:\n  - name: OpenInfra Summit Europe\n    url: https://summit2025.openinfra.org/\n';

export const eventDates = defineRule({
  id: 'event-dates',
  defaultSeverity: 'error',
  description: `The dates of a fragment's \`events:\`, against the issue's date: an event over by then, or a deadline passed by then (left out of the outputs), is an error; one that starts or closes within the next ${SOON_DAYS} days is a warning: readers may see it too late. Exact, from the data: past-date keeps reading the prose.`,
  examples: {
    ok: [
      {
        files: {
          'issue.md': '---\ndate: 2025-05-20\n---\n',
          'events.md': `${SUMMIT}    start: 2025-10-17\n    deadlines:\n      - label: Submit a talk\n        date: 2025-06-13T23:59\n        timezone: America/Los_Angeles\n---\n`,
        },
      },
    ],
    notOk: [
      {
        files: { 'issue.md': '---\ndate: 2025-11-04\n---\n', 'events.md': `${SUMMIT}    start: 2025-10-17\n    end: 2025-10-19\n---\n` },
        messages: ["events.md:6:1 OpenInfra Summit Europe ended on 19 October 2025, before the issue's date (2025-11-04); remove it."],
      },
      {
        files: {
          'issue.md': '---\ndate: 2025-06-20\n---\n',
          'events.md': `${SUMMIT}    start: 2025-10-17\n    deadlines:\n      - label: Submit a talk\n        date: 2025-06-13T23:59\n        timezone: America/Los_Angeles\n---\n`,
        },
        messages: [
          'events.md:8:1 "Submit a talk" closed on 13 June 2025, 23:59 PT, before the issue\'s date (2025-06-20); it is left out of the outputs: remove it, or give its new date.',
        ],
      },
      {
        files: {
          'issue.md': '---\ndate: 2025-06-12\n---\n',
          'events.md': `${SUMMIT}    start: 2025-10-17\n    deadlines:\n      - label: Submit a talk\n        date: 2025-06-13T23:59\n        timezone: America/Los_Angeles\n---\n`,
        },
        messages: [
          'events.md:8:1 "Submit a talk" closes on 13 June 2025, 23:59 PT, within 3 days of the issue\'s date (2025-06-12): readers may see it too late.',
        ],
      },
      {
        files: { 'issue.md': '---\ndate: 2025-10-15\n---\n', 'events.md': `${SUMMIT}    start: 2025-10-17\n---\n` },
        messages: [
          "events.md:5:1 OpenInfra Summit Europe starts on 17 October 2025, within 3 days of the issue's date (2025-10-15): readers may see it too late.",
        ],
      },
    ],
  },
  check({ issue, report }) {
    const date = issueDateOf(issue);
    const day = date.toISOString().slice(0, 10);
    const shown = issueDayShown(issue);
    const at = date.getTime();
    for (const fragment of issue.fragments) {
      for (const event of fragment.events) {
        const file = fragment.path;
        if (event.end < day) {
          report({
            file,
            line: event.endLine,
            message: `${event.name} ended on ${formatDayRange(event.end, event.end, 'day-first')}, before the issue's date (${shown}); remove it.`,
          });
          continue;
        }
        const startsIn = (Date.parse(`${event.start}T00:00:00Z`) - Date.parse(`${day}T00:00:00Z`)) / DAY_MS;
        if (startsIn >= 0 && startsIn < SOON_DAYS) {
          report({
            file,
            line: event.startLine,
            severity: 'warn',
            message: `${event.name} starts on ${formatDayRange(event.start, event.start, 'day-first')}, within ${SOON_DAYS} days of the issue's date (${shown}): readers may see it too late.`,
          });
        }
        for (const deadline of event.deadlines) {
          const when = `${formatDayRange(deadline.date, deadline.date, 'day-first')}${deadline.time ? `, ${deadline.time} ${zoneLabel(deadline.timezone, deadline.at)}` : ''}`;
          if (deadline.at < at) {
            report({
              file,
              line: deadline.line,
              message: `"${deadline.label}" closed on ${when}, before the issue's date (${shown}); it is left out of the outputs: remove it, or give its new date.`,
            });
          } else if (deadline.at - at < SOON_DAYS * DAY_MS) {
            report({
              file,
              line: deadline.line,
              severity: 'warn',
              message: `"${deadline.label}" closes on ${when}, within ${SOON_DAYS} days of the issue's date (${shown}): readers may see it too late.`,
            });
          }
        }
      }
    }
  },
});
